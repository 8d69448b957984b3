// The Evaluator in tangent mode (linearizeAround: θ0): own-unit logits are the linearized logits, the refit
// head's features are the linearized encoder output (primal + tangent), θ0's tensors are freed on dispose,
// and merge scoring projects the first layer in tangent mode too, scoring merges as linearized models.
import { it } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { Evaluator } from "../../src/evaluate/evaluator";
import { mergeScorer } from "../../src/evaluate/merge-scorer";
import { ProjectedEvaluator } from "../../src/evaluate/projected-evaluator";
import { NcmHead } from "../../src/evaluate/ncm-head";
import { initParams } from "../../src/model/init";
import { linearizedEncoder, linearizedLogits } from "../../src/model/linearized";
import { netSpecFor, networkLayout, taskUnits } from "../../src/model/spec";
import { describeBackends } from "../../src/model/testing";
import { ParamVector } from "../../src/params/param-vector";
import { InvalidArgumentError, LayoutMismatchError } from "../../src/util/errors";
import { syntheticTask } from "../model/synthetic";

const d = 6,
  hidden = [8, 5];
const A = syntheticTask("a", { d, classes: 3, concepts: ["x", "y", "z"], sizes: { val: 50, test: 37, headfit: 12 } });
const B = syntheticTask("b", { d, classes: 2, concepts: ["y", "w"], dataSeed: 4 });

/** θ0 moved by a seeded random step (a stand-in for a tangent fine-tune). */
function moved(theta0: ParamVector, seed: number, size = 0.3): ParamVector {
  const rng = initParams(theta0.layout, seed);
  return new ParamVector(
    theta0.layout,
    theta0.data.map((v, i) => v + size * rng.data[i]),
  );
}

