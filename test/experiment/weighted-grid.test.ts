import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { simplexGrid } from "../../src/experiment/weighted-grid";
import { InvalidArgumentError } from "../../src/util/errors";

describe("simplexGrid", () => {
  it("lists every point of the simplex grid once, each summing to 1", () => {
    const g = simplexGrid(3, 10);
    assert.equal(g.length, 66); // C(10 + 2, 2)
    for (const w of g) {
      assert.equal(w.length, 3);
      assert.ok(Math.abs(w.reduce((a, b) => a + b, 0) - 1) < 1e-12);
      assert.ok(w.every((v) => v >= 0));
    }
    assert.equal(new Set(g.map((w) => w.join(","))).size, 66);
  });
  it("pins small cases", () => {
    assert.deepEqual(simplexGrid(2, 2), [[0, 1], [0.5, 0.5], [1, 0]]);
    assert.deepEqual(simplexGrid(1, 5), [[1]]);
  });
  it("rejects bad sizes", () => {
    assert.throws(() => simplexGrid(0, 3), InvalidArgumentError);
    assert.throws(() => simplexGrid(3, 0), InvalidArgumentError);
  });
});
