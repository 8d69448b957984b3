import { it } from "node:test";
import assert from "node:assert/strict";
import { SweepKernel } from "../../src/merge/sweep-kernel";
import { Rng } from "../../src/util/rng";

it("the SIMD step is bit-identical to its JS twin over adds and removes (odd size)", () => {
  const p = 1001,
    rng = new Rng(5);
  const models = Array.from({ length: 4 }, () =>
    Float32Array.from({ length: p }, () => rng.normal() * 10 ** rng.int(6)),
  );
  const simd = new SweepKernel(p),
    js = new SweepKernel(p, { simd: false });
  assert.equal(simd.simd, true);
  assert.equal(js.simd, false);
  const plan: Array<[number, boolean]> = [
    [0, true],
    [1, true],
    [0, false],
    [2, true],
    [3, true],
    [1, false],
    [0, true],
  ];
  let count = 0;
  for (const [m, added] of plan) {
    count += added ? 1 : -1;
    simd.step(models[m], added, 1 / count);
    js.step(models[m], added, 1 / count);
    assert.deepEqual(simd.mean, js.mean);
  }
  // after the plan the members are {0, 2, 3}: each entry is the exact mean rounded once to float32
  for (let j = 0; j < p; j++) {
    const want = (models[0][j] + models[2][j] + models[3][j]) / 3;
    assert.ok(
      Math.abs(simd.mean[j] - want) <= Math.abs(want) * 2 ** -23 + 1e-30,
      `entry ${j}: ${simd.mean[j]} vs ${want}`,
    );
  }
});

it("size 0 and 1 work", () => {
  for (const p of [0, 1]) {
    const k = new SweepKernel(p);
    k.step(new Float32Array(p).fill(3), true, 1);
    assert.deepEqual([...k.mean], p ? [3] : []);
  }
});

it("with a base: out = sum·a + base·b, SIMD bit-identical to JS; task arithmetic through sweepSubsets", async () => {
  const { sweepSubsets } = await import("../../src/merge/sweep");
  const { taskArithmetic } = await import("../../src/merge/task-arithmetic");
  const { ParamLayout } = await import("../../src/params/layout");
  const { ParamVector } = await import("../../src/params/param-vector");
  const p = 333,
    rng = new Rng(8);
  const base = Float32Array.from({ length: p }, () => rng.normal());
  const d = Float32Array.from({ length: p }, () => rng.normal());
  const simd = new SweepKernel(p, { base }),
    js = new SweepKernel(p, { simd: false, base });
  simd.step(d, true, 0.5, 0.5);
  js.step(d, true, 0.5, 0.5);
  assert.deepEqual(simd.mean, js.mean);
  simd.step(d, true, 0.3, 0.4);
  js.step(d, true, 0.3, 0.4);
  assert.deepEqual(simd.mean, js.mean);
  const layout = ParamLayout.fromShapes([["w", [p]]]);
  const theta0 = new ParamVector(layout, base);
  const models = [1, 2, 3].map(
    () =>
      new ParamVector(
        layout,
        Float32Array.from({ length: p }, () => rng.normal()),
      ),
  );
  const lambda = 0.4;
  for (const step of sweepSubsets(models, { base: theta0, coefficients: (k) => [lambda, 1 - lambda * k] })) {
    const want = taskArithmetic(
      theta0,
      models.filter((_, i) => (step.mask >> i) & 1),
      lambda,
    );
    for (let j = 0; j < p; j++)
      assert.ok(Math.abs(step.params.data[j] - want.data[j]) < 1e-5, `mask ${step.mask} entry ${j}`);
  }
});
