import { it } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { MlpTrainer } from "../../src/model/mlp-trainer";
import { maskedSoftmaxGrad } from "../../src/model/loss-grad";
import { initParams } from "../../src/model/init";
import { Network, paramsOf } from "../../src/model/network";
import { networkLayout, type NetSpec } from "../../src/model/spec";
import { maskedCrossEntropy, maskTable } from "../../src/model/training";
import { describeBackends } from "../../src/model/testing";
import { InvalidArgumentError, LayoutMismatchError } from "../../src/util/errors";
import { Rng } from "../../src/util/rng";

const D = 12,
  n = 8;
const units = [Int32Array.of(0, 1, 2), Int32Array.of(2, 3, 4)];

/** Steps of the trainer and of tfjs autograd + tf.train.adam/sgd on the same batches; max |Δθ| at the end. */
function againstAutograd(
  spec: NetSpec,
  trainHead: boolean,
  optimizer: "adam" | "sgd",
  steps = 5,
): { worst: number; changed: boolean } {
  const theta = initParams(networkLayout(spec), 3);
  const rng = new Rng(1);
  const tr = new MlpTrainer(spec, theta, { optimizer, learningRate: 0.01 }, { trainHead });
  const net = new Network(spec, theta);
  const opt = optimizer === "adam" ? tf.train.adam(0.01) : tf.train.sgd(0.01);
  const mask = tf.tensor2d(maskTable(units, spec.units.length), [2, spec.units.length]);
  for (let s = 0; s < steps; s++) {
    const m = s === steps - 1 ? 5 : n; // a short last batch
    const x = Float32Array.from({ length: m * D }, () => rng.normal());
    const tasks = Int32Array.from({ length: m }, (_, i) => i % 2);
    const labels = Int32Array.from({ length: m }, (_, i) => units[i % 2][i % 3]);
    const l1 = tr.step(x, m, maskedSoftmaxGrad(units, tasks, labels));
    const l2 = tf.tidy(() => {
      const mk = tf.gather(mask, tf.tensor1d(tasks, "int32")) as tf.Tensor2D;
      const vars = trainHead ? [...net.variables] : net.encoderVariables;
      return opt
        .minimize(
          () => maskedCrossEntropy(net.logits(tf.tensor2d(x, [m, D])), mk, tf.tensor1d(labels, "int32")),
          true,
          vars,
        )!
        .dataSync()[0];
    });
    assert.ok(Math.abs(l1 - l2) < 1e-4, `step ${s}: loss ${l1} vs ${l2}`);
  }
  const a = tr.params(),
    b = paramsOf(net);
  let worst = 0;
  for (let i = 0; i < a.size; i++) worst = Math.max(worst, Math.abs(a.data[i] - b.data[i]));
  const headSame = a.view("out/kernel").every((v, i) => v === theta.view("out/kernel")[i]);
  mask.dispose();
  opt.dispose();
  net.dispose();
  return { worst, changed: !headSame };
}

describeBackends("MlpTrainer", () => {
  const spec: NetSpec = { inputSize: D, hidden: [7, 6], units: ["a", "b", "c", "d", "e"] };

  for (const optimizer of ["adam", "sgd"] as const) {
    for (const trainHead of [true, false]) {
      it(`${optimizer}, ${trainHead ? "whole network" : "encoder only"}: equals tfjs autograd to float rounding, no tensors left`, () => {
        const before = tf.memory().numTensors;
        const r = againstAutograd(spec, trainHead, optimizer);
        assert.equal(tf.memory().numTensors, before);
        assert.ok(r.worst < 2e-6, `max |Δθ| ${r.worst}`);
        assert.equal(r.changed, trainHead, "the output layer trains only when asked");
      });
    }
  }

  it("a linear model (no hidden layer) trains its output layer", () => {
    const r = againstAutograd({ inputSize: D, hidden: [], units: spec.units }, true, "adam");
    assert.ok(r.worst < 2e-6, `max |Δθ| ${r.worst}`);
  });

  it("params() round-trips the initial vector exactly (kernels are stored transposed inside)", () => {
    const theta = initParams(networkLayout(spec), 9);
    const tr = new MlpTrainer(spec, theta, { optimizer: "adam", learningRate: 1e-3 }, { trainHead: true });
    assert.deepEqual(tr.params().data, theta.data);
  });

  it("rejects a mismatched layout, a frozen head without an encoder, and an empty batch", () => {
    const theta = initParams(networkLayout(spec), 9);
    assert.throws(
      () =>
        new MlpTrainer({ ...spec, hidden: [7] }, theta, { optimizer: "adam", learningRate: 1e-3 }, { trainHead: true }),
      LayoutMismatchError,
    );
    const lin = { inputSize: D, hidden: [], units: spec.units };
    assert.throws(
      () =>
        new MlpTrainer(
          lin,
          initParams(networkLayout(lin), 0),
          { optimizer: "adam", learningRate: 1e-3 },
          { trainHead: false },
        ),
      InvalidArgumentError,
    );
    const tr = new MlpTrainer(spec, theta, { optimizer: "adam", learningRate: 1e-3 }, { trainHead: true });
    assert.throws(
      () => tr.step(new Float32Array(0), 0, maskedSoftmaxGrad(units, new Int32Array(1), new Int32Array(1))),
      InvalidArgumentError,
    );
  });
});
