import { it } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { fineTune } from "../../src/model/finetune";
import { buildBase } from "../../src/model/pretrain";
import { initParams } from "../../src/model/init";
import { encoderLayout, netSpecFor, type HeadRule } from "../../src/model/spec";
import type { FineTuneRecipe } from "../../src/model/recipe";
import { describeBackends } from "../../src/model/testing";
import { Evaluator } from "../../src/evaluate/evaluator";
import type { ParamVector } from "../../src/params/param-vector";
import { InvalidArgumentError } from "../../src/util/errors";
import { syntheticTask } from "./synthetic";

const d = 10,
  hidden = [16];
const A = syntheticTask("a", { d, classes: 3, teacherSeed: 11, dataSeed: 1 });
const B = syntheticTask("b", { d, classes: 3, teacherSeed: 12, dataSeed: 2 });
const tasks = [A, B];
const recipe: FineTuneRecipe = { optimizer: "adam", learningRate: 0.01, batchSize: 32, epochs: 4 };

/** A weak random-feature base: an untrained encoder, so fine-tuning has room to help. */
function base(rule: HeadRule): ParamVector {
  const enc = initParams(encoderLayout({ inputSize: d, hidden }), 3);
  return buildBase(enc, tasks, rule, 0, { steps: 100 });
}

function accuracy(rule: HeadRule, params: ParamVector, task = A): number {
  const ev = new Evaluator(netSpecFor(tasks, hidden, rule), rule);
  const acc = ev.load(params).evaluate(task, "test").accuracy;
  ev.dispose();
  return acc;
}

