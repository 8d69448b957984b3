import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { simplexGrid } from "../../../src/experiment/measure/weighted-grid";
import { InvalidArgumentError } from "../../../src/util/errors";

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
    assert.deepEqual(simplexGrid(2, 2), [
      [0, 1],
      [0.5, 0.5],
      [1, 0],
    ]);
    assert.deepEqual(simplexGrid(1, 5), [[1]]);
  });
  it("rejects bad sizes", () => {
    assert.throws(() => simplexGrid(0, 3), InvalidArgumentError);
    assert.throws(() => simplexGrid(3, 0), InvalidArgumentError);
  });
});

it("weightedMergeGrid: the search starts at the best grid point and its optimum is at least as good", async () => {
  const { weightedMergeGrid } = await import("../../../src/experiment/measure/weighted-grid");
  const { Evaluator } = await import("../../../src/evaluate/evaluator");
  const { initBackend } = await import("../../../src/model/backend");
  const { initParams } = await import("../../../src/model/init");
  const { netSpecFor, networkLayout } = await import("../../../src/model/spec");
  const { syntheticTask } = await import("../../model/synthetic");
  await initBackend("cpu");
  const A = syntheticTask("a", { d: 6, classes: 3, sizes: { val: 40, headfit: 9 } }),
    B = syntheticTask("b", { d: 6, classes: 2, dataSeed: 3 });
  const spec = netSpecFor([A, B], [8], "refit");
  const models = [1, 2, 3].map((s) => initParams(networkLayout(spec), s));
  const ev = new Evaluator(spec, "refit");
  const grid = weightedMergeGrid(ev, models, ["x", "y", "z"], A, { divisions: 4, score: "loss", budget: 40 });
  ev.dispose();
  const best = Math.max(...grid.merged);
  assert.deepEqual(grid.path![0].weights, grid.points[grid.merged.indexOf(best)]);
  assert.ok(grid.optimum!.score >= best - 1e-12);
  assert.ok(Math.abs(grid.optimum!.weights.reduce((a, b) => a + b, 0) - 1) < 1e-9);
});
