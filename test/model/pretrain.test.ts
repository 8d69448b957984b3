import { it } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { buildBase, pretrainEncoder } from "../../src/model/pretrain";
import { encoderLayout, netSpecFor } from "../../src/model/spec";
import { initParams } from "../../src/model/init";
import { describeBackends } from "../../src/model/testing";
import { Evaluator } from "../../src/evaluate/evaluator";
import { InvalidArgumentError } from "../../src/util/errors";
import { syntheticTask } from "./synthetic";

const d = 10,
  hidden = [16];
const recipe = { optimizer: "adam" as const, learningRate: 0.01, batchSize: 32, epochs: 3 };
// the pretraining task: a teacher with many classes; downstream tasks share the input space
const pre = syntheticTask("pre", { d, classes: 6, teacherSeed: 5, sizes: { train: 600, val: 1, test: 1, headfit: 1 } });
const A = syntheticTask("a", { d, classes: 3, teacherSeed: 11, concepts: ["x", "y", "z"] });
const B = syntheticTask("b", { d, classes: 2, teacherSeed: 11, concepts: ["x", "y"], dataSeed: 9 });

describeBackends("pretrainEncoder / buildBase", () => {
  it("pretrains a supervised encoder (encoder layout only), seeded and leak-free", () => {
    const before = tf.memory().numTensors;
    const data = { x: pre.splits.train.x, y: pre.splits.train.y, numClasses: 6 };
    const e1 = pretrainEncoder({ inputSize: d, hidden }, data, recipe, 1);
    const e2 = pretrainEncoder({ inputSize: d, hidden }, data, recipe, 1);
    assert.equal(tf.memory().numTensors, before);
    assert.ok(e1.layout.equals(encoderLayout({ inputSize: d, hidden })));
    assert.deepEqual(e1.data, e2.data);
    assert.notDeepEqual(e1.data, initParams(e1.layout, 1).data);
  });

  it("pretrains with sigmoid multi-label targets", () => {
    const n = 200,
      dim = 4;
    const x = pre.splits.train.x.subarray(0, n * d);
    const targets = new Float32Array(n * dim).map((_, i) => (x[Math.floor(i / dim) * d + (i % dim)] > 0 ? 1 : 0));
    const e = pretrainEncoder({ inputSize: d, hidden }, { x, targets, dim }, recipe, 2);
    e.assertFinite();
    assert.throws(
      () => pretrainEncoder({ inputSize: d, hidden }, { x, targets: targets.subarray(1), dim }, recipe, 2),
      InvalidArgumentError,
    );
    assert.throws(
      () => pretrainEncoder({ inputSize: d, hidden }, { x, y: new Int32Array(n).fill(9), numClasses: 3 }, recipe, 2),
      InvalidArgumentError,
    );
  });

  it("buildBase fits heads on θ0 features: private units per task, or shared ones", () => {
    const enc = pretrainEncoder(
      { inputSize: d, hidden },
      { x: pre.splits.train.x, y: pre.splits.train.y, numClasses: 6 },
      recipe,
      1,
    );
    for (const rule of ["frozen", "shared"] as const) {
      const before = tf.memory().numTensors;
      const theta0 = buildBase(enc, [A, B], rule, 0);
      assert.equal(tf.memory().numTensors, before);
      assert.deepEqual(theta0.view("enc0/kernel"), enc.view("enc0/kernel"));
      const spec = netSpecFor([A, B], hidden, rule);
      assert.equal(theta0.layout.entry("out/bias").shape[0], rule === "shared" ? 3 : 5);
      const ev = new Evaluator(spec, rule).load(theta0);
      // the fitted head separates its own headfit examples and beats the unfitted (zero) head on test
      for (const t of [A, B]) assert.ok(ev.evaluate(t, "headfit").accuracy >= 0.9, `${t.name} headfit under ${rule}`);
      const fitted = [A, B].map((t) => ev.evaluate(t, "test").accuracy);
      ev.load(buildBase(enc, [A, B], rule, 0, { steps: 0 }));
      const zero = [A, B].map((t) => ev.evaluate(t, "test").accuracy);
      fitted.forEach((a, i) => assert.ok(a > zero[i] + 0.1, `${rule} task ${i}: fitted ${a} vs zero head ${zero[i]}`));
      ev.dispose();
    }
  });
});
