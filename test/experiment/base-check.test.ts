import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import * as tf from "@tensorflow/tfjs";
import { loadSuite } from "../../src/data/suites";
import { baseVsScratch } from "../../src/experiment/base-check";
import { pretrainedEncoder } from "../../src/experiment/base-model";
import { resolveSpec } from "../../src/experiment/spec";
import { initBackend } from "../../src/model/backend";

// Issue "Real benchmark suites": on the quick preset the pretrained base must beat training from scratch on most tasks.
describe("pretrained base vs training from scratch (vision8, quick, real data)", () => {
  it("the base helps on most tasks", async () => {
    await initBackend("wasm");
    const spec = resolveSpec({ suite: "vision8", preset: "quick" });
    const suite = await loadSuite("vision8", { preset: "quick", seed: spec.dataSeed });
    const { encoder } = await pretrainedEncoder(suite, spec.hidden, spec.pretrain);
    const before = tf.memory().numTensors;
    const rows = baseVsScratch(suite, encoder, spec.recipe, 0);
    assert.equal(tf.memory().numTensors, before, "no tensors leak");
    assert.deepEqual(
      rows.map((r) => r.task),
      suite.tasks.map((t) => t.name),
    );
    for (const r of rows) {
      for (const v of [r.base_head_acc, r.base_finetuned_acc, r.scratch_acc])
        assert.ok(v >= 0 && v <= 1, `${r.task}: accuracy ${v}`);
    }
    const wins = rows.filter((r) => r.base_finetuned_acc > r.scratch_acc).length;
    assert.ok(wins >= 6, `base beat scratch on only ${wins}/8 tasks: ${JSON.stringify(rows)}`);
    // Fine-tuning on a task's own data must clearly move it (the calibration's first condition).
    const gains = rows.map((r) => r.base_finetuned_acc - r.base_head_acc);
    assert.ok(gains.filter((g) => g > 0.02).length >= 6, `own-task gains ${gains.map((g) => g.toFixed(3)).join(", ")}`);
  });
});
