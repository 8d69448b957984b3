import { it } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { MlpTrainer } from "../../src/model/mlp-trainer";
import { maskedSoftmaxGrad } from "../../src/model/loss-grad";
import { initParams } from "../../src/model/init";
import { linearizedForward, linearizedLogits } from "../../src/model/linearized";
import { Network } from "../../src/model/network";
import { networkLayout, type NetSpec } from "../../src/model/spec";
import { maskedCrossEntropy, maskTable } from "../../src/model/training";
import { describeBackends } from "../../src/model/testing";
import { ParamVector } from "../../src/params/param-vector";
import { Rng } from "../../src/util/rng";

const D = 12,
  n = 8;
const units = [Int32Array.of(0, 1, 2), Int32Array.of(2, 3, 4)];
const spec: NetSpec = { inputSize: D, hidden: [7, 6], units: ["a", "b", "c", "d", "e"] };
const widths = [D, ...spec.hidden, spec.units.length];
const names = ["enc0", "enc1", "out"];

function batch(rng: Rng, m: number) {
  const x = Float32Array.from({ length: m * D }, () => rng.normal());
  const tasks = Int32Array.from({ length: m }, (_, i) => i % 2);
  const labels = Int32Array.from({ length: m }, (_, i) => units[i % 2][(i * 7) % 3]);
  return { x, tasks, labels };
}

/** A tangent fine-tune of θ0 by the trainer: `steps` batches drawn with `seed`. */
function tangentFineTune(theta0: ParamVector, seed: number, steps: number, trainHead = true): ParamVector {
  const rng = new Rng(seed);
  const tr = new MlpTrainer(spec, theta0, { optimizer: "adam", learningRate: 0.02 }, { trainHead, tangent: true });
  for (let s = 0; s < steps; s++) {
    const b = batch(rng, n);
    tr.step(b.x, n, maskedSoftmaxGrad(units, b.tasks, b.labels));
  }
  const p = tr.params();
  tr.dispose();
  return p;
}

describeBackends("tangent (linearized) fine-tuning", () => {
  for (const trainHead of [true, false]) {
    it(`${trainHead ? "whole network" : "encoder only"}: the explicit trainer equals tfjs autograd of the linearized model, no tensors left`, () => {
      const theta0 = initParams(networkLayout(spec), 3);
      const tr = new MlpTrainer(spec, theta0, { optimizer: "sgd", learningRate: 0.05 }, { trainHead, tangent: true });
      const W0 = names.map((nm, l) => tf.tensor2d(theta0.view(`${nm}/kernel`), [widths[l], widths[l + 1]]));
      const b0 = names.map((nm) => tf.tensor1d(theta0.view(`${nm}/bias`)));
      const W = W0.map((w) => tf.variable(w.clone())),
        b = b0.map((v) => tf.variable(v.clone()));
      const opt = tf.train.sgd(0.05);
      const mask = tf.tensor2d(maskTable(units, spec.units.length), [2, spec.units.length]);
      const rng = new Rng(2);
      for (let s = 0; s < 6; s++) {
        const m = s === 5 ? 5 : n,
          { x, tasks, labels } = batch(rng, m);
        const before = tf.memory().numTensors;
        const l1 = tr.step(x, m, maskedSoftmaxGrad(units, tasks, labels));
        assert.equal(tf.memory().numTensors, before, "the trainer's step leaves no tensors");
        const vars = trainHead ? [...W, ...b] : [...W.slice(0, -1), ...b.slice(0, -1)];
        const l2 = tf.tidy(
          () =>
            opt
              .minimize(
                () =>
                  maskedCrossEntropy(
                    linearizedForward(
                      W0,
                      b0,
                      W as unknown as tf.Tensor2D[],
                      b as unknown as tf.Tensor1D[],
                      tf.tensor2d(x, [m, D]),
                    ),
                    tf.gather(mask, tf.tensor1d(tasks, "int32")) as tf.Tensor2D,
                    tf.tensor1d(labels, "int32"),
                  ),
                true,
                vars,
              )!
              .dataSync()[0],
        );
        assert.ok(Math.abs(l1 - l2) < 1e-4, `step ${s}: loss ${l1} vs ${l2}`);
      }
      const got = tr.params();
      let worst = 0,
        moved = 0;
      names.forEach((nm, l) => {
        const k = W[l].dataSync(),
          bb = b[l].dataSync();
        got.view(`${nm}/kernel`).forEach((v, i) => {
          worst = Math.max(worst, Math.abs(v - k[i]));
          moved = Math.max(moved, Math.abs(v - theta0.view(`${nm}/kernel`)[i]));
        });
        got.view(`${nm}/bias`).forEach((v, i) => {
          worst = Math.max(worst, Math.abs(v - bb[i]));
        });
      });
      assert.ok(moved > 1e-3, "the trainer moved θ");
      assert.ok(worst < 2e-6, `max |Δθ| ${worst}`);
      tr.dispose();
      opt.dispose();
      mask.dispose();
      tf.dispose([...W0, ...b0, ...W, ...b]);
    });
  }

  it("at θ0 the linearized model is the network itself", () => {
    const theta0 = initParams(networkLayout(spec), 5),
      net = new Network(spec, theta0);
    const x = tf.tensor2d(batch(new Rng(3), n).x, [n, D]);
    const [a, b] = tf.tidy(() => [linearizedLogits(spec, theta0, theta0, x).dataSync(), net.logits(x).dataSync()]);
    a.forEach((v, i) => assert.ok(Math.abs(v - b[i]) < 1e-5));
    x.dispose();
    net.dispose();
  });

  it("a merged sum of tangent fine-tunes equals the linearized model's logits to float tolerance", () => {
    const theta0 = initParams(networkLayout(spec), 7);
    const t1 = tangentFineTune(theta0, 11, 10),
      t2 = tangentFineTune(theta0, 12, 10),
      t3 = tangentFineTune(theta0, 13, 10, false);
    const sum = new ParamVector(
      theta0.layout,
      theta0.data.map((v, j) => v + (t1.data[j] - v) + (t2.data[j] - v) + (t3.data[j] - v)),
    );
    const x = tf.tensor2d(batch(new Rng(4), 32).x, [32, D]);
    const [zs, z0, z1, z2, z3] = tf.tidy(() =>
      [sum, theta0, t1, t2, t3].map((p) => linearizedLogits(spec, theta0, p, x).dataSync()),
    );
    let worst = 0,
      moved = 0;
    for (let i = 0; i < zs.length; i++) {
      const want = z0[i] + (z1[i] - z0[i]) + (z2[i] - z0[i]) + (z3[i] - z0[i]);
      worst = Math.max(worst, Math.abs(zs[i] - want));
      moved = Math.max(moved, Math.abs(z1[i] - z0[i]));
    }
    assert.ok(moved > 0.05, `the fine-tunes changed the logits (${moved})`);
    assert.ok(worst < 1e-4, `max |merged sum − Σ| ${worst}`);
    x.dispose();
  });
});
