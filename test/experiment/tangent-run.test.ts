// The fine-tuning regimes end to end on the synthetic suite (the small network of run.test.ts): a run with
// finetune "tangent" (deterministic, evaluated as the linearized model, where a merged SUM of task vectors is
// exactly the linearized model's logits), the run-store hashes of the regimes, the tangent final model's
// export, the calibrate cells' folder names, and an anchor share refused where θ0 has no pretraining data.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as tf from "@tensorflow/tfjs";
import "../../src/data/synthetic/suite";
import { loadSuite } from "../../src/data/suites";
import type { Suite } from "../../src/data/types";
import { Evaluator } from "../../src/evaluate/evaluator";
import { initBackend } from "../../src/model/backend";
import { linearizedEncoder, linearizedLogits } from "../../src/model/linearized";
import { netSpecFor, taskUnits, type NetSpec } from "../../src/model/spec";
import { ParamVector } from "../../src/params/param-vector";
import { loadParamsSync } from "../../src/params/safetensors";
import { openRunStore, runExperiment, runStoreSpec } from "../../src/experiment/run";
import { selectMixture } from "../../src/experiment/select-mixture";
import { resolveSpec } from "../../src/experiment/spec";
import { stableHash } from "../../src/experiment/hash";
import { fineTuneKey } from "../../src/experiment/finetune-pool";
import { calibrateGrid, cellSuffix } from "../../src/experiment/calibration-grid";
import { TANGENT_LOGITS, THETA0_PREFIX } from "../../src/experiment/measure/final-model";
import { DEFAULT_NCM } from "../../src/evaluate/ncm-head";
import { InvalidArgumentError, UnknownNameError } from "../../src/util/errors";
import type { RunResults } from "../../src/results/results";
import type { FinalModel } from "../../src/results/selection-result";
import { SYNTHETIC_RUN } from "../fixtures/synthetic-run";

const TANGENT = { ...SYNTHETIC_RUN, finetune: "tangent" as const };

/** Everything that must not depend on scheduling (timings dropped). */
function numbers(r: RunResults): unknown {
  const strip = (x: unknown): unknown =>
    Array.isArray(x)
      ? x.map(strip)
      : x && typeof x === "object"
        ? Object.fromEntries(
            Object.entries(x)
              .filter(([k]) => !/seconds|speedup|started|finished/.test(k))
              .map(([k, v]) => [k, strip(v)]),
          )
        : x;
  return strip({
    mixtures: r.mixtures,
    selections: r.selections,
    correlations: r.correlations,
    base: r.base,
    surrogates: r.surrogates,
  });
}