describeBackends("fineTune", (backend) => {
  for (const rule of ["shared", "frozen", "refit"] as const) {
    it(`${rule}: improves own-task accuracy without leaking tensors`, () => {
      const spec = netSpecFor(tasks, hidden, rule);
      const theta0 = base(rule);
      const before = tf.memory().numTensors;
      const r = fineTune(theta0, spec, [{ task: A }], recipe, rule, 1);
      assert.equal(tf.memory().numTensors, before);
      assert.equal(r.samples, 4 * A.splits.train.n);
      assert.equal(r.steps, 4 * Math.ceil(A.splits.train.n / 32));
      const a0 = accuracy(rule, theta0),
        a1 = accuracy(rule, r.params);
      assert.ok(a1 > a0 + 0.05, `accuracy ${a0} → ${a1}`);
      // frozen/refit: the output layer is θ0's; shared: it trains too
      const same = (name: string) => r.params.view(name).every((v, i) => v === theta0.view(name)[i]);
      assert.equal(same("out/kernel"), rule !== "shared");
      assert.equal(same("enc0/kernel"), false);
    });
  }

  it("shared units transfer across tasks; units outside the mixture stay untouched", () => {
    // P and Q label the same concepts the same way (one teacher); R has its own concepts
    const P = syntheticTask("p", { d, classes: 3, teacherSeed: 21, concepts: ["s0", "s1", "s2"], dataSeed: 3 });
    const Q = syntheticTask("q", { d, classes: 3, teacherSeed: 21, concepts: ["s0", "s1", "s2"], dataSeed: 4 });
    const R = syntheticTask("r", { d, classes: 2, teacherSeed: 22, dataSeed: 5 });
    const all = [P, Q, R],
      spec = netSpecFor(all, hidden, "shared");
    assert.equal(spec.units.length, 5);
    const theta0 = buildBase(initParams(encoderLayout({ inputSize: d, hidden }), 3), all, "shared", 0, { steps: 100 });
    const r = fineTune(theta0, spec, [{ task: Q }], recipe, "shared", 1);
    const ev = new Evaluator(spec, "shared");
    const p0 = ev.load(theta0).evaluate(P, "test").accuracy,
      p1 = ev.load(r.params).evaluate(P, "test").accuracy;
    ev.dispose();
    assert.ok(p1 > p0 + 0.05, `P accuracy ${p0} → ${p1} after fine-tuning on Q only`);
    const U = spec.units.length,
      k0 = theta0.view("out/kernel"),
      k1 = r.params.view("out/kernel");
    for (const u of [3, 4]) {
      // R's units
      for (let j = 0; j < hidden[0]; j++) assert.equal(k1[j * U + u], k0[j * U + u]);
      assert.equal(r.params.view("out/bias")[u], theta0.view("out/bias")[u]);
    }
  });

  it("mixtures concatenate members, and maxSteps caps the budget", () => {
    const spec = netSpecFor(tasks, hidden, "frozen");
    const theta0 = base("frozen");
    const r = fineTune(theta0, spec, [{ task: A }, { task: B }], { ...recipe, epochs: 1 }, "frozen", 1);
    assert.equal(r.samples, A.splits.train.n + B.splits.train.n);
    const capped = fineTune(theta0, spec, [{ task: A }, { task: B }], { ...recipe, maxSteps: 3 }, "frozen", 1);
    assert.equal(capped.steps, 3);
    assert.equal(capped.samples, 96);
  });

  it("weighted mixtures: proportions change the data seen, not the step budget", () => {
    const spec = netSpecFor(tasks, hidden, "frozen");
    const theta0 = base("frozen");
    const binary = fineTune(theta0, spec, [{ task: A }, { task: B }], recipe, "frozen", 1);
    const w = fineTune(
      theta0,
      spec,
      [
        { task: A, weight: 0.9 },
        { task: B, weight: 0.1 },
      ],
      recipe,
      "frozen",
      1,
    );
    assert.equal(w.steps, binary.steps);
    // mostly A: better on A than a fine-tune weighted mostly toward B
    const wb = fineTune(
      theta0,
      spec,
      [
        { task: A, weight: 0.1 },
        { task: B, weight: 0.9 },
      ],
      recipe,
      "frozen",
      1,
    );
    assert.ok(accuracy("frozen", w.params, A) > accuracy("frozen", wb.params, A), "weight toward A helps A");
  });

  it("a fixed steps budget trains single datasets and mixtures for the same number of steps", () => {
    const spec = netSpecFor(tasks, hidden, "frozen");
    const theta0 = base("frozen");
    const steps = 3 * Math.ceil(A.splits.train.n / 32) + 2; // more than the data holds: epochs repeat
    const one = fineTune(theta0, spec, [{ task: A }], { ...recipe, steps }, "frozen", 1);
    const two = fineTune(theta0, spec, [{ task: A }, { task: B }], { ...recipe, steps }, "frozen", 1);
    assert.equal(one.steps, steps);
    assert.equal(two.steps, steps);
    assert.throws(
      () => fineTune(theta0, spec, [{ task: A }], { ...recipe, steps: 0 }, "frozen", 1),
      InvalidArgumentError,
    );
  });

  if (backend === "cpu") {
    it("is deterministic for a seed", () => {
      const spec = netSpecFor(tasks, hidden, "shared");
      const theta0 = base("shared");
      const mix = [{ task: A }, { task: B }];
      const r1 = fineTune(theta0, spec, mix, recipe, "shared", 7);
      const r2 = fineTune(theta0, spec, mix, recipe, "shared", 7);
      const r3 = fineTune(theta0, spec, mix, recipe, "shared", 8);
      assert.deepEqual(r1.params.data, r2.params.data);
      assert.notDeepEqual(r1.params.data, r3.params.data);
    });
  }

  it("rejects bad recipes and encoder-less frozen fine-tunes", () => {
    const spec = netSpecFor(tasks, hidden, "shared");
    assert.throws(
      () => fineTune(base("shared"), spec, [{ task: A }], { ...recipe, batchSize: 0 }, "shared", 1),
      InvalidArgumentError,
    );
    const linear = netSpecFor(tasks, [], "frozen");
    const before = tf.memory().numTensors;
    const enc = initParams(encoderLayout({ inputSize: d, hidden: [] }), 0);
    assert.throws(
      () => fineTune(buildBase(enc, tasks, "frozen", 0, { steps: 1 }), linear, [{ task: A }], recipe, "frozen", 1),
      InvalidArgumentError,
    );
    assert.equal(tf.memory().numTensors, before);
  });
});
