import { it } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { Evaluator } from "../../src/evaluate/evaluator";
import { ProjectedEvaluator } from "../../src/evaluate/projected-evaluator";
import { initParams } from "../../src/model/init";
import { netSpecFor, networkLayout } from "../../src/model/spec";
import { describeBackends } from "../../src/model/testing";
import { sweepSubsets } from "../../src/merge/sweep";
import { weightedMean } from "../../src/merge/weighted-mean";
import { InvalidArgumentError, LayoutMismatchError } from "../../src/util/errors";
import { syntheticTask } from "../model/synthetic";

const d = 6;
const A = syntheticTask("a", { d, classes: 3, concepts: ["x", "y", "z"], sizes: { val: 50, test: 37, headfit: 12 } });
const B = syntheticTask("b", { d, classes: 2, concepts: ["y", "w"], dataSeed: 4 });

describeBackends("ProjectedEvaluator", () => {
  for (const rule of ["shared", "frozen", "refit"] as const) {
    for (const hidden of [[8], [8, 5]]) {
      it(`${rule}, hidden ${hidden}: every uniform merge of a sweep scores as Evaluator scores the merged parameters`, () => {
        const spec = netSpecFor([A, B], hidden, rule);
        const models = [3, 4, 5].map((s) => initParams(networkLayout(spec), s));
        // the reference first: Evaluator on each explicitly merged vector
        const ev = new Evaluator(spec, rule);
        const want = new Map<number, { loss: number; accuracy: number; n: number }>();
        for (let mask = 1; mask < 8; mask++)
          want.set(
            mask,
            ev
              .load(
                weightedMean(
                  models,
                  models.map((_, i) => ((mask >> i) & 1 ? 1 : 0)),
                ),
              )
              .evaluate(A, "val"),
          );
        ev.dispose();
        const pe = new ProjectedEvaluator(spec, rule, A);
        const before = tf.memory().numTensors;
        const projected = models.map((m) => pe.project(m));
        let count = 0;
        for (const step of sweepSubsets(projected)) {
          const got = pe.evaluate(step.params),
            w = want.get(step.mask)!;
          assert.equal(got.n, w.n);
          assert.ok(Math.abs(got.loss - w.loss) < 1e-4, `mask ${step.mask}: loss ${got.loss} vs ${w.loss}`);
          assert.ok(
            Math.abs(got.accuracy - w.accuracy) <= 1 / w.n + 1e-12,
            `mask ${step.mask}: acc ${got.accuracy} vs ${w.accuracy}`,
          );
          count++;
        }
        assert.equal(count, 7);
        assert.equal(tf.memory().numTensors, before, "no tensors left by project/evaluate");
        pe.dispose();
      });
    }
  }

  it("weighted combinations of projections are the projections of weighted merges", () => {
    const spec = netSpecFor([A, B], [8], "refit");
    const models = [3, 4].map((s) => initParams(networkLayout(spec), s));
    const pe = new ProjectedEvaluator(spec, "refit", A),
      ev = new Evaluator(spec, "refit");
    const w = [0.3, 0.7];
    const got = pe.evaluate(
      weightedMean(
        models.map((m) => pe.project(m)),
        w,
      ),
    );
    const want = ev.load(weightedMean(models, w)).evaluate(A, "val");
    assert.ok(Math.abs(got.loss - want.loss) < 1e-4);
    pe.dispose();
    ev.dispose();
  });

  it("rejects networks without a hidden layer, foreign layouts, and a refit target without headfit rows", () => {
    assert.throws(() => new ProjectedEvaluator(netSpecFor([A, B], [], "shared"), "shared", A), InvalidArgumentError);
    const spec = netSpecFor([A, B], [8], "shared");
    const pe = new ProjectedEvaluator(spec, "shared", A);
    assert.throws(
      () => pe.project(initParams(networkLayout(netSpecFor([A, B], [7], "shared")), 0)),
      LayoutMismatchError,
    );
    assert.throws(() => pe.evaluate(initParams(networkLayout(spec), 0)), LayoutMismatchError);
    pe.dispose();
    const noHeadfit = {
      ...A,
      splits: { ...A.splits, headfit: { x: new Float32Array(0), y: new Int32Array(0), n: 0 } },
    };
    assert.throws(
      () => new ProjectedEvaluator(netSpecFor([A, B], [8], "refit"), "refit", noHeadfit),
      InvalidArgumentError,
    );
  });
});

it("no tensor growth over 10,000 merge-evaluations (plain and projected)", async () => {
  await tf.setBackend("wasm").catch(() => tf.setBackend("cpu"));
  const spec = netSpecFor([A, B], [8], "refit");
  const models = [3, 4, 5, 6].map((s) => initParams(networkLayout(spec), s));
  const ev = new Evaluator(spec, "refit"),
    pe = new ProjectedEvaluator(spec, "refit", A);
  const projected = models.map((m) => pe.project(m));
  ev.load(models[0]).evaluate(A, "val");
  const before = tf.memory().numTensors;
  for (let round = 0; round < 5000 / 15; round++) {
    for (const step of sweepSubsets(projected)) pe.evaluate(step.params);
  }
  for (let round = 0; round < 5000 / 15; round++) {
    for (const step of sweepSubsets(models)) ev.load(step.params).evaluate(A, "val");
  }
  assert.equal(tf.memory().numTensors, before);
  ev.dispose();
  pe.dispose();
});