describe("runExperiment with finetune: tangent (synthetic suite)", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "m2m-tangent-"));
  let r1: RunResults,
    r2: RunResults,
    suite: Suite,
    spec: NetSpec,
    tensorsBefore = 0,
    tensorsAfter = 0;

  before(async () => {
    await initBackend("cpu");
    tensorsBefore = tf.memory().numTensors;
    r1 = await runExperiment({ ...TANGENT, out: path.join(root, "w1"), workers: 1 });
    tensorsAfter = tf.memory().numTensors;
    r2 = await runExperiment({ ...TANGENT, out: path.join(root, "w2"), workers: 2 });
    suite = await loadSuite("synthetic", { preset: "quick", seed: 0 });
    spec = netSpecFor(suite.tasks, SYNTHETIC_RUN.hidden!, "shared");
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it("is complete, leaks no tensors, records the mode, and gives identical numbers with 1 and 2 workers", () => {
    assert.equal(r1.complete, true);
    assert.equal(tensorsAfter, tensorsBefore);
    assert.equal((r1.spec as { finetune?: string }).finetune, "tangent");
    assert.equal(r1.mixtures.length, 15);
    assert.deepEqual(numbers(r2), numbers(r1));
  });

  it("a 2-member mixture: the merged SUM θ0 + τ1 + τ2 scored by the tangent Evaluator is linearizedLogits(θ0 + τ1 + τ2), and the sum of the singles' logit changes", () => {
    const store = openRunStore({ ...TANGENT, out: path.join(root, "w1") });
    try {
      const theta0 = store.getWeights("theta0")!.params;
      const bit = (name: string) => suite.tasks.findIndex((t) => t.name === name);
      const t1 = store.getWeights(fineTuneKey(0, 1 << bit("helper")), theta0.layout)!.params;
      const t2 = store.getWeights(fineTuneKey(0, 1 << bit("conflict")), theta0.layout)!.params;
      const sum = new ParamVector(
        theta0.layout,
        theta0.data.map((v, i) => v + (t1.data[i] - v) + (t2.data[i] - v)),
      );
      const target = suite.tasks[bit("target")],
        val = target.splits.val;
      const ev = new Evaluator(spec, "shared", { linearizeAround: theta0 });
      const before = tf.memory().numTensors;
      const [zs, z0, z1, z2] = [sum, theta0, t1, t2].map((p) => ev.load(p).logits(target, "val"));
      const want = tf.tidy(() =>
        tf
          .gather(
            linearizedLogits(spec, theta0, sum, tf.tensor2d(val.x, [val.n, spec.inputSize])),
            tf.tensor1d(taskUnits(target, spec, "shared"), "int32"),
            1,
          )
          .dataSync(),
      );
      assert.equal(tf.memory().numTensors, before, "scoring leaves no tensors");
      let worst = 0,
        worstSum = 0,
        moved = 0;
      for (let i = 0; i < zs.length; i++) {
        worst = Math.max(worst, Math.abs(zs[i] - want[i]));
        worstSum = Math.max(worstSum, Math.abs(zs[i] - (z0[i] + (z1[i] - z0[i]) + (z2[i] - z0[i]))));
        moved = Math.max(moved, Math.abs(z1[i] - z0[i]), Math.abs(z2[i] - z0[i]));
      }
      assert.ok(moved > 0.05, `the tangent fine-tunes moved the logits (${moved})`);
      assert.ok(worst < 1e-4, `max |Evaluator(θ0 + τ1 + τ2) − linearizedLogits| ${worst}`);
      assert.ok(worstSum < 1e-4, `max |merged sum − Σ of the singles' changes| ${worstSum}`);
      // the run scored its mixtures the same way: the mean merge of the pair, evaluated as a linearized model
      const row = r1.mixtures.find((m) => m.target === "target" && m.members.join("+") === "helper+conflict")!;
      const mean = new ParamVector(
        theta0.layout,
        theta0.data.map((_, i) => (t1.data[i] + t2.data[i]) / 2),
      );
      const e = ev.load(mean).evaluate(target, "val");
      assert.ok(Math.abs(row.merged_val_loss - e.loss) < 1e-5, `${row.merged_val_loss} vs ${e.loss}`);
      assert.equal(row.merged_val_acc, e.accuracy);
      // and a single's merged score is that single's linearized score, not the plain network's
      const single = r1.mixtures.find((m) => m.target === "target" && m.members.join("+") === "helper")!;
      // (to float rounding: merges are scored through the first-layer projection, the truth by the plain evaluator)
      assert.ok(
        Math.abs(single.merged_val_loss - single.true_val_loss!) < 1e-5,
        `${single.merged_val_loss} vs ${single.true_val_loss}`,
      );
      ev.dispose();
      const plain = new Evaluator(spec, "shared");
      const asNetwork = plain.load(t1).evaluate(target, "val").loss;
      assert.ok(Math.abs(asNetwork - single.merged_val_loss) > 1e-6, "scored as the linearized model, not the network");
      plain.dispose();
    } finally {
      store.close();
    }
  });
});

it("run-store hashes: --finetune standard hashes as runs did before the regimes existed; tangent (the default) and an anchor share change them", () => {
  const h = (extra: object) => stableHash(runStoreSpec(resolveSpec({ ...SYNTHETIC_RUN, ...extra }), {}));
  const standard = h({ finetune: "standard" });
  assert.equal(h({}), h({ finetune: "tangent" }), "tangent is the default");
  assert.equal(h({ finetune: "standard", anchorShare: 0 }), standard);
  assert.notEqual(h({}), standard);
  assert.notEqual(h({ finetune: "standard", anchorShare: 0.5 }), standard);
  assert.notEqual(h({ anchorShare: 0.5 }), h({ anchorShare: 0.25 }));
  // measured on the tree before the regimes were added: a change here means existing (standard) run folders stop
  // resuming under --finetune standard
  assert.equal(standard, "3fb3c1f6b1c585e16be371ffb31af1cacc0454e3ef56f184cdad78ad40331559");
  assert.equal(
    stableHash(runStoreSpec(resolveSpec({ suite: "vision8", preset: "quick", finetune: "standard" }), {})),
    "d59394942acc35f77e375dc15dffd9b6271bb630a95e2085d757ac71e006a1e6",
  );
  assert.throws(() => resolveSpec({ suite: "synthetic", finetune: "other" as never }), UnknownNameError);
  for (const bad of [1, -0.1, NaN])
    assert.throws(() => resolveSpec({ suite: "synthetic", anchorShare: bad }), InvalidArgumentError);
});

it("an anchor share on the synthetic suite (θ0 is a random encoder, no pretraining data): a typed error, nothing written", async () => {
  const out = path.join(os.tmpdir(), `m2m-anchor-none-${process.pid}`);
  await assert.rejects(
    runExperiment({ ...SYNTHETIC_RUN, anchorShare: 0.5, out, workers: 1 }),
    (e: unknown) => e instanceof InvalidArgumentError && /0\.5/.test(e.message) && /synthetic/.test(e.message),
  );
  assert.ok(!fs.existsSync(out));
});

