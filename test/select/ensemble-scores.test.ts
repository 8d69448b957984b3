import { it } from "node:test";
import assert from "node:assert/strict";
import { ensembleScores, softmaxRows } from "../../src/select/ensemble-scores";
import { InvalidArgumentError } from "../../src/util/errors";

it("softmaxRows: rows sum to 1, equal logits give equal probabilities", () => {
  const p = softmaxRows([0, 0, Math.log(3), 0], 2, 2);
  assert.deepEqual(
    [...p].map((v) => +v.toFixed(12)),
    [0.5, 0.5, 0.75, 0.25],
  );
  assert.throws(() => softmaxRows([1, 2, 3], 2, 2), InvalidArgumentError);
});

it("a tiny case by hand: size-weighted average of class probabilities, every mixture", () => {
  // 2 examples, 2 classes, 2 models; labels [0, 1]
  const a = Float64Array.from([0.9, 0.1, 0.6, 0.4]); // right, wrong
  const b = Float64Array.from([0.2, 0.8, 0.3, 0.7]); // wrong, right
  const { acc, loss } = ensembleScores([a, b], [0, 1], 2, [100, 300]);
  assert.ok(Number.isNaN(acc[0]) && Number.isNaN(loss[0]));
  assert.equal(acc[0b01], 0.5);
  assert.ok(Math.abs(loss[0b01] - -(Math.log(0.9) + Math.log(0.4)) / 2) < 1e-12);
  assert.equal(acc[0b10], 0.5);
  // {a, b} with weights 1/4, 3/4: example 1 → [0.375, 0.625] (wrong), example 2 → [0.375, 0.625] (right)
  assert.equal(acc[0b11], 0.5);
  assert.ok(Math.abs(loss[0b11] - -(Math.log(0.375) + Math.log(0.625)) / 2) < 1e-12);
  // equal weights: example 1 → [0.55, 0.45] (right), example 2 → [0.45, 0.55] (right)
  const eq = ensembleScores([a, b], [0, 1], 2, [1, 1]);
  assert.equal(eq.acc[0b11], 1);
  assert.ok(Math.abs(eq.loss[0b11] - -Math.log(0.55)) < 1e-12);
});

it("bad weights or shapes are typed errors", () => {
  const a = new Float64Array(4);
  assert.throws(() => ensembleScores([a], [0, 1], 2, [0]), InvalidArgumentError);
  assert.throws(() => ensembleScores([a], [0, 1, 1], 2, [1]), InvalidArgumentError);
});
