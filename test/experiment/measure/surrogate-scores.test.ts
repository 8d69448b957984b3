import { it } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { Evaluator } from "../../../src/evaluate/evaluator";
import { initBackend } from "../../../src/model/backend";
import { initParams } from "../../../src/model/init";
import { netSpecFor, networkLayout } from "../../../src/model/spec";
import { parseSurrogate } from "../../../src/merge/surrogate";
import { taskArithmetic } from "../../../src/merge/task-arithmetic";
import { ties } from "../../../src/merge/ties";
import { dare } from "../../../src/merge/dare";
import { uniformMean } from "../../../src/merge/uniform-mean";
import { hashSeed } from "../../../src/util/rng";
import { scoreMergedMixtures } from "../../../src/experiment/measure/merged-scores";
import { calibrationMasks, scoreSurrogate } from "../../../src/experiment/measure/surrogate-scores";
import { InvalidArgumentError } from "../../../src/util/errors";
import { syntheticTask } from "../../model/synthetic";

const d = 6;
const A = syntheticTask("a", { d, classes: 3, sizes: { val: 60, headfit: 12 } });
const B = syntheticTask("b", { d, classes: 2, dataSeed: 4 });
const spec = netSpecFor([A, B], [8], "refit");
const theta0 = initParams(networkLayout(spec), 1);
const singles = [2, 3, 4].map((s) => initParams(networkLayout(spec), s));

it("mean equals the merged-score sweep; ta:λ equals task arithmetic scored directly; no tensors left", async () => {
  await initBackend("cpu");
  const ev = new Evaluator(spec, "refit");
  ev.load(theta0).evaluate(A, "val");
  const before = tf.memory().numTensors;
  const mean = scoreSurrogate(ev, theta0, singles, A, parseSurrogate("mean"), { seed: 0 });
  const merged = scoreMergedMixtures(ev, singles, A);
  for (let m = 1; m < 8; m++) assert.ok(Math.abs(mean.loss[m] - merged.loss[m]) < 1e-6, `mask ${m}`);
  const ta = scoreSurrogate(ev, theta0, singles, A, parseSurrogate("ta:0.4"), { seed: 0 });
  for (let m = 1; m < 8; m++) {
    const want = ev
      .load(
        taskArithmetic(
          theta0,
          singles.filter((_, i) => (m >> i) & 1),
          0.4,
        ),
      )
      .evaluate(A, "val").loss;
    assert.ok(Math.abs(ta.loss[m] - want) < 1e-4, `mask ${m}: ${ta.loss[m]} vs ${want}`);
  }
  // ties trims each model once: the same numbers as TIES at k% on each subset from scratch
  const tiesScores = scoreSurrogate(ev, theta0, singles, A, parseSurrogate("ties"), { seed: 0 });
  for (let m = 1; m < 8; m++) {
    const want = ev
      .load(
        ties(
          theta0,
          singles.filter((_, i) => (m >> i) & 1),
          { k: 20, lambda: 1 },
        ),
      )
      .evaluate(A, "val").loss;
    assert.ok(Math.abs(tiesScores.loss[m] - want) < 1e-4, `ties mask ${m}: ${tiesScores.loss[m]} vs ${want}`);
  }
  // dare: the mean of the singles each DARE'd with its own seeded mask; the seed matters, p = 0 is the mean
  const dareScores = scoreSurrogate(ev, theta0, singles, A, parseSurrogate("dare"), { seed: 0 });
  const dared = singles.map((s, i) => dare(theta0, [s], { p: 0.9, seed: hashSeed(`dare:0:${A.name}:${i}`) }));
  for (const m of [3, 7]) {
    const want = ev.load(uniformMean(dared.filter((_, i) => (m >> i) & 1))).evaluate(A, "val").loss;
    assert.ok(Math.abs(dareScores.loss[m] - want) < 1e-4, `dare mask ${m}: ${dareScores.loss[m]} vs ${want}`);
  }
  assert.notDeepEqual(
    scoreSurrogate(ev, theta0, singles, A, parseSurrogate("dare"), { seed: 1 }).loss,
    dareScores.loss,
    "dare depends on the seed",
  );
  const dare0 = scoreSurrogate(ev, theta0, singles, A, parseSurrogate("dare:0"), { seed: 0 });
  for (let m = 1; m < 8; m++) assert.ok(Math.abs(dare0.loss[m] - merged.loss[m]) < 1e-6, `dare:0 mask ${m}`);
  ev.load(theta0).evaluate(A, "val");
  assert.equal(tf.memory().numTensors, before);
  ev.dispose();
});

it("calibrated recovers the λ that generated its k mixtures' truth, from validation loss only", async () => {
  await initBackend("cpu");
  const ev = new Evaluator(spec, "refit");
  const masks = calibrationMasks(3, 3, 11);
  assert.equal(masks.length, 3);
  assert.ok(
    masks.every((m) => m !== 1 && m !== 2 && m !== 4),
    "mixtures of two or more",
  );
  const truth = scoreSurrogate(ev, theta0, singles, A, parseSurrogate("ta:0.3"), { seed: 0 });
  const cal = scoreSurrogate(ev, theta0, singles, A, parseSurrogate("calibrated:3"), {
    seed: 0,
    calibration: { masks, trueLoss: masks.map((m) => truth.loss[m]) },
  });
  assert.equal(cal.lambda, 0.3);
  assert.deepEqual(cal.calibrationMasks, masks);
  for (let m = 1; m < 8; m++) assert.ok(Math.abs(cal.loss[m] - truth.loss[m]) < 1e-5);
  assert.throws(
    () => scoreSurrogate(ev, theta0, singles, A, parseSurrogate("calibrated:3"), { seed: 0 }),
    InvalidArgumentError,
  );
  assert.throws(() => calibrationMasks(3, 5, 0), InvalidArgumentError);
  ev.dispose();
});
