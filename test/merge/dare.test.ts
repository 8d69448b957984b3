import { test } from "node:test";
import assert from "node:assert/strict";
import { dare, taskArithmetic, uniformMean } from "../../src/merge";
import { Rng, hashSeed } from "../../src/util/rng";
import { maxAbsDiff, randomModels, smallLayout, vec } from "./fixtures";

const layout = smallLayout(400, 10);

test("dare with p = 0 is the uniform mean (and task arithmetic with lambda)", () => {
  const [base, ...ms] = randomModels(layout, 4, 21);
  assert.ok(maxAbsDiff(dare(base, ms, { p: 0, seed: 1 }).data, uniformMean(ms).data) <= 1e-6);
  assert.ok(
    maxAbsDiff(dare(base, ms, { p: 0, seed: 1, lambda: 0.7 }).data, taskArithmetic(base, ms, 0.7).data) <= 1e-6,
  );
  const [m] = ms;
  assert.ok(maxAbsDiff(dare(base, [m], { p: 0, seed: 5 }).data, m.data) <= 1e-6);
});

test("dare matches a hand computation of its documented masks", () => {
  // θ0 = [1, 1, 1, 1]; τ1 = [2, 4, −2, 6], τ2 = [1, 1, 1, 1]; p = 0.5 → survivors ×2.
  // Model i's mask: stream Rng(hashSeed("dare:<seed>:<i>")), entry kept when next() ≥ p.
  const base = vec([1, 1, 1, 1]);
  const taus = [
    [2, 4, -2, 6],
    [1, 1, 1, 1],
  ];
  const models = taus.map((t) => vec(t.map((x) => x + 1)));
  const seed = 3;
  const kept = taus.map((_, i) => {
    const rng = new Rng(hashSeed(`dare:${seed}:${i}`));
    return taus[i].map(() => rng.next() >= 0.5);
  });
  const expected = [0, 1, 2, 3].map(
    (j) => 1 + ((kept[0][j] ? 2 * taus[0][j] : 0) + (kept[1][j] ? 2 * taus[1][j] : 0)) / 2,
  );
  assert.deepEqual(Array.from(dare(base, models, { p: 0.5, seed }).data), expected);
  const expectedSum = [0, 1, 2, 3].map(
    (j) => 1 + 0.25 * ((kept[0][j] ? 2 * taus[0][j] : 0) + (kept[1][j] ? 2 * taus[1][j] : 0)),
  );
  assert.deepEqual(Array.from(dare(base, models, { p: 0.5, seed, lambda: 0.25 }).data), expectedSum);
  // Every entry is either dropped (θ0) or rescaled: θ0 + τ/(1 − p) for one model.
  const one = dare(base, [models[0]], { p: 0.5, seed: 9 }).data;
  one.forEach((x, j) => assert.ok(x === 1 || x === 1 + 2 * taus[0][j], `entry ${j} = ${x}`));
});

test("dare drops about p of the entries and is unbiased", () => {
  const n = 20000;
  const base = vec(new Array(n).fill(0));
  const m = vec(new Array(n).fill(1));
  const out = dare(base, [m], { p: 0.9, seed: 2 }).data;
  let kept = 0,
    sum = 0;
  for (const x of out) {
    if (x !== 0) kept++;
    sum += x;
  }
  assert.ok(Math.abs(kept / n - 0.1) < 0.01, `kept ${kept / n}`);
  assert.ok(Math.abs(sum / n - 1) < 0.1, `mean ${sum / n}`);
});

test("dare is deterministic per seed and differs across seeds", () => {
  const [base, ...ms] = randomModels(layout, 3, 22);
  const a = dare(base, ms, { p: 0.5, seed: 1 });
  const b = dare(base, ms, { p: 0.5, seed: 1 });
  const c = dare(base, ms, { p: 0.5, seed: 2 });
  assert.deepEqual(Array.from(a.data), Array.from(b.data));
  assert.ok(maxAbsDiff(a.data, c.data) > 0.1);
});

test("dare validates p, seed and lambda", () => {
  const [base, m] = randomModels(layout, 2, 23);
  assert.throws(() => dare(base, [m], { p: 1, seed: 1 }), {
    name: "InvalidArgumentError",
    message: /p = 1, expected a probability in \[0, 1\)/,
  });
  assert.throws(() => dare(base, [m], { p: -0.1, seed: 1 }), { name: "InvalidArgumentError" });
  assert.throws(() => dare(base, [m], { p: 0.5, seed: 1.5 }), { name: "InvalidArgumentError", message: /seed/ });
  assert.throws(() => dare(base, [m], { p: 0.5, seed: 1, lambda: Infinity }), {
    name: "InvalidArgumentError",
    message: /lambda/,
  });
});
