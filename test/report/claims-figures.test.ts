import { test } from "node:test";
import * as assert from "node:assert/strict";
import { claimsOf } from "../../src/results/claims";
import {
  claim1Chart,
  methodPowerChart,
  surrogateChart,
  weightedSimplexFigure,
  weightedTruthChart,
} from "../../src/report/figures";
import { reportFigures } from "../../src/publish/write-report";
import { syntheticResults } from "../fixtures/results";
import type { WeightedGrid } from "../../src/results/weighted-grid";
import { weightedTruthIntervals } from "../../src/results/weighted-vs-binary";

const results = syntheticResults({ seed: 21, seeds: [0, 1, 2] });
const claims = claimsOf(results)!;
type Trace = {
  x: unknown[];
  y: (number | null)[];
  error_y: { array: (number | null)[]; arrayminus: (number | null)[]; symmetric: boolean; visible: boolean };
  name?: string;
};

test("method power chart: bars with asymmetric 95% error bars, the oracle only on the accuracy side", () => {
  const fig = methodPowerChart(claims);
  const [regret, acc] = fig.data as unknown as Trace[];
  assert.equal(regret.x.length, 6, "no oracle among the normalised regrets (0 by definition)");
  assert.equal(acc.x.length, 7);
  claims.methods.forEach((m, i) => {
    assert.ok(Math.abs((acc.y[i] as number) - 100 * m.testAcc.estimate) < 1e-9);
    assert.ok(Math.abs((acc.error_y.array[i] as number) - 100 * (m.testAcc.hi - m.testAcc.estimate)) < 1e-9);
    assert.ok(Math.abs((acc.error_y.arrayminus[i] as number) - 100 * (m.testAcc.estimate - m.testAcc.lo)) < 1e-9);
  });
  assert.equal(acc.error_y.symmetric, false);
  assert.ok(
    Math.abs(
      (regret.error_y.array[0] as number) -
        (claims.methods[0].normalisedRegret.hi - claims.methods[0].normalisedRegret.estimate),
    ) < 1e-9,
  );
});

test("claim 1 chart: r per target and over all targets with the baselines; bars without an interval get no error bar", () => {
  const fig = claim1Chart(claims);
  const all = (fig.data as unknown as Trace[]).flatMap((t) =>
    t.x.map((x, i) => ({ x, y: t.y[i], up: t.error_y.array[i], visible: t.error_y.visible })),
  );
  assert.deepEqual(
    all.map((b) => b.x).sort(),
    [...results.targets, "all targets<br>merged", "all targets<br>cosine", "all targets<br>L2"].sort(),
  );
  const mean = all.find((b) => b.x === "all targets<br>merged")!;
  assert.equal(mean.y, claims.claim1.estimate);
  // one seed: per-target intervals cannot be bootstrapped, so those bars sit in a trace without error bars
  const one = claimsOf(syntheticResults({ seed: 21, seeds: [0] }))!;
  const traces = claim1Chart(one).data as unknown as Trace[];
  const noBars = traces.find((t) => !t.error_y.visible)!;
  assert.deepEqual(
    noBars.x,
    one.perTarget.map((p) => p.target),
  );
  assert.match(String((fig.layout.title as { text: string }).text), /r = \d\.\d\d/);
});

test("surrogate chart: null without surrogates, r and normalised regret otherwise", () => {
  assert.equal(surrogateChart(claims), null);
  const s = {
    name: "ties",
    r: claims.claim1,
    normalisedRegret: claims.methods[0].normalisedRegret,
    testAcc: claims.methods[0].testAcc,
    lambda: null,
    extraFinetunes: 0,
    extraSeconds: 0,
  };
  const fig = surrogateChart({ ...claims, surrogates: [s, { ...s, name: "mean" }] })!;
  const [r, nr] = fig.data as unknown as Trace[];
  assert.deepEqual(r.x, ["ties", "mean"]);
  assert.equal(nr.y[0], claims.methods[0].normalisedRegret.estimate);
});

const grid3 = (extra: Partial<WeightedGrid> = {}): WeightedGrid => ({
  target: "alpha",
  candidates: ["a", "b", "c"],
  metric: "merged validation accuracy",
  points: [
    [1, 0, 0],
    [0.5, 0.5, 0],
    [0, 1, 0],
    [0.5, 0, 0.5],
    [0, 0.5, 0.5],
    [0, 0, 1],
  ],
  merged: [0.6, 0.62, 0.55, 0.58, 0.5, 0.4],
  ...extra,
});

