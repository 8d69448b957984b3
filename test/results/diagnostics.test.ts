import { it } from "node:test";
import assert from "node:assert/strict";
import { pickSizes, taskVectorSummary, topQuarterSpearman } from "../../src/results/diagnostics";
import type { MixtureRow, RunResults, SelectionRow } from "../../src/results/results";
import { formatDiagnostics } from "../../src/results/text/diagnostics-text";
import { popcount } from "../../src/merge/subsets";

/** One target, 4 candidates, one seed; the truth's validation loss falls with the mask's value, the oracle is 0b1111. */
function run(): RunResults {
  const mixtures: MixtureRow[] = [];
  for (let mask = 1; mask < 16; mask++) {
    const loss = 2 - mask / 10;
    mixtures.push({
      seed: 0,
      target: "t",
      mask,
      members: [],
      size: popcount(mask),
      merged_val_acc: 0.5,
      merged_val_loss: loss,
      cosine: loss,
      l2: 1,
      true_val_acc: mask / 20,
      true_val_loss: loss,
      true_test_acc: mask / 20,
      true_test_loss: loss,
    });
  }
  const sel = (method: SelectionRow["method"], mask: number): SelectionRow => ({
    seed: 0,
    target: "t",
    method,
    mask,
    members: [],
    test_acc: 0,
    regret: 0,
    rank: 1,
  });
  return {
    version: 1,
    spec: { score: "loss" },
    suite: "s",
    targets: ["t"],
    candidates: { t: ["a", "b", "c", "d"] },
    tasks: {},
    seeds: [0],
    mixtures,
    selections: [sel("merge-to-mix", 0b0011), sel("cosine", 0b0001), sel("l2", 0b0100), sel("oracle", 0b1111)],
    correlations: [],
    base: [],
    cost: [],
    complete: true,
    started: "",
    finished: null,
    surrogates: [
      {
        seed: 0,
        target: "t",
        name: "ta:1",
        val_acc: new Array(16).fill(0.5),
        val_loss: [NaN, ...mixtures.map((m) => -m.true_val_loss!)],
        seconds: 0,
        lambda: null,
        calibration_masks: null,
        extra_finetunes: 0,
        extra_seconds: 0,
      },
    ],
  };
}

it("pick sizes: each method's mean popcount, the surrogates' own argmax, the seed-averaged oracle", () => {
  assert.deepEqual(pickSizes(run()), [
    ["merge-to-mix", 2],
    ["cosine", 1],
    ["l2", 1],
    ["ta:1", 1],
    ["oracle", 4],
  ]);
});

it("top-quarter spearman: +1 for a scorer equal to the truth, −1 reversed, NaN for a constant", () => {
  const top = new Map(topQuarterSpearman(run()));
  assert.equal(top.get("merge-to-mix")!.estimate, 1);
  assert.equal(top.get("cosine")!.estimate, -1); // higher cosine = better, here it equals the loss
  assert.ok(Number.isNaN(top.get("l2")!.estimate));
  assert.equal(top.get("ta:1")!.estimate, -1);
});

it("task-vector summary and its exact line", () => {
  const tv = taskVectorSummary([
    {
      seed: 0,
      tasks: ["a", "b", "c"],
      relative_update: [0.02, 0.03, 0.05],
      cosine: [
        [1, 0.1, 0],
        [0.1, 1, -0.04],
        [0, -0.04, 1],
      ],
      mixtures: [
        { mask: 3, size: 2, cos_sum: 0.9, norm_ratio: 1 },
        { mask: 7, size: 3, cos_sum: 0.8, norm_ratio: 0.9 },
      ],
    },
  ])!;
  assert.deepEqual(tv.relativeUpdate, { median: 0.03, min: 0.02, max: 0.05 });
  assert.ok(Math.abs(tv.expertCosine - 0.02) < 1e-12);
  assert.equal(taskVectorSummary([]), null);
  const lines = formatDiagnostics(
    tv,
    [
      ["merge-to-mix", 3.6],
      ["cosine", 1],
      ["l2", 1],
      ["oracle", 4.1],
    ],
    [],
  );
  assert.equal(
    lines[0],
    "task vectors: relative update median 3.0% [2.0%, 5.0%], cosine between experts mean 0.02, mixture vs sum cos 0.85, norm ratio 0.95",
  );
  assert.equal(lines[2], "pick size: merge-to-mix 3.6, cosine 1.0, l2 1.0, oracle 4.1");
});
