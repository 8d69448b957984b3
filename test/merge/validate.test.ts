import { test } from "node:test";
import assert from "node:assert/strict";
import { ParamLayout } from "../../src/params/layout";
import { ParamVector } from "../../src/params/param-vector";
import { dare, taskArithmetic, ties, uniformMean, weightedMean, validateModels } from "../../src/merge";
import { randomModels, smallLayout, vec } from "./fixtures";

test("an empty model list is refused by every operator", () => {
  const base = vec([0]);
  for (const f of [
    () => uniformMean([]),
    () => weightedMean([], []),
    () => taskArithmetic(base, [], 1),
    () => ties(base, [], { k: 50 }),
    () => dare(base, [], { p: 0.5, seed: 1 }),
  ]) {
    assert.throws(f, { name: "InvalidArgumentError", message: /at least one model/ });
  }
});

test("mismatched layouts name the model and the first difference", () => {
  const [a] = randomModels(smallLayout(3, 2), 1, 1);
  const [b] = randomModels(smallLayout(4, 2), 1, 2);
  assert.throws(() => uniformMean([a, a, b]), {
    name: "LayoutMismatchError",
    message: /models\[2\] does not match models\[0\]: tensor dense\/kernel has shape \[4,2\], expected \[3,2\]/,
  });
  const renamed = new ParamVector(ParamLayout.fromShapes([["other", [8]]]), new Float32Array(8));
  assert.throws(() => taskArithmetic(renamed, [a], 1), { name: "LayoutMismatchError", message: /base/ });
});

test("NaN and Infinity name the model, tensor and index", () => {
  const [a, b] = randomModels(smallLayout(3, 2), 2, 3);
  b.view("dense/bias")[1] = NaN;
  assert.throws(() => validateModels([a, b]), {
    name: "NonFiniteError",
    message: /models\[1\]: dense\/bias\[1\] = NaN/,
  });
  const base = a.clone();
  base.view("dense/kernel")[4] = -Infinity;
  assert.throws(() => ties(base, [a], { k: 10 }), {
    name: "NonFiniteError",
    message: /base: dense\/kernel\[4\] = -Infinity/,
  });
});

test("non-ParamVector members are refused", () => {
  assert.throws(() => uniformMean([vec([1]), { data: [1] } as unknown as ParamVector]), {
    name: "InvalidArgumentError",
    message: /models\[1\]/,
  });
});
