import { it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import "../../../src/data/synthetic/suite";
import { runExperiment } from "../../../src/experiment/run";
import { formatSummary } from "../../../src/results/text/summary";
import { checkWeights } from "../../../src/experiment/measure/weighted";
import { InvalidArgumentError } from "../../../src/util/errors";
import { SYNTHETIC_RUN } from "../../fixtures/synthetic-run";

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "m2m-weighted-"));
// the small synthetic network of the other end-to-end tests (hidden [32], 4 epochs), not the quick preset's [256, 256]
const { headRule: _h, targets: _t, ...small } = SYNTHETIC_RUN;

it("run --weighted with 2 seeds: optimised proportions, their fine-tunes, the per-target and paired lines", async () => {
  const dir = tmp();
  try {
    const opts = {
      ...small,
      seeds: 2,
      targets: ["target", "other-2"],
      out: dir,
      workers: 1,
      surrogates: ["mean"],
      weighted: true,
      weightedBudget: 60,
    };
    const r = await runExperiment(opts);
    assert.equal(r.weighted!.length, 4);
    for (const w of r.weighted!) {
      assert.ok(Math.abs(w.weights.reduce((a, b) => a + b, 0) - 1) < 1e-9 && w.weights.every((v) => v >= 0));
      assert.ok(w.evaluations <= 60);
      // the search starts at the binary pick and only improves on it
      assert.ok(w.merged_loss <= w.binary_merged_loss + 1e-12, `${w.merged_loss} vs ${w.binary_merged_loss}`);
      assert.ok(w.truth && Number.isFinite(w.truth.weighted.test_acc) && w.truth.binary);
    }
    const text = formatSummary(r);
    for (const t of ["target", "other-2"]) {
      assert.match(
        text,
        new RegExp(
          `^weighted mixture for ${t}: ([a-z0-9-]+=\\d\\.\\d\\d ?)+; merged val loss \\d\\.\\d{3} vs binary pick \\d\\.\\d{3}; test \\d+\\.\\d% vs \\d+\\.\\d%$`,
          "m",
        ),
        text,
      );
    }
    assert.match(text, /^weighted vs binary pick: [+-]\d+\.\d points \[-?\d+\.\d, -?\d+\.\d\] \(95% CI\)/m);
    // resumed: the same numbers from the store
    assert.deepEqual((await runExperiment(opts)).weighted, r.weighted);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

it("one seed: the paired interval reads [–] with a note; bad weights and budgets are typed errors", async () => {
  const dir = tmp();
  try {
    const r = await runExperiment({
      ...small,
      seeds: 1,
      targets: ["target"],
      out: dir,
      workers: 1,
      surrogates: ["mean"],
      weighted: true,
      weightedBudget: 20,
    });
    assert.match(
      formatSummary(r),
      /^weighted vs binary pick: [+-]\d+\.\d points \[–\] \(95% CI\).*one seed: an interval needs ≥ 2 seeds/m,
    );
    const fresh = path.join(dir, "never");
    await assert.rejects(
      runExperiment({
        ...small,
        seeds: 1,
        targets: ["target"],
        out: fresh,
        workers: 1,
        surrogates: ["mean"],
        weighted: true,
        weightedBudget: 0,
      }),
      InvalidArgumentError,
    );
    assert.ok(!fs.existsSync(fresh), "nothing written for a bad budget");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  for (const bad of [[-0.5, 1.5], [NaN, 1], [0, 0], [1]])
    assert.throws(() => checkWeights(bad, 2), InvalidArgumentError, JSON.stringify(bad));
  assert.deepEqual(checkWeights([1, 3], 2), [0.25, 0.75]);
});
