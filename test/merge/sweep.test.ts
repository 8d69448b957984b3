import { test } from "node:test";
import assert from "node:assert/strict";
import { ParamLayout } from "../../src/params/layout";
import { ParamVector } from "../../src/params/param-vector";
import { mergeMask, popcount, sweepLength, sweepSubsets } from "../../src/merge";
import { maxAbsDiff, randomModels, smallLayout } from "./fixtures";

test("the sweep equals naive re-averaging (mergeMask) within 1e-6 on every subset, N = 1..6", () => {
  const layout = smallLayout(64, 16);
  for (let n = 1; n <= 6; n++) {
    const models = randomModels(layout, n, 100 + n);
    const seen = new Set<number>();
    let prev = 0;
    for (const step of sweepSubsets(models)) {
      assert.ok(!seen.has(step.mask), `mask ${step.mask} visited twice`);
      seen.add(step.mask);
      assert.equal(step.size, popcount(step.mask));
      assert.equal(step.mask ^ prev, 1 << step.changed);
      assert.equal(step.added, ((step.mask >>> step.changed) & 1) === 1);
      const err = maxAbsDiff(step.params.data, mergeMask(models, step.mask).data);
      assert.ok(err <= 1e-6, `N=${n} mask ${step.mask}: max error ${err}`);
      prev = step.mask;
    }
    assert.equal(seen.size, 2 ** n - 1);
    assert.equal(seen.size, sweepLength(n));
  }
});

test("params is one reused buffer unless copy is set", () => {
  const models = randomModels(smallLayout(4, 2), 3, 7);
  const reused = Array.from(sweepSubsets(models), (s) => s.params);
  assert.ok(reused.every((p) => p === reused[0]));
  const copies = Array.from(sweepSubsets(models, { copy: true }));
  assert.equal(new Set(copies.map((s) => s.params.data)).size, 7);
  for (const s of copies) assert.ok(maxAbsDiff(s.params.data, mergeMask(models, s.mask).data) <= 1e-6);
});

test("sweep memory does not depend on N (no allocation per step)", () => {
  const layout = ParamLayout.fromShapes([["w", [100_000]]]);
  const peak = (n: number): number => {
    const models = randomModels(layout, n, 300 + n);
    const before = process.memoryUsage().arrayBuffers;
    let max = 0;
    for (const _ of sweepSubsets(models)) max = Math.max(max, process.memoryUsage().arrayBuffers - before);
    return max;
  };
  const small = peak(2),
    large = peak(9); // 3 vs 511 subsets
  const bytes = layout.size * 12; // one Float64 sum + one Float32 output
  // Absolute bounds (V8 may free earlier garbage mid-sweep, so deltas can only be bounded above):
  // allocating per step would reach 511 × 0.4 MB at N = 9.
  assert.ok(small <= 1.5 * bytes, `N=2 peak +${small} B, expected about ${bytes} B`);
  assert.ok(large <= 1.5 * bytes, `N=9 peak +${large} B, expected about ${bytes} B (as for N=2: +${small} B)`);
});

test("the sweep validates its models and refuses N > 24", () => {
  const layout = ParamLayout.fromShapes([["w", [1]]]);
  const many = Array.from({ length: 25 }, () => ParamVector.zeros(layout));
  assert.throws(() => sweepSubsets(many), { name: "TooLargeError", message: /src\/select\/search/ });
  assert.throws(() => sweepSubsets([]), { name: "InvalidArgumentError" });
  const [a, b] = randomModels(smallLayout(2, 2), 2, 1);
  b.data[0] = Infinity;
  assert.throws(() => sweepSubsets([a, b]), { name: "NonFiniteError" });
  assert.throws(() => mergeMask([a], 0), { name: "InvalidArgumentError", message: /mask = 0/ });
});
