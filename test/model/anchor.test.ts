// Anchored fine-tuning: a share of every batch drawn from θ0's pretraining data, scored by the pretraining loss
// on the frozen pretraining layer. The trainer's explicit gradients are checked against tfjs autograd of the
// combined loss (standard and tangent), and fineTune's anchors change the fine-tune deterministically by seed.
import { it } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { MlpTrainer } from "../../src/model/mlp-trainer";
import { maskedSoftmaxGrad } from "../../src/model/loss-grad";
import { initParams } from "../../src/model/init";
import { linearizedEncoder, linearizedHead } from "../../src/model/linearized";
import { networkLayout, netSpecFor, type NetSpec } from "../../src/model/spec";
import { maskedCrossEntropy, maskTable } from "../../src/model/training";
import { describeBackends } from "../../src/model/testing";
import { fineTune } from "../../src/model/finetune";
import { buildBase, pretrainNetwork, pretrainEncoder } from "../../src/model/pretrain";
import { pretrainLoss, type PretrainData } from "../../src/model/pretrain-loss";
import { anchorHeadLayout, anchorRows, checkAnchorShare, type Anchor } from "../../src/model/anchor";
import { AnchorSampler } from "../../src/model/anchor-sampler";
import type { FineTuneRecipe } from "../../src/model/recipe";
import { ParamVector } from "../../src/params/param-vector";
import { InvalidArgumentError } from "../../src/util/errors";
import { Rng } from "../../src/util/rng";
import { syntheticTask } from "./synthetic";

const D = 12;
const units = [Int32Array.of(0, 1, 2), Int32Array.of(2, 3, 4)];
const spec: NetSpec = { inputSize: D, hidden: [7, 6], units: ["a", "b", "c", "d", "e"] };
const widths = [D, ...spec.hidden, spec.units.length];
const names = ["enc0", "enc1", "out"];
const P = 4; // pretraining classes

function rows(rng: Rng, m: number): Float32Array {
  return Float32Array.from({ length: m * D }, () => rng.normal());
}

/** A random pretraining layer [6 → P]. */
function anchorHead(seed: number): ParamVector {
  const layout = anchorHeadLayout(6, P),
    rng = new Rng(seed);
  return new ParamVector(
    layout,
    Float32Array.from({ length: layout.size }, () => 0.5 * rng.normal()),
  );
}

