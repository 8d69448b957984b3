import { test } from "node:test";
import assert from "node:assert/strict";
import { uniformMean, weightedMean, taskArithmetic } from "../../src/merge";
import { maxAbsDiff, randomModels, smallLayout, vec } from "./fixtures";

const layout = smallLayout(50, 7);

test("uniformMean of a single model is an equal copy, not the same buffer", () => {
  const [m] = randomModels(layout, 1, 1);
  const out = uniformMean([m]);
  assert.deepEqual(Array.from(out.data), Array.from(m.data));
  assert.notEqual(out.data, m.data);
});

test("uniformMean matches a hand computation", () => {
  const out = uniformMean([vec([1, 2, -3]), vec([3, 0, 1]), vec([2, 1, 5])]);
  assert.deepEqual(Array.from(out.data), [2, 1, 1]);
});

test("uniformMean does not depend on member order", () => {
  const ms = randomModels(layout, 5, 2);
  const a = uniformMean(ms);
  const b = uniformMean([ms[3], ms[0], ms[4], ms[2], ms[1]]);
  assert.ok(maxAbsDiff(a.data, b.data) <= 1e-7);
});

test("weightedMean divides weights by their sum", () => {
  const a = vec([0, 4]),
    b = vec([8, 0]);
  assert.deepEqual(Array.from(weightedMean([a, b], [3, 1]).data), [2, 3]); // 3/4·a + 1/4·b
  assert.deepEqual(Array.from(weightedMean([a, b], [0.75, 0.25]).data), [2, 3]);
  assert.deepEqual(Array.from(weightedMean([a, b], [0, 5]).data), [8, 0]); // zero weight leaves a out
  const ms = randomModels(layout, 4, 3);
  assert.ok(maxAbsDiff(weightedMean(ms, [2, 2, 2, 2]).data, uniformMean(ms).data) <= 1e-7);
});

test("weightedMean refuses negative, all-zero, non-finite or miscounted weights", () => {
  const ms = [vec([1]), vec([2])];
  assert.throws(() => weightedMean(ms, [1, -1]), { name: "InvalidArgumentError", message: /weights\[1\] = -1/ });
  assert.throws(() => weightedMean(ms, [0, 0]), { name: "InvalidArgumentError", message: /positive weight/ });
  assert.throws(() => weightedMean(ms, [1, NaN]), { name: "InvalidArgumentError" });
  assert.throws(() => weightedMean(ms, [1]), { name: "InvalidArgumentError", message: /weights.length = 1/ });
});

test("taskArithmetic with lambda = 1/k equals the uniform mean", () => {
  const [base, ...ms] = randomModels(layout, 6, 4);
  const ta = taskArithmetic(base, ms, 1 / ms.length);
  assert.ok(maxAbsDiff(ta.data, uniformMean(ms).data) <= 1e-6);
});

test("taskArithmetic matches a hand computation and ignores member order", () => {
  // θ0 = [1, 1]; τ1 = [2, -1], τ2 = [0, 3]; λ = 0.5 → [1 + 0.5·2, 1 + 0.5·2] = [2, 2]
  const base = vec([1, 1]);
  const a = vec([3, 0]),
    b = vec([1, 4]);
  assert.deepEqual(Array.from(taskArithmetic(base, [a, b], 0.5).data), [2, 2]);
  assert.deepEqual(Array.from(taskArithmetic(base, [b, a], 0.5).data), [2, 2]);
  // λ = 0 returns the base; a singleton with λ = 1 returns the model.
  assert.deepEqual(Array.from(taskArithmetic(base, [a, b], 0).data), [1, 1]);
  assert.deepEqual(Array.from(taskArithmetic(base, [a], 1).data), [3, 0]);
});

test("taskArithmetic refuses a non-finite lambda and reports overflow", () => {
  const base = vec([0]);
  assert.throws(() => taskArithmetic(base, [vec([1])], Infinity), { name: "InvalidArgumentError", message: /lambda/ });
  assert.throws(() => taskArithmetic(base, [vec([3e38])], 10), { name: "NonFiniteError" });
});
