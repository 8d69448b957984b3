import { strict as assert } from "node:assert";
import { test } from "node:test";
import type { WeightedRow } from "../../src/results/weighted-row";
import { weightedTruthIntervals, weightedVsBinary } from "../../src/results/weighted-vs-binary";
import { weightedVsBinaryText } from "../../src/results/text/weighted-text";

const arm = (test_acc: number) => ({ val_acc: 0, val_loss: 0, test_acc, seconds: 0 });
const row = (seed: number, target: string, w: number, b: number | null, truth = true): WeightedRow => ({
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
  truth: truth
    ? {
        weighted: arm(w),
        uniform: arm(w - 0.1),
        proportional: arm(w - 0.2),
        binary: b === null ? null : { val_acc: 0, test_acc: b },
      }
    : null,
});
const rows = [row(0, "x", 0.8, 0.78), row(1, "x", 0.82, 0.79), row(0, "y", 0.5, 0.52), row(1, "y", 0.51, 0.5)];

test("weightedVsBinary: optimised − binary paired over targets × seeds, won or lost per target; one seed blanks the interval", () => {
  const v = weightedVsBinary(rows);
  assert.ok(Math.abs(v.paired.estimate - 0.01) < 1e-12, `${v.paired.estimate}`);
  assert.deepEqual([v.paired.wins, v.paired.ties, v.paired.losses], [1, 0, 1], "by target: x +2.5 points, y −0.5");
  assert.ok(v.interval.lo <= v.paired.estimate && v.paired.estimate <= v.interval.hi);
  assert.match(weightedVsBinaryText(v), /^\+1\.0 points \[/);
  const one = weightedVsBinary(rows, 1);
  assert.ok(Number.isNaN(one.interval.lo) && Number.isNaN(one.interval.hi));
  assert.equal(weightedVsBinaryText(one), "+1.0 points [–]");
});

test("weightedTruthIntervals: each arm's mean per target over its seeds; a binary pick without a fine-tune is left out; null without truth", () => {
  const t = weightedTruthIntervals([...rows, row(2, "y", 0.52, null)])!;
  assert.deepEqual(t.targets, ["x", "y"]);
  assert.equal(t.seeds, 3);
  assert.deepEqual(
    t.arms.weighted.map((iv) => Math.round(iv.estimate * 1000)),
    [810, 510],
  );
  assert.deepEqual(
    t.arms.proportional.map((iv) => Math.round(iv.estimate * 1000)),
    [610, 310],
  );
  assert.deepEqual(
    t.arms.binary.map((iv) => Math.round(iv.estimate * 1000)),
    [785, 510],
  );
  assert.equal(t.arms.binary[1].cells, 2);
  assert.equal(weightedTruthIntervals(rows.map((r) => ({ ...r, truth: null }))), null);
});
