import { it } from "node:test";
import assert from "node:assert/strict";
import { Evaluator } from "../../../src/evaluate/evaluator";
import { initBackend } from "../../../src/model/backend";
import { initParams } from "../../../src/model/init";
import { netSpecFor, networkLayout } from "../../../src/model/spec";
import { parseSurrogate } from "../../../src/merge/surrogate";
import { ParamVector } from "../../../src/params/param-vector";
import { scoreSurrogate } from "../../../src/experiment/measure/surrogate-scores";
import { InvalidArgumentError } from "../../../src/util/errors";
import { syntheticTask } from "../../model/synthetic";

const d = 6;
const A = syntheticTask("a", { d, classes: 3, sizes: { val: 60, headfit: 12 } });
const B = syntheticTask("b", { d, classes: 2, dataSeed: 4 });
const spec = netSpecFor([A, B], [8], "refit");
const theta0 = initParams(networkLayout(spec), 1);
const singles = [2, 3, 4].map((s) => initParams(networkLayout(spec), s));
const sizes = [100, 200, 300];

/** θ0 + Σ cᵢ τᵢ scored directly (no sweep, no projection). */
const direct = (ev: Evaluator, c: number[]) =>
  ev
    .load(
      new ParamVector(
        theta0.layout,
        theta0.data.map((t, j) => t + singles.reduce((s, m, i) => s + c[i] * (m.data[j] - t), 0)),
      ),
    )
    .evaluate(A, "val").loss;

it("matched: the sum under epochs, the size-weighted mean under steps, times x — equal to the merge scored directly", async () => {
  await initBackend("cpu");
  const ev = new Evaluator(spec, "refit");
  const epochs = scoreSurrogate(ev, theta0, singles, A, parseSurrogate("matched:0.5"), {
    seed: 0,
    matched: { budget: "epochs", sizes },
  });
  const steps = scoreSurrogate(ev, theta0, singles, A, parseSurrogate("matched"), {
    seed: 0,
    matched: { budget: "steps", sizes },
  });
  for (let m = 1; m < 8; m++) {
    const inS = [0, 1, 2].map((i) => (m >> i) & 1);
    const total = inS.reduce((s, v, i) => s + v * sizes[i], 0);
    const e = direct(
        ev,
        inS.map((v) => 0.5 * v),
      ),
      s = direct(
        ev,
        inS.map((v, i) => (v * sizes[i]) / total),
      );
    assert.ok(Math.abs(epochs.loss[m] - e) < 1e-4, `epochs mask ${m}: ${epochs.loss[m]} vs ${e}`);
    assert.ok(Math.abs(steps.loss[m] - s) < 1e-4, `steps mask ${m}: ${steps.loss[m]} vs ${s}`);
  }
  ev.dispose();
});

it("matched:fit recovers the shrink factor of a truth it generated, and needs its calibration", async () => {
  await initBackend("cpu");
  const ev = new Evaluator(spec, "refit");
  const rule = { budget: "epochs" as const, sizes };
  const truth = scoreSurrogate(ev, theta0, singles, A, parseSurrogate("matched:0.7"), { seed: 0, matched: rule });
  const masks = [3, 5, 7];
  const fit = scoreSurrogate(ev, theta0, singles, A, parseSurrogate("matched:fit"), {
    seed: 0,
    matched: rule,
    calibration: { masks, trueLoss: masks.map((m) => truth.loss[m]) },
  });
  assert.equal(fit.lambda, 0.7);
  assert.deepEqual(fit.calibrationMasks, masks);
  for (let m = 1; m < 8; m++) assert.ok(Math.abs(fit.loss[m] - truth.loss[m]) < 1e-6);
  assert.throws(
    () => scoreSurrogate(ev, theta0, singles, A, parseSurrogate("matched:fit"), { seed: 0, matched: rule }),
    InvalidArgumentError,
  );
  assert.throws(
    () => scoreSurrogate(ev, theta0, singles, A, parseSurrogate("matched"), { seed: 0 }),
    InvalidArgumentError,
  );
  ev.dispose();
});
