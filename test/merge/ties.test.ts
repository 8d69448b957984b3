import { test } from "node:test";
import assert from "node:assert/strict";
import { ties, uniformMean } from "../../src/merge";
import { maxAbsDiff, randomModels, smallLayout, vec } from "./fixtures";

// Worked by hand. θ0 = [0, 0, 0, 0, 1], k = 60% of 5 entries → keep 3 per task vector.
//   τ1 = [ 4, -1,  2,  0.5, -3]   keep |4|,|3|,|2| → [ 4, 0, 2,  0, -3]
//   τ2 = [ 2,  3, -1, -5,  0.5]   keep |5|,|3|,|2| → [ 2, 3, 0, -5,  0]
//   τ3 = [-6,  1,  3, -2, -1]     keep |6|,|3|,|2| → [-6, 0, 3, -2,  0]
//   sum             = [0, 3, 5, -7, -3] → elected signs [0, +, +, −, −]
//   disjoint mean   = [0 (sign 0: nobody agrees), 3, (2+3)/2 = 2.5, (−5−2)/2 = −3.5, −3]
//   θ = θ0 + λ·τm: λ = 1 → [0, 3, 2.5, −3.5, −2]; λ = 2 → [0, 6, 5, −7, −5]
const base = vec([0, 0, 0, 0, 1]);
const models = [vec([4, -1, 2, 0.5, -2]), vec([2, 3, -1, -5, 1.5]), vec([-6, 1, 3, -2, 0])];

test("ties matches the hand computation", () => {
  assert.deepEqual(Array.from(ties(base, models, { k: 60 }).data), [0, 3, 2.5, -3.5, -2]);
  assert.deepEqual(Array.from(ties(base, models, { k: 60, lambda: 2 }).data), [0, 6, 5, -7, -5]);
});

test("ties does not depend on member order", () => {
  const out = ties(base, [models[2], models[0], models[1]], { k: 60 });
  assert.deepEqual(Array.from(out.data), [0, 3, 2.5, -3.5, -2]);
});

test("ties keeps exactly ceil(k% · P) entries, breaking ties at the threshold by lower index", () => {
  // τ = [1, −1, 1, 0.5], k = 50 → 2 kept; three entries tie at |1|: the first two are kept.
  assert.deepEqual(Array.from(ties(vec([0, 0, 0, 0]), [vec([1, -1, 1, 0.5])], { k: 50 }).data), [1, -1, 0, 0]);
  // k = 1% of 4 → ceil(0.04) = 1 entry kept: the largest.
  assert.deepEqual(Array.from(ties(vec([0, 0, 0, 0]), [vec([1, -3, 2, 0.5])], { k: 1 }).data), [0, -3, 0, 0]);
});

test("ties with k = 100 is the identity on one model and the mean when signs agree", () => {
  const layout = smallLayout(20, 4);
  const [b, m] = randomModels(layout, 2, 11);
  assert.ok(maxAbsDiff(ties(b, [m], { k: 100 }).data, m.data) <= 1e-6);
  const same = [vec([1, 2]), vec([3, 6])];
  assert.deepEqual(Array.from(ties(vec([0, 0]), same, { k: 100 }).data), Array.from(uniformMean(same).data));
});

test("ties validates k and lambda", () => {
  assert.throws(() => ties(base, models, { k: 0 }), {
    name: "InvalidArgumentError",
    message: /k = 0, expected a percentage/,
  });
  assert.throws(() => ties(base, models, { k: 101 }), { name: "InvalidArgumentError" });
  assert.throws(() => ties(base, models, { k: NaN }), { name: "InvalidArgumentError" });
  assert.throws(() => ties(base, models, { k: 50, lambda: NaN }), { name: "InvalidArgumentError", message: /lambda/ });
});

test("tiesTrim once per model, then k = 100, equals TIES with trimming inside", async () => {
  const { tiesTrim } = await import("../../src/merge/ties");
  const { ParamLayout } = await import("../../src/params/layout");
  const { ParamVector } = await import("../../src/params/param-vector");
  const { Rng } = await import("../../src/util/rng");
  const rng = new Rng(3),
    layout = ParamLayout.fromShapes([["w", [257]]]);
  const rand = () =>
    new ParamVector(
      layout,
      Float32Array.from({ length: 257 }, () => rng.normal()),
    );
  const base = rand(),
    models = [rand(), rand(), rand()];
  for (const k of [10, 37, 100]) {
    const direct = ties(base, models, { k, lambda: 0.7 });
    const viaTrim = ties(
      base,
      models.map((m) => tiesTrim(base, m, k)),
      { k: 100, lambda: 0.7 },
    );
    assert.deepEqual(viaTrim.data, direct.data, `k = ${k}`);
  }
});
