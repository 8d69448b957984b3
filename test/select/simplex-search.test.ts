import { it } from "node:test";
import assert from "node:assert/strict";
import { simplexSearch, uniformOver } from "../../src/select/weighted/simplex-search";
import { InvalidArgumentError } from "../../src/util/errors";

/** A concave objective with a known optimum on the simplex. */
const target = [0.6, 0.3, 0.1, 0, 0];
const objective = (w: Float64Array) => -w.reduce((s, v, i) => s + (v - target[i]) ** 2, 0);

it("climbs from a binary start to the optimum, stays on the simplex, within budget, and only improves", () => {
  const r = simplexSearch(objective, 5, { start: uniformOver(0b11111, 5), budget: 400, seed: 1 });
  assert.ok(r.evaluations <= 400);
  assert.ok(Math.abs(r.weights.reduce((a, b) => a + b, 0) - 1) < 1e-9);
  assert.ok(r.weights.every((v) => v >= 0));
  r.weights.forEach((v, i) => assert.ok(Math.abs(v - target[i]) < 0.02, `w[${i}] = ${v}`));
  for (let k = 1; k < r.path.length; k++) assert.ok(r.path[k].score > r.path[k - 1].score);
  assert.equal(r.path[r.path.length - 1].score, r.score);
});

it("is seeded, respects a tiny budget, and can drop a dataset to exactly 0", () => {
  const a = simplexSearch(objective, 5, { start: uniformOver(0b00111, 5), budget: 60, seed: 2 });
  assert.deepEqual(a, simplexSearch(objective, 5, { start: uniformOver(0b00111, 5), budget: 60, seed: 2 }));
  assert.equal(simplexSearch(objective, 5, { start: uniformOver(1, 5), budget: 1, seed: 0 }).evaluations, 1);
  const drop = simplexSearch((w) => -w[1], 2, { start: [0.5, 0.5], budget: 50, seed: 0 });
  assert.deepEqual(drop.weights, [1, 0]);
});

it("bad input is a typed error naming the value", () => {
  for (const o of [
    { start: [1, 0], budget: 0 },
    { start: [1], budget: 5 },
    { start: [-1, 2], budget: 5 },
    { start: [0, 0], budget: 5 },
    { start: [NaN, 1], budget: 5 },
  ]) {
    assert.throws(() => simplexSearch(objective, 2, { ...o, seed: 0 }), InvalidArgumentError, JSON.stringify(o));
  }
  assert.throws(() => uniformOver(0, 3), InvalidArgumentError);
});