test("weighted simplex: a ternary plot with the search path and optimum; older grids show the grid alone", () => {
  const path = [
    { weights: [0.5, 0.5, 0], score: 0.62 },
    { weights: [0.625, 0.375, 0], score: 0.63 },
  ];
  const fig = weightedSimplexFigure(grid3({ optimum: { weights: [0.625, 0.375, 0], score: 0.63 }, path }));
  const names = fig.data.map((t) => t.name);
  assert.deepEqual(names, [
    "grid points (merged score)",
    "search path",
    "start (binary pick)",
    "best grid point",
    "weighted optimum",
  ]);
  assert.ok(fig.data.every((t) => t.type === "scatterternary"));
  const opt = fig.data[4] as { a: number[]; b: number[]; c: number[] };
  assert.deepEqual([opt.a[0], opt.b[0], opt.c[0]], [0.625, 0.375, 0]);
  const tern = fig.layout.ternary as Record<string, { title: { text: string } }>;
  assert.deepEqual(
    ["aaxis", "baxis", "caxis"].map((k) => tern[k].title.text),
    ["a", "b", "c"],
  );
  assert.match(
    String((fig.layout.title as { text: string }).text),
    /weighted optimum 63\.0% vs best grid point 62\.0%/,
  );
  const old = weightedSimplexFigure(grid3());
  assert.deepEqual(
    old.data.map((t) => t.name),
    ["grid points (merged score)", "best grid point"],
  );
  // two candidates: a line over the first weight; more: grid points by rank
  const two = weightedSimplexFigure({
    target: "t",
    candidates: ["a", "b"],
    points: [
      [0, 1],
      [0.5, 0.5],
      [1, 0],
    ],
    merged: [0.1, 0.3, 0.2],
    optimum: { weights: [0.6, 0.4], score: 0.31 },
    path: [{ weights: [0.5, 0.5], score: 0.3 }],
  });
  assert.deepEqual(
    two.data.map((t) => t.name),
    ["grid points (merged score)", "search path", "weighted optimum"],
  );
  assert.ok((two.layout.xaxis as { title: { text: string } }).title.text.includes("weight of a"));
  const four = weightedSimplexFigure({
    target: "t",
    candidates: ["a", "b", "c", "d"],
    points: [
      [1, 0, 0, 0],
      [0, 1, 0, 0],
    ],
    merged: [0.2, 0.3],
  });
  assert.deepEqual((four.data[0] as { y: number[] }).y, [0.3, 0.2], "best first");
});

test("weighted truth chart: per-target fine-tuned accuracies with the paired difference in the title; null without truth", () => {
  const t = (w: number, b: number) => ({
    weighted: { val_acc: 0, val_loss: 0, test_acc: w, seconds: 0 },
    uniform: { val_acc: 0, val_loss: 0, test_acc: w, seconds: 0 },
    proportional: { val_acc: 0, val_loss: 0, test_acc: w, seconds: 0 },
    binary: { val_acc: 0, test_acc: b },
  });
  const row = (seed: number, target: string, truth: ReturnType<typeof t> | null) => ({
    seed,
    target,
    candidates: ["a", "b"],
    binary_mask: 1,
    binary_merged_loss: 1,
    binary_merged_acc: 0.5,
    weights: [1, 0],
    merged_loss: 1,
    merged_acc: 0.5,
    evaluations: 1,
    path: [],
    truth,
  });
  const rows = [
    row(0, "x", t(0.8, 0.78)),
    row(1, "x", t(0.82, 0.79)),
    row(0, "y", t(0.5, 0.52)),
    row(1, "y", t(0.51, 0.5)),
  ];
  const fig = weightedTruthChart(weightedTruthIntervals(rows))!;
  assert.deepEqual(
    fig.data.map((d) => d.name),
    ["binary pick (concatenated)", "optimised proportions", "uniform over the pick", "size-proportional over the pick"],
  );
  assert.deepEqual(
    (fig.data[1] as { y: number[] }).y.map((v) => Math.round(v * 10) / 10),
    [81, 50.5],
  );
  assert.match(String((fig.layout.title as { text: string }).text), /optimised − binary: \+1\.0 points \[/);
  assert.equal(weightedTruthChart(weightedTruthIntervals(rows.map((r) => ({ ...r, truth: null })))), null);
});

test("every panel of every report figure has axis titles", () => {
  const grid = grid3({ optimum: { weights: [1, 0, 0], score: 0.6 }, path: [{ weights: [1, 0, 0], score: 0.6 }] });
  const noTruth = { ...results, groundTruth: false };
  const figs = [...reportFigures(results, { grid }), ...reportFigures(noTruth)];
  assert.ok(figs.length >= 8 + results.targets.length * results.seeds.length);
  for (const [name, , fig] of figs) {
    const axes = Object.keys(fig.layout).filter((k) => /^[xy]axis\d*$/.test(k));
    if (name === "weighted-simplex") {
      const tern = fig.layout.ternary as Record<string, { title?: { text?: string } }>;
      for (const k of ["aaxis", "baxis", "caxis"]) assert.ok(tern[k].title?.text, `${name}: ternary ${k} has a title`);
      continue;
    }
    assert.ok(axes.length >= 2, `${name} has axes`);
    for (const a of axes) {
      const t = (fig.layout[a] as { title?: { text?: string } }).title?.text;
      assert.ok(typeof t === "string" && t.trim().length > 0, `${name}: ${a} has no title`);
    }
  }
});
