// The cost–regret figure of the verify frontier, on the shared synthetic fixture: spec snapshot and its axes.
import { it } from "node:test";
import assert from "node:assert/strict";
import { syntheticResults } from "../fixtures/results";
import { matchSnapshot } from "../fixtures/snapshot";
import { verifyFrontierChart } from "../../src/report/figures/verify-frontier-chart";
import { reportFigures } from "../../src/publish/write-report";
import { verifyFrontier } from "../../src/results/verify-frontier";

const r = syntheticResults({ seeds: [0, 1], tasks: ["a", "b", "c", "d", "e"] });
const f = verifyFrontier(r, { resamples: 200 })!;

it("x = fine-tunes on a log scale from 1 to exhaustive, y = normalised regret, a line and a band per selector and strategy", () => {
  const fig = verifyFrontierChart(f);
  const x = fig.layout.xaxis as { type: string; range: number[]; title: { text: string }; tickvals: number[] };
  assert.equal(x.type, "log");
  assert.deepEqual(x.range, [-0.05, Math.log10(15) + 0.05]);
  assert.equal(x.tickvals[x.tickvals.length - 1], 15);
  assert.match(x.title.text, /real fine-tunes spent/);
  assert.match((fig.layout.yaxis as { title: { text: string } }).title.text, /normalised regret/);
  const lines = fig.data.filter((d) => d.showlegend !== false),
    bands = fig.data.filter((d) => d.fill === "toself");
  assert.equal(lines.length, f.curves.length);
  assert.equal(bands.length, f.curves.length);
  const shown = lines.filter((d) => d.visible === true).map((d) => d.name);
  assert.deepEqual(shown, [
    "merge-to-mix top",
    "merge-to-mix sizes",
    "merge-to-mix portfolio",
    "merge-to-mix adaptive",
    `cosine ${f.defaultStrategy}`,
    `l2 ${f.defaultStrategy}`,
    "random best-of-K",
  ]);
  for (const d of lines) for (const v of d.x as number[]) assert.ok(v >= 1 && v <= 15);
  matchSnapshot("verify-frontier", fig);
});

it("the report carries the figure for a run with a ground truth", () => {
  assert.ok(reportFigures(r).some(([name]) => name === "verify-frontier"));
});