describeBackends("anchored fine-tuning", () => {
  for (const tangent of [false, true])
    for (const trainHead of [true, false])
      it(`${tangent ? "tangent" : "standard"}, ${trainHead ? "whole network" : "encoder only"}: the trainer's anchored step equals autograd of the mean over task and anchor rows, no tensors left`, () => {
        const theta0 = initParams(networkLayout(spec), 3),
          head = anchorHead(4);
        const tr = new MlpTrainer(
          spec,
          theta0,
          { optimizer: "sgd", learningRate: 0.05 },
          { trainHead, tangent, anchorHead: head },
        );
        const W0 = names.map((nm, l) => tf.tensor2d(theta0.view(`${nm}/kernel`), [widths[l], widths[l + 1]]));
        const b0 = names.map((nm) => tf.tensor1d(theta0.view(`${nm}/bias`)));
        const W = W0.map((w) => tf.variable(w.clone())),
          b = b0.map((v) => tf.variable(v.clone()));
        const WA = tf.tensor2d(head.view("pretrain/kernel"), [6, P]),
          bA = tf.tensor1d(head.view("pretrain/bias"));
        const opt = tf.train.sgd(0.05);
        const mask = tf.tensor2d(maskTable(units, spec.units.length), [2, spec.units.length]);
        const anchorMask = tf.zeros([1, P]);
        const rng = new Rng(2);
        for (let s = 0; s < 5; s++) {
          const n = s === 4 ? 5 : 8,
            m = s === 3 ? 0 : s === 4 ? 3 : 8; // a step without anchors, and an uneven one
          const x = rows(rng, n),
            ax = rows(rng, m);
          const tasks = Int32Array.from({ length: n }, (_, i) => i % 2);
          const labels = Int32Array.from({ length: n }, (_, i) => units[i % 2][(i * 7) % 3]);
          const alabels = Int32Array.from({ length: m }, (_, i) => (i * 3) % P);
          const data: PretrainData = { x: ax, y: alabels, numClasses: P };
          const idx = Int32Array.from({ length: m }, (_, i) => i);
          const before = tf.memory().numTensors;
          const l1 = tr.step(x, n, maskedSoftmaxGrad(units, tasks, labels), {
            x: ax,
            m,
            loss: pretrainLoss(data, idx),
          });
          assert.equal(tf.memory().numTensors, before, "the anchored step leaves no tensors");
          const vars = trainHead ? [...W, ...b] : [...W.slice(0, -1), ...b.slice(0, -1)];
          const l2 = tf.tidy(
            () =>
              opt
                .minimize(
                  () => {
                    const Wt = W as unknown as tf.Tensor2D[],
                      bt = b as unknown as tf.Tensor1D[];
                    const enc = (xs: tf.Tensor2D) =>
                      tangent
                        ? linearizedEncoder(W0.slice(0, 2), b0.slice(0, 2), Wt.slice(0, 2), bt.slice(0, 2), xs)
                        : {
                            a: tf.relu(tf.add(tf.matMul(tf.relu(tf.add(tf.matMul(xs, Wt[0]), bt[0])), Wt[1]), bt[1])),
                            t: null,
                          };
                    const e = enc(tf.tensor2d(x, [n, D]) as tf.Tensor2D);
                    const z = tangent
                      ? linearizedHead(e.a as tf.Tensor2D, e.t, W0[2], Wt[2], bt[2])
                      : tf.add(tf.matMul(e.a as tf.Tensor2D, Wt[2]), bt[2]);
                    const task = maskedCrossEntropy(
                      z as tf.Tensor2D,
                      tf.gather(mask, tf.tensor1d(tasks, "int32")) as tf.Tensor2D,
                      tf.tensor1d(labels, "int32"),
                    );
                    if (m === 0) return task;
                    const ea = enc(tf.tensor2d(ax, [m, D]) as tf.Tensor2D);
                    const feats = ea.t ? tf.add(ea.a, ea.t) : ea.a;
                    const za = tf.add(tf.matMul(feats as tf.Tensor2D, WA), bA) as tf.Tensor2D;
                    const anchor = maskedCrossEntropy(
                      za,
                      tf.tile(anchorMask, [m, 1]) as tf.Tensor2D,
                      tf.tensor1d(alabels, "int32"),
                    );
                    return tf.div(tf.add(tf.mul(task, n), tf.mul(anchor, m)), n + m) as tf.Scalar;
                  },
                  true,
                  vars,
                )!
                .dataSync()[0],
          );
          assert.ok(Math.abs(l1 - l2) < 1e-4, `step ${s}: loss ${l1} vs ${l2}`);
        }
        const got = tr.params();
        let worst = 0;
        names.forEach((nm, l) => {
          const k = W[l].dataSync(),
            bb = b[l].dataSync();
          got.view(`${nm}/kernel`).forEach((v, i) => (worst = Math.max(worst, Math.abs(v - k[i]))));
          got.view(`${nm}/bias`).forEach((v, i) => (worst = Math.max(worst, Math.abs(v - bb[i]))));
        });
        assert.ok(worst < 2e-6, `max |Δθ| ${worst}`);
        tr.dispose();
        opt.dispose();
        tf.dispose([mask, anchorMask, WA, bA, ...W0, ...b0, ...W, ...b]);
      });

  it("fineTune with an anchor share: other parameters than without, the same for the same seed, other for another seed; the task rows and steps unchanged; share 0 is no anchor", () => {
    const d = 10,
      hidden = [16];
    const A = syntheticTask("a", { d, classes: 3, teacherSeed: 11, dataSeed: 1 });
    const B = syntheticTask("b", { d, classes: 3, teacherSeed: 12, dataSeed: 2 });
    const tasks = [A, B];
    const recipe: FineTuneRecipe = { optimizer: "adam", learningRate: 0.01, batchSize: 32, epochs: 2 };
    // θ0's "pretraining data": labelled rows of another teacher, and the layer pretraining left
    const pre = syntheticTask("pre", { d, classes: 5, teacherSeed: 13, dataSeed: 3, sizes: { train: 400 } });
    const data: PretrainData = { x: pre.splits.train.x, y: pre.splits.train.y, numClasses: 5 };
    const { encoder, head } = pretrainNetwork(
      { inputSize: d, hidden },
      data,
      { ...recipe, batchSize: 64, epochs: 2 },
      0,
    );
    assert.deepEqual(
      encoder.data,
      pretrainEncoder({ inputSize: d, hidden }, data, { ...recipe, batchSize: 64, epochs: 2 }, 0).data,
    );
    assert.ok(head.layout.equals(anchorHeadLayout(16, 5)));
    for (const rule of ["shared", "refit"] as const) {
      const netSpec = netSpecFor(tasks, hidden, rule);
      const theta0 = buildBase(encoder, tasks, rule, 0, { steps: 50 });
      const anchor = (share: number): Anchor => ({ share, data, head });
      const before = tf.memory().numTensors;
      const plain = fineTune(theta0, netSpec, [{ task: A }], recipe, rule, 1);
      const a1 = fineTune(theta0, netSpec, [{ task: A }], recipe, rule, 1, undefined, { anchor: anchor(0.5) });
      const a2 = fineTune(theta0, netSpec, [{ task: A }], recipe, rule, 1, undefined, { anchor: anchor(0.5) });
      const a3 = fineTune(theta0, netSpec, [{ task: A }], recipe, rule, 2, undefined, { anchor: anchor(0.5) });
      const zero = fineTune(theta0, netSpec, [{ task: A }], recipe, rule, 1, undefined, { anchor: anchor(0) });
      const tan = fineTune(theta0, netSpec, [{ task: A }], recipe, rule, 1, undefined, {
        tangent: true,
        anchor: anchor(0.5),
      });
      assert.equal(tf.memory().numTensors, before, `${rule}: no tensors left`);
      const diff = (p: ParamVector, q: ParamVector) =>
        p.data.reduce((s, v, i) => Math.max(s, Math.abs(v - q.data[i])), 0);
      assert.ok(diff(a1.params, plain.params) > 1e-3, `${rule}: anchors change the fine-tune`);
      assert.deepEqual(a1.params.data, a2.params.data, `${rule}: deterministic by seed`);
      assert.ok(diff(a3.params, a1.params) > 1e-4, `${rule}: another seed, another fine-tune`);
      assert.deepEqual(zero.params.data, plain.params.data, `${rule}: share 0 is no anchor`);
      assert.ok(diff(tan.params, a1.params) > 1e-4, `${rule}: tangent anchors train another model`);
      assert.equal(a1.steps, plain.steps, "the same steps");
      assert.equal(a1.samples, plain.samples, "the same fine-tuning rows");
    }
  });
});

