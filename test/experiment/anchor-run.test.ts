// An anchor share end to end on real vision data, kept tiny: three vision8 tasks of 40 examples, θ0 pretrained
// on 2 Quick, Draw! drawings per unused category (590 rows, 1 epoch) with a [16] encoder. The anchored run's
// fine-tunes differ from the plain run's, repeat exactly (1 worker thread or 2, the anchors on shared memory),
// and the pretraining layer is saved beside the cached encoder (or recovered when an older cache lacks it).
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as tf from "@tensorflow/tfjs";
import { initBackend } from "../../src/model/backend";
import { openRunStore, runExperiment, type RunOptions } from "../../src/experiment/run";
import { fineTuneKey } from "../../src/experiment/finetune-pool";
import { encoderFile } from "../../src/experiment/base-model";
import { loadSuite } from "../../src/data/suites";
import { resolveSpec } from "../../src/experiment/spec";
import type { ParamVector } from "../../src/params/param-vector";
import type { RunResults } from "../../src/results/results";

describe("anchor share 0.5 on a tiny vision8 run", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "m2m-anchor-"));
  const tasks = ["mnist", "uci-digits", "hershey-digits"];
  const OPTS: Omit<RunOptions, "out"> = {
    suite: "vision8",
    targets: ["mnist"],
    seeds: [0],
    headRule: "refit",
    hidden: [16],
    recipe: { optimizer: "adam", learningRate: 1e-2, batchSize: 16, epochs: 2 },
    pretrain: { perClass: 2, shiftedCopies: 0, recipe: { epochs: 1, batchSize: 64 } },
    surrogates: ["mean"],
    backend: "cpu",
    modelDir: path.join(root, "models"),
    suiteOptions: { tasks, sizes: { train: 40, val: 40, test: 40, headfitPerClass: 2 }, useCache: false },
  };
  let plain: RunResults, a1: RunResults, a2: RunResults, tensorsBefore: number, tensorsAfter: number;
  const singles = (out: string, anchorShare?: number): ParamVector[] => {
    const store = openRunStore({ ...OPTS, ...(anchorShare ? { anchorShare } : {}), out });
    try {
      const theta0 = store.getWeights("theta0")!.params;
      return [1, 2].map((b) => store.getWeights(fineTuneKey(0, 1 << b), theta0.layout)!.params);
    } finally {
      store.close();
    }
  };

  before(async () => {
    await initBackend("cpu");
    plain = await runExperiment({ ...OPTS, out: path.join(root, "plain"), workers: 1 });
    tensorsBefore = tf.memory().numTensors;
    a1 = await runExperiment({ ...OPTS, anchorShare: 0.5, out: path.join(root, "a1"), workers: 1 });
    tensorsAfter = tf.memory().numTensors;
    a2 = await runExperiment({ ...OPTS, anchorShare: 0.5, out: path.join(root, "a2"), workers: 2 });
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it("changes the fine-tunes, repeats them exactly with 1 and 2 worker threads, and leaks no tensors", () => {
    assert.equal(tensorsAfter, tensorsBefore);
    assert.equal((a1.spec as { anchorShare?: number }).anchorShare, 0.5);
    assert.equal((plain.spec as { anchorShare?: number }).anchorShare, undefined);
    const p = singles(path.join(root, "plain")),
      x = singles(path.join(root, "a1"), 0.5),
      y = singles(path.join(root, "a2"), 0.5);
    for (let i = 0; i < 2; i++) {
      const moved = x[i].data.reduce((s, v, j) => Math.max(s, Math.abs(v - p[i].data[j])), 0);
      assert.ok(moved > 1e-4, `single ${i}: anchors changed the fine-tune (max |Δθ| ${moved})`);
      assert.deepEqual(y[i].data, x[i].data, `single ${i}: deterministic by seed`);
    }
    assert.deepEqual(
      a2.mixtures.map((m) => [m.merged_val_loss, m.true_val_loss]),
      a1.mixtures.map((m) => [m.merged_val_loss, m.true_val_loss]),
    );
    // the anchored steps see as many fine-tuning rows as the plain ones
    const rec = (r: RunResults) => r.cost.map((c) => c.exhaustive_finetune_samples);
    assert.deepEqual(rec(a1), rec(plain));
  });

  it("the pretraining layer sits beside the cached encoder; an encoder cached without it is pretrained again to recover it", async () => {
    const spec = resolveSpec({ ...OPTS });
    const suite = await loadSuite("vision8", { ...OPTS.suiteOptions, preset: "quick", seed: 0 });
    const { file, headFile } = encoderFile(suite, spec.hidden, spec.pretrain, OPTS.modelDir);
    assert.ok(fs.existsSync(file) && fs.existsSync(headFile));
    const head = fs.readFileSync(headFile);
    // an older cache: the encoder alone
    const older = path.join(root, "older-models");
    fs.mkdirSync(older);
    fs.copyFileSync(file, path.join(older, path.basename(file)));
    const again = await runExperiment({
      ...OPTS,
      modelDir: older,
      anchorShare: 0.5,
      out: path.join(root, "a3"),
      workers: 1,
    });
    assert.deepEqual(fs.readFileSync(path.join(older, path.basename(headFile))), head, "the same layer recovered");
    assert.deepEqual(
      again.mixtures.map((m) => m.merged_val_loss),
      a1.mixtures.map((m) => m.merged_val_loss),
    );
  });
});