it("select with finetune tangent exports θ0 as theta0/… and the logits line; the file's forward recipe gives final.json's val accuracy", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "m2m-tangent-select-"));
  try {
    await initBackend("cpu");
    const { targets: _t, seeds: _s, ...one } = TANGENT;
    const sel = await selectMixture({ ...one, target: "target", headRule: "refit", out: dir });
    const final = JSON.parse(fs.readFileSync(path.join(dir, "final.json"), "utf8")) as FinalModel;
    assert.equal(final.finetune, "tangent");
    assert.deepEqual(final.mixture, sel.recommended.members);
    const { params, metadata } = loadParamsSync(path.join(dir, "final.safetensors"));
    assert.equal(metadata.finetune, "tangent");
    assert.equal(metadata.logits, TANGENT_LOGITS);
    assert.match(metadata.logits, /^f\(x; θ0\) \+ J\(x; θ0\)\(θ − θ0\)/);
    assert.match(metadata.forward, /theta0\/enc\{i\}\/kernel/);
    const store = openRunStore({ ...TANGENT, targets: ["target"], headRule: "refit", groundTruth: false, out: dir });
    const theta0 = store.getWeights("theta0")!.params;
    store.close();
    for (const e of theta0.layout.entries) {
      assert.ok(params.layout.has(THETA0_PREFIX + e.name), `${THETA0_PREFIX}${e.name} exported`);
      assert.deepEqual(params.view(THETA0_PREFIX + e.name), theta0.view(e.name));
    }
    // follow the file's forward text: linearized encoder from theta0/ and the network, features a + t, NCM head
    const suite = await loadSuite("synthetic", { preset: "quick", seed: 0 });
    const target = suite.tasks.find((t) => t.name === "target")!,
      val = target.splits.val;
    const layers = SYNTHETIC_RUN.hidden!.length,
      widths = [val.x.length / val.n, ...SYNTHETIC_RUN.hidden!];
    const acc = tf.tidy(() => {
      const k = (p: string) =>
        Array.from({ length: layers }, (_, l) =>
          tf.tensor2d(params.view(`${p}enc${l}/kernel`), [widths[l], widths[l + 1]]),
        );
      const b = (p: string) => Array.from({ length: layers }, (_, l) => tf.tensor1d(params.view(`${p}enc${l}/bias`)));
      const { a, t } = linearizedEncoder(
        k(THETA0_PREFIX),
        b(THETA0_PREFIX),
        k(""),
        b(""),
        tf.tensor2d(val.x, [val.n, widths[0]]),
      );
      const f = tf.add(a, t!);
      const unit = tf.div(f, tf.add(tf.norm(f, 2, 1, true), 1e-12));
      const means = tf.tensor2d(params.view("target_head/means"), [target.classes.length, widths[layers]]);
      const z = tf.add(
        tf.div(tf.matMul(unit, means, false, true), DEFAULT_NCM.temperature),
        params.view("target_head/bias"),
      );
      const pred = Array.from(tf.argMax(z, 1).dataSync());
      return pred.reduce((s, p, i) => s + (p === val.y[i] ? 1 : 0), 0) / val.n;
    });
    assert.equal(acc, final.val_acc);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

it("calibrate's cell folders gain -tangent and -anchorS only for non-default values; the tangent cell runs tangent fine-tunes", async () => {
  assert.equal(cellSuffix({}), "");
  assert.equal(cellSuffix({ finetune: "standard", anchorShare: 0 }), "");
  assert.equal(
    cellSuffix({ learningRate: 3e-4, finetune: "tangent", anchorShare: 0.5 }),
    "-lr0.0003-tangent-anchor0.5",
  );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "m2m-grid-tangent-"));
  try {
    const { headRule: _h, targets: _t, ...small } = SYNTHETIC_RUN;
    const opts = {
      ...small,
      seeds: 2,
      targets: ["target"],
      out: dir,
      workers: 1,
      headRules: ["shared" as const],
      trainBudgets: ["epochs" as const],
      surrogates: ["mean"],
    };
    await assert.rejects(calibrateGrid({ ...opts, finetunes: ["other" as never] }), UnknownNameError);
    await assert.rejects(calibrateGrid({ ...opts, anchorShares: [1] }), InvalidArgumentError);
    const cells = await calibrateGrid({ ...opts, finetunes: ["standard", "tangent"] });
    assert.deepEqual(
      cells.map((c) => path.basename(c.dir)),
      ["shared-epochs", "shared-epochs-tangent"],
    );
    assert.equal(cells[0].finetune, undefined);
    assert.equal(cells[1].finetune, "tangent");
    // the tangent cell is the run without the axis (tangent is the default): the same folder and store a grid
    // without --finetunes uses
    const plain = await calibrateGrid(opts);
    assert.deepEqual(
      plain.map((c) => c.claims),
      [cells[1].claims],
    );
    assert.notDeepEqual(cells[1].claims, cells[0].claims);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
