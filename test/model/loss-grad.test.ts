import { it } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { maskedSoftmaxGrad, sigmoidGrad } from "../../src/model/loss-grad";
import { maskedCrossEntropy, maskTable } from "../../src/model/training";
import { Rng } from "../../src/util/rng";

const rng = new Rng(4);
const n = 6,
  U = 5;
const zRow = Float32Array.from({ length: n * U }, () => 3 * rng.normal()); // row-major [n, U]
const colMajor = (row: Float32Array, rows: number, cols: number) =>
  Float32Array.from({ length: rows * cols }, (_, k) => row[(k % rows) * cols + Math.floor(k / rows)]);

it("maskedSoftmaxGrad equals tf's gradient of maskedCrossEntropy (zero outside each task's units)", async () => {
  await tf.setBackend("cpu");
  const units = [Int32Array.of(0, 1, 2), Int32Array.of(2, 3, 4), Int32Array.of(4)];
  const tasks = Int32Array.of(0, 1, 2, 0, 1, 1),
    labels = Int32Array.of(1, 3, 4, 0, 2, 4);
  const grad = new Float32Array(n * U);
  const loss = maskedSoftmaxGrad(units, tasks, labels)(colMajor(zRow, n, U), n, grad);
  const mask = tf.gather(tf.tensor2d(maskTable(units, U), [3, U]), tf.tensor1d(tasks, "int32")) as tf.Tensor2D;
  const f = (z: tf.Tensor) => maskedCrossEntropy(z as tf.Tensor2D, mask, tf.tensor1d(labels, "int32"));
  const { value, grad: g } = tf.valueAndGrad(f)(tf.tensor2d(zRow, [n, U]));
  assert.ok(Math.abs(loss - value.dataSync()[0]) < 1e-5, `${loss} vs ${value.dataSync()[0]}`);
  const want = colMajor(g.dataSync() as Float32Array, n, U);
  for (let k = 0; k < n * U; k++) assert.ok(Math.abs(grad[k] - want[k]) < 1e-6, `entry ${k}: ${grad[k]} vs ${want[k]}`);
  // sample 2 has a one-unit task: loss 0, gradient 0
  for (let u = 0; u < U; u++) assert.equal(grad[u * n + 2], 0);
});

it("sigmoidGrad equals tf's gradient of sigmoidCrossEntropy (mean over all elements), stable for large logits", async () => {
  await tf.setBackend("cpu");
  const t = Float32Array.from({ length: n * U }, () => (rng.next() < 0.4 ? 1 : 0));
  const z = Float32Array.from(zRow, (v, i) => (i === 0 ? 80 : i === 1 ? -80 : v));
  const grad = new Float32Array(n * U);
  const loss = sigmoidGrad(t, U)(colMajor(z, n, U), n, grad);
  const f = (x: tf.Tensor) => tf.losses.sigmoidCrossEntropy(tf.tensor2d(t, [n, U]), x as tf.Tensor2D) as tf.Scalar;
  const { value, grad: g } = tf.valueAndGrad(f)(tf.tensor2d(z, [n, U]));
  assert.ok(Number.isFinite(loss) && Math.abs(loss - value.dataSync()[0]) < 1e-5, `${loss} vs ${value.dataSync()[0]}`);
  const want = colMajor(g.dataSync() as Float32Array, n, U);
  for (let k = 0; k < n * U; k++) assert.ok(Math.abs(grad[k] - want[k]) < 1e-6, `entry ${k}`);
});
