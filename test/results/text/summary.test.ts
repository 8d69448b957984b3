import { test } from "node:test";
import * as assert from "node:assert/strict";
import { formatSummary } from "../../../src/results/text/summary";
import type { CorrelationRow, CostRow, MethodName, RunResults, SelectionRow } from "../../../src/results/results";

const METHODS: MethodName[] = ["merge-to-mix", "cosine", "l2", "random", "all", "best-single", "oracle"];

/** Test accuracy per (target, method), chosen on a 0.5 % grid so every mean is exact at one decimal. */
const ACC: Record<string, Record<MethodName, number>> = {
  a: { "merge-to-mix": 0.8, cosine: 0.7, l2: 0.65, random: 0.6, all: 0.75, "best-single": 0.72, oracle: 0.85 },
  b: { "merge-to-mix": 0.9, cosine: 0.6, l2: 0.55, random: 0.5, all: 0.7, "best-single": 0.88, oracle: 0.91 },
};
const BASE: Record<string, number> = { a: 0.5, b: 0.3 };
const RANK: Record<string, number> = { a: 2, b: 1 };

function results(complete: boolean): RunResults {
  const targets = ["a", "b"];
  const candidates = { a: ["b", "c"], b: ["a", "c"] };
  const selections: SelectionRow[] = targets.flatMap((t) =>
    METHODS.map((method) => ({
      seed: 0,
      target: t,
      method,
      mask: method === "random" ? -1 : 3,
      members: candidates[t as "a" | "b"],
      test_acc: ACC[t][method],
      regret: ACC[t].oracle - ACC[t][method],
      rank: method === "merge-to-mix" ? RANK[t] : 1,
    })),
  );
  const corr = (
    scorer: CorrelationRow["scorer"],
    truth: CorrelationRow["truth"],
    subset: CorrelationRow["subset"],
    pearson: number,
  ): CorrelationRow => ({
    seed: 0,
    target: "mean",
    scorer,
    truth,
    subset,
    n: 3,
    pearson,
    spearman: pearson / 2,
    kendall: pearson / 4,
  });
  const cost = (target: string, m2m: number, ex: number): CostRow => ({
    seed: 0,
    target,
    m2m_finetunes: target === "all" ? 3 : 2,
    m2m_finetune_samples: 400,
    m2m_merge_evals: target === "all" ? 6 : 3,
    m2m_seconds: m2m,
    exhaustive_finetunes: target === "all" ? 4 : 3,
    exhaustive_finetune_samples: 1000,
    exhaustive_seconds: ex,
    speedup: ex / m2m,
  });
  return {
    version: 1,
    spec: {},
    suite: "toy",
    targets,
    candidates,
    tasks: {
      a: { title: "A", classes: ["0", "1"] },
      b: { title: "B", classes: ["0", "1"] },
      c: { title: "C", classes: ["0", "1"] },
    },
    seeds: [0],
    mixtures: [],
    selections,
    correlations: [
      corr("merged", "val_acc", "all", 0.84),
      corr("merged", "val_acc", "no-singletons", 0.62),
      corr("merged", "val_loss", "all", -0.7),
      corr("merged", "val_loss", "no-singletons", -0.5),
      corr("cosine", "val_acc", "all", 0.12),
      corr("l2", "val_acc", "all", -0.08),
    ],
    base: targets.map((t) => ({ seed: 0, target: t, val_acc: BASE[t], test_acc: BASE[t] })),
    cost: complete
      ? [cost("a", 4, 60), cost("b", 5, 90), cost("all", 8, 200)]
      : [cost("a", 4, 60), cost("b", 5, NaN), cost("all", 8, NaN)],
    complete,
    started: "2025-01-01T00:00:00.000Z",
    finished: complete ? "2025-01-01T00:10:00.000Z" : null,
  };
}

/** The whitespace-separated cells of the table line whose first cell is `first`. */
function row(text: string, first: string): string[] {
  const line = text.split("\n").find((l) => l.split(/\s+/)[0] === first);
  assert.ok(line, `no row "${first}" in:\n${text}`);
  return line.trim().split(/\s+/);
}

const pct1 = (x: number) => (100 * x).toFixed(1);

test("the main table has a row per target with θ0, every method, M2M regret and rank", () => {
  const text = formatSummary(results(true));
  assert.match(text, /toy, 1 seed\(s\), 3 mixtures per target/);
  for (const t of ["a", "b"]) {
    const cells = row(text, t);
    assert.deepEqual(cells, [
      t,
      pct1(BASE[t]),
      ...METHODS.map((m) => pct1(ACC[t][m])),
      pct1(ACC[t].oracle - ACC[t]["merge-to-mix"]),
      RANK[t].toFixed(1),
    ]);
  }
});

test("the mean row averages the targets column by column", () => {
  const cells = row(formatSummary(results(true)), "mean");
  const mean = (f: (t: string) => number) => ((f("a") + f("b")) / 2).toFixed(1);
  assert.deepEqual(cells, [
    "mean",
    mean((t) => 100 * BASE[t]),
    ...METHODS.map((m) => mean((t) => 100 * ACC[t][m])),
    mean((t) => 100 * (ACC[t].oracle - ACC[t]["merge-to-mix"])),
    mean((t) => RANK[t]),
  ]);
  assert.equal(cells[2], "85.0"); // M2M: (80 + 90) / 2
});

test("the correlation block lists each scorer vs truth with Pearson / Spearman / Kendall", () => {
  const text = formatSummary(results(true));
  assert.match(text, /Correlation with the mixture-fine-tuned truth/);
  const cells = (label: string) => {
    const line = text.split("\n").find((l) => l.startsWith(label));
    assert.ok(line, `no correlation line "${label}"`);
    return line.slice(label.length).trim().split(/\s+/);
  };
  assert.deepEqual(cells("merged vs val_acc (all)"), ["0.84", "0.42", "0.21"]);
  assert.deepEqual(cells("merged vs val_loss (no-singletons)"), ["-0.50", "-0.25", "-0.13"]);
  assert.deepEqual(cells("cosine vs val_acc (all)"), ["0.12", "0.06", "0.03"]);
  assert.deepEqual(cells("l2 vs val_acc (all)"), ["-0.08", "-0.04", "-0.02"]);
});

test("the cost line gives the whole run's seconds and the speedup", () => {
  const text = formatSummary(results(true));
  assert.match(
    text,
    /Merge to Mix 3 fine-tunes \+ 6 merge-evaluations = 8\.0 s; exhaustive 4 mixture fine-tunes = 200\.0 s/,
  );
  assert.match(text, /merge-to-mix vs exhaustive: 25\.0x faster/);
  assert.match(text, /Cost per target \(mean\): merge-to-mix 4\.5 s vs exhaustive 75\.0 s/);
  assert.doesNotMatch(text, /incomplete/);
});

test("an incomplete run says so and shows no made-up speedup", () => {
  const text = formatSummary(results(false));
  assert.match(text, /incomplete run/);
  assert.match(text, /merge-to-mix vs exhaustive: –x faster/);
});
