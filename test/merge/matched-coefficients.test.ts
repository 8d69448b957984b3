import { it } from "node:test";
import assert from "node:assert/strict";
import { matchedCoefficients, matchedSweep } from "../../src/merge/matched-coefficients";
import { sweepSubsets } from "../../src/merge/sweep";
import { ParamVector } from "../../src/params/param-vector";
import { InvalidArgumentError } from "../../src/util/errors";
import { maxAbsDiff, randomModels, smallLayout } from "./fixtures";

it("epochs budget: the sum of the members' task vectors (cᵢ = 1), whatever the sizes", () => {
  assert.deepEqual(matchedCoefficients({ budget: "epochs", sizes: [100, 300, 50] }, 0b101), [1, 0, 1]);
});

it("steps budget: the size-weighted mean (the uniform mean for equal sizes)", () => {
  assert.deepEqual(matchedCoefficients({ budget: "steps", sizes: [100, 300, 50] }, 0b011), [0.25, 0.75, 0]);
  assert.deepEqual(
    matchedCoefficients({ budget: "steps", sizes: [200, 200, 200] }, 0b111).map((c) => c * 3),
    [1, 1, 1],
  );
});

it("weighted: the sampling proportions under steps; proportion × N_S / nᵢ under epochs", () => {
  assert.deepEqual(matchedCoefficients({ budget: "steps", sizes: [100, 300], weights: [3, 1] }, 0b11), [0.75, 0.25]);
  // epochs: the binary mixture's budget is 400 examples per epoch; D₁ gets 300 of them, having 100 alone
  assert.deepEqual(matchedCoefficients({ budget: "epochs", sizes: [100, 300], weights: [3, 1] }, 0b11), [3, 1 / 3]);
  // size-proportional weights give back the binary rule
  assert.deepEqual(matchedCoefficients({ budget: "epochs", sizes: [100, 300], weights: [1, 3] }, 0b11), [1, 1]);
});

it("bad input is a typed error naming the value", () => {
  assert.throws(
    () => matchedCoefficients({ budget: "epochs", sizes: [1, 2] }, 4),
    (e: unknown) => e instanceof InvalidArgumentError && e.message.includes("4"),
  );
  assert.throws(() => matchedCoefficients({ budget: "steps", sizes: [0, 2] }, 1), InvalidArgumentError);
  assert.throws(() => matchedSweep({ budget: "steps", sizes: [1, 2] }, 0), InvalidArgumentError);
});

it("the Gray-code sweep plan equals θ0 + x Σ cᵢ τᵢ on every subset, under both budgets", () => {
  const layout = smallLayout();
  const [theta0, ...models] = randomModels(layout, 4, 7);
  const sizes = [120, 200, 360];
  for (const budget of ["epochs", "steps"] as const) {
    const plan = matchedSweep({ budget, sizes }, 0.7);
    const scaled = models.map((m, i) => m.data.map((v) => v * plan.scales[i]));
    const pv = scaled.map((d) => new ParamVector(layout, d));
    for (const step of sweepSubsets(pv, { base: theta0, coefficients: plan.coefficients })) {
      const c = matchedCoefficients({ budget, sizes }, step.mask);
      const want = theta0.data.map((t, j) => t + 0.7 * models.reduce((s, m, i) => s + c[i] * (m.data[j] - t), 0));
      assert.ok(maxAbsDiff(step.params.data, want) < 1e-5, `${budget} mask ${step.mask}`);
    }
  }
});