it("anchor share, rows and sampler: [0, 0.9], round(n·s/(1−s)) rows, every row once per pass, seeded", () => {
  for (const bad of [1, -0.1, 0.95, NaN, Infinity, "0.5"])
    assert.throws(() => checkAnchorShare(bad), InvalidArgumentError);
  assert.throws(() => checkAnchorShare(1), /anchor share = 1, expected a fraction in \[0, 0\.9\]/);
  for (const ok of [0, 0.5, 0.9]) assert.equal(checkAnchorShare(ok), ok);
  assert.deepEqual(
    [0, 0.2, 0.5, 0.9].map((s) => anchorRows(32, s)),
    [0, 8, 32, 288],
  );
  const s1 = new AnchorSampler(10, new Rng(1).fork("anchor")),
    s2 = new AnchorSampler(10, new Rng(1).fork("anchor"));
  const a = [...s1.next(4), ...s1.next(6)];
  assert.deepEqual(
    [...a].sort((x, y) => x - y),
    Array.from({ length: 10 }, (_, i) => i),
  );
  assert.deepEqual([...s2.next(10)], a);
  assert.equal(new AnchorSampler(5, new Rng(2)).next(12).length, 12);
  assert.throws(() => new AnchorSampler(0, new Rng(1)), InvalidArgumentError);
  // the trainer refuses anchors it has no head for
  const theta0 = initParams(networkLayout(spec), 1);
  const tr = new MlpTrainer(spec, theta0, { optimizer: "sgd", learningRate: 0.1 }, { trainHead: true });
  const x = new Float32Array(2 * D);
  assert.throws(
    () => tr.step(x, 2, maskedSoftmaxGrad(units, Int32Array.of(0, 1), Int32Array.of(0, 2)), { x, m: 2, loss: () => 0 }),
    /anchorHead/,
  );
  tr.dispose();
  assert.throws(
    () =>
      new MlpTrainer(
        spec,
        theta0,
        { optimizer: "sgd", learningRate: 0.1 },
        { trainHead: true, anchorHead: new ParamVector(anchorHeadLayout(7, P), new Float32Array(7 * P + P)) },
      ),
    /anchor head/,
  );
});