describeBackends("Evaluator in tangent mode", () => {
  it("shared: its logits are linearizedLogits (gathered at the task's units); at θ0 they are the network's; nothing leaks", () => {
    const spec = netSpecFor([A, B], hidden, "shared");
    const theta0 = initParams(networkLayout(spec), 1),
      theta = moved(theta0, 2);
    const before = tf.memory().numTensors;
    const lin = new Evaluator(spec, "shared", { linearizeAround: theta0, batchSize: 16 });
    const plain = new Evaluator(spec, "shared");
    assert.equal(lin.linearized, true);
    assert.equal(plain.linearized, false);
    const units = taskUnits(A, spec, "shared"),
      s = A.splits.val;
    const want = tf.tidy(() => {
      const z = linearizedLogits(spec, theta0, theta, tf.tensor2d(s.x, [s.n, d]));
      return tf.gather(z, tf.tensor1d(units, "int32"), 1).dataSync();
    });
    const got = lin.load(theta).logits(A, "val");
    let worst = 0;
    got.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - want[i]))));
    assert.ok(worst < 1e-5, `max |Δz| ${worst}`);
    // not the network's own logits at θ (the linearization is another model away from θ0) …
    const net = plain.load(theta).logits(A, "val");
    assert.ok(net.some((v, i) => Math.abs(v - got[i]) > 1e-3));
    // … but at θ0 it is the network
    const at0 = lin.load(theta0).logits(A, "val"),
      net0 = plain.load(theta0).logits(A, "val");
    at0.forEach((v, i) => assert.ok(Math.abs(v - net0[i]) < 1e-5));
    const e1 = lin.load(theta).evaluate(A, "test");
    assert.ok(e1.n === 37 && e1.accuracy >= 0 && Number.isFinite(e1.loss));
    lin.dispose();
    plain.dispose();
    assert.equal(tf.memory().numTensors, before, "θ0's resident tensors are freed by dispose()");
  });

  it("refit: the head is fitted on the linearized encoder output a + t, and embed returns it", () => {
    const spec = netSpecFor([A, B], hidden, "refit");
    const theta0 = initParams(networkLayout(spec), 3),
      theta = moved(theta0, 4);
    const before = tf.memory().numTensors;
    const ev = new Evaluator(spec, "refit", { linearizeAround: theta0 });
    const kern = (p: ParamVector) =>
      [0, 1].map((l) => tf.tensor2d(p.view(`enc${l}/kernel`), [[d, 8, 5][l], [8, 5][l]]));
    const bias = (p: ParamVector) => [0, 1].map((l) => tf.tensor1d(p.view(`enc${l}/bias`)));
    const feats = (x: Float32Array, n: number) =>
      tf.tidy(() => {
        const { a, t } = linearizedEncoder(
          kern(theta0),
          bias(theta0),
          kern(theta),
          bias(theta),
          tf.tensor2d(x, [n, d]),
        );
        return tf.add(a, t!) as tf.Tensor2D;
      });
    const hf = A.splits.headfit,
      val = A.splits.val;
    const want = feats(hf.x, hf.n);
    const got = ev.load(theta).embed(hf.x, hf.n);
    const w = want.dataSync();
    got.forEach((v, i) => assert.ok(Math.abs(v - w[i]) < 1e-5, `feature ${i}: ${v} vs ${w[i]}`));
    // the evaluation's logits: a nearest-class-mean head on those features, scoring val's linearized features
    const head = NcmHead.fit(want, hf.y, A.classes.length);
    const fv = feats(val.x, val.n);
    const z = tf.tidy(() => head.logits(fv).dataSync());
    const zs = ev.logits(A, "val");
    zs.forEach((v, i) => assert.ok(Math.abs(v - z[i]) < 1e-4, `logit ${i}: ${v} vs ${z[i]}`));
    head.dispose();
    tf.dispose([want, fv]);
    ev.dispose();
    assert.equal(tf.memory().numTensors, before);
  });

  for (const rule of ["shared", "refit"] as const)
    it(`${rule}: merge scoring projects in tangent mode too, and scores a merge as the linearized model (float tolerance); nothing leaks`, () => {
      const spec = netSpecFor([A, B], hidden, rule);
      const theta0 = initParams(networkLayout(spec), 5);
      const t1 = moved(theta0, 6, 0.2),
        t2 = moved(theta0, 7, 0.2);
      const before = tf.memory().numTensors;
      const lin = new Evaluator(spec, rule, { linearizeAround: theta0 });
      const scorer = mergeScorer(lin, A);
      assert.equal(scorer.projected, true);
      const sum = new ParamVector(
        theta0.layout,
        theta0.data.map((v, i) => t1.data[i] + t2.data[i] - v),
      );
      // θ0 + τ1 + τ2 as a combination of prepared vectors: P(θ1) + P(θ2) − P(θ0)
      const [p1, p2, p0] = [t1, t2, theta0].map((m) => scorer.prepare(m));
      const combined = new ParamVector(
        p0.layout,
        p1.data.map((v, i) => v + p2.data[i] - p0.data[i]),
      );
      for (const [r, direct] of [
        [scorer.score(combined), lin.load(sum).evaluate(A, "val")],
        [scorer.score(p0), lin.load(theta0).evaluate(A, "val")],
      ]) {
        assert.equal(r.n, direct.n);
        assert.ok(Math.abs(r.loss - direct.loss) < 1e-5, `loss ${r.loss} vs ${direct.loss}`);
        assert.ok(
          Math.abs(r.accuracy - direct.accuracy) <= 1 / direct.n,
          `accuracy ${r.accuracy} vs ${direct.accuracy}`,
        );
      }
      // and it is the linearized model, not the network: a plain projection of the same merge scores otherwise
      const plain = new Evaluator(spec, rule);
      const plainScorer = mergeScorer(plain, A);
      const q = [t1, t2, theta0].map((m) => plainScorer.prepare(m));
      const plainR = plainScorer.score(
        new ParamVector(
          q[0].layout,
          q[0].data.map((v, i) => v + q[1].data[i] - q[2].data[i]),
        ),
      );
      assert.notEqual(plainR.loss, scorer.score(combined).loss);
      plainScorer.dispose();
      plain.dispose();
      scorer.dispose();
      lin.dispose();
      assert.equal(tf.memory().numTensors, before);
      assert.throws(
        () => new Evaluator(spec, rule, { linearizeAround: initParams(networkLayout({ ...spec, hidden: [8] }), 1) }),
        LayoutMismatchError,
      );
      assert.throws(
        () =>
          new ProjectedEvaluator(spec, rule, A, "val", {
            linearizeAround: initParams(networkLayout({ ...spec, hidden: [8] }), 1),
          }),
        LayoutMismatchError,
      );
    });
});
