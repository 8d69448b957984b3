import { it } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { FlatOptimizer } from "../../../src/model/simd/flat-optimizer";
import { InvalidArgumentError } from "../../../src/util/errors";
import { Rng } from "../../../src/util/rng";

function randn(n: number, seed: number): Float32Array {
  const r = new Rng(seed);
  return Float32Array.from({ length: n }, () => r.normal());
}

it("Adam matches tf.train.adam over several steps (odd size: the SIMD tail is padded)", async () => {
  await tf.setBackend("cpu");
  const n = 1003,
    steps = 6;
  const p0 = randn(n, 1);
  const opt = new FlatOptimizer(n, { optimizer: "adam", learningRate: 0.01 });
  assert.equal(opt.simd, true);
  opt.params.set(p0);
  const v = tf.variable(tf.tensor1d(p0));
  const ref = tf.train.adam(0.01);
  for (let s = 0; s < steps; s++) {
    const g = randn(n, 10 + s);
    opt.grads.set(g);
    opt.step();
    tf.tidy(() => ref.applyGradients([{ name: v.name, tensor: tf.tensor1d(g) }]));
  }
  const want = v.dataSync() as Float32Array;
  let worst = 0;
  for (let i = 0; i < n; i++) worst = Math.max(worst, Math.abs(opt.params[i] - want[i]));
  assert.ok(worst < 1e-6, `max |Δ| ${worst}`);
  assert.equal(opt.t, steps);
  ref.dispose();
  v.dispose();
});

it("step(k) updates only the first k entries; SGD is p − lr·g", () => {
  const opt = new FlatOptimizer(10, { optimizer: "adam", learningRate: 0.1 });
  opt.grads.fill(1);
  opt.step(8);
  assert.ok(
    opt.params.subarray(0, 8).every((x) => Math.abs(x + 0.1) < 1e-6),
    String(opt.params),
  );
  assert.deepEqual([...opt.params.subarray(8)], [0, 0]);
  const sgd = new FlatOptimizer(5, { optimizer: "sgd", learningRate: 0.5 });
  sgd.params.set([1, 2, 3, 4, 5]);
  sgd.grads.set([2, 2, 2, 2, 2]);
  sgd.step();
  assert.deepEqual([...sgd.params], [0, 1, 2, 3, 4]);
});

it("zero gradients leave parameters exactly unchanged (frozen units stay θ0's bit for bit)", () => {
  const opt = new FlatOptimizer(8, { optimizer: "adam", learningRate: 0.1 });
  const p = randn(8, 3);
  opt.params.set(p);
  for (let s = 0; s < 3; s++) opt.step();
  assert.deepEqual([...opt.params], [...p]);
});

it("rejects a count that is neither a multiple of 4 nor the whole size", () => {
  const opt = new FlatOptimizer(10, { optimizer: "adam", learningRate: 0.1 });
  assert.throws(() => opt.step(5), InvalidArgumentError);
  assert.throws(() => opt.step(11), InvalidArgumentError);
  assert.throws(() => new FlatOptimizer(-1, { optimizer: "adam", learningRate: 0.1 }), InvalidArgumentError);
});

it("a disposed optimizer's memory is zeroed and reused; the disposed one refuses to step", () => {
  const a = new FlatOptimizer(100, { optimizer: "adam", learningRate: 0.1 });
  a.params.fill(3);
  a.grads.fill(1);
  a.step();
  const buffer = a.params.buffer;
  a.dispose();
  assert.throws(() => a.step(), InvalidArgumentError);
  const b = new FlatOptimizer(80, { optimizer: "adam", learningRate: 0.1 });
  assert.equal(b.params.buffer, buffer, "the idle kernel is reused");
  assert.ok(b.params.every((v) => v === 0) && b.grads.every((v) => v === 0), "and starts from zero");
  b.grads.fill(1);
  b.step();
  assert.ok(Math.abs(b.params[0] + 0.1) < 1e-6, "with fresh moments (first Adam step moves by lr)");
  const c = new FlatOptimizer(80, { optimizer: "adam", learningRate: 0.1 });
  assert.notEqual(c.params.buffer, b.params.buffer, "a live optimizer's memory is never shared");
  b.dispose();
  c.dispose();
});
