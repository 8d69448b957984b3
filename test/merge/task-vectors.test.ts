import { it } from "node:test";
import assert from "node:assert/strict";
import { cosineMatrix, mixtureVsSum, norm, relativeUpdate, taskCosine } from "../../src/merge/task-vectors";
import { InvalidArgumentError } from "../../src/util/errors";

const f = (xs: number[]) => Float32Array.from(xs);
const theta0 = f([3, 4, 0, 0]);

it("norms and relative updates, exact on hand-made vectors", () => {
  assert.equal(norm(f([3, 4])), 5);
  assert.equal(relativeUpdate(f([3, 4, 0.75, 1]), theta0), 0.25);
  // restricted to the last two entries: θ0 is zero there, so only the first two count for θ0's norm when kept
  assert.equal(relativeUpdate(f([3.75, 5, 9, 9]), theta0, [[0, 2]]), 0.25);
});

it("cosines between task vectors: orthogonal 0, parallel 1, opposite −1, zero NaN", () => {
  const a = f([4, 4, 0, 0]),
    b = f([3, 5, 0, 0]),
    c = f([3, 4, 2, 0]),
    d = f([2, 4, 0, 0]);
  assert.equal(taskCosine(a, c, theta0), 0);
  assert.equal(taskCosine(a, a, theta0), 1);
  assert.equal(taskCosine(a, d, theta0), -1);
  assert.ok(Number.isNaN(taskCosine(a, theta0, theta0)));
  const m = cosineMatrix([a, b, c], theta0);
  assert.deepEqual(m, [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ]);
  assert.throws(() => taskCosine(f([1]), a, theta0), InvalidArgumentError);
});

it("mixture vs sum: exact sum gives (1, 1); a shorter, rotated update gives its cosine and ratio", () => {
  const m1 = f([4, 4, 0, 0]),
    m2 = f([3, 4, 1, 0]); // τ1 = e1, τ2 = e3
  assert.deepEqual(mixtureVsSum(f([4, 4, 1, 0]), [m1, m2], theta0), { cos: 1, normRatio: 1 });
  // τ_S = e1 only: cos with e1 + e3 is 1/√2, norm ratio 1/√2
  const r = mixtureVsSum(f([4, 4, 0, 0]), [m1, m2], theta0);
  assert.ok(Math.abs(r.cos - Math.SQRT1_2) < 1e-12 && Math.abs(r.normRatio - Math.SQRT1_2) < 1e-12);
  // τ_S = 0.5 (e1 + e3): parallel, half as long
  assert.deepEqual(mixtureVsSum(f([3.5, 4, 0.5, 0]), [m1, m2], theta0), { cos: 1, normRatio: 0.5 });
  assert.throws(() => mixtureVsSum(m1, [], theta0), InvalidArgumentError);
});
