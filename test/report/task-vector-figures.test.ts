import { it } from "node:test";
import assert from "node:assert/strict";
import { taskVectorHeatmap } from "../../src/report/figures/task-vector-heatmap";
import { mixtureVsSumChart } from "../../src/report/figures/mixture-vs-sum-chart";
import { taskVectorSummary } from "../../src/results/diagnostics";
import type { TaskVectorRow } from "../../src/results/task-vector-row";

const row = (seed: number, c: number, mixtures: TaskVectorRow["mixtures"] = []): TaskVectorRow => ({
  seed,
  tasks: ["a", "b"],
  relative_update: [0.05, 0.06],
  cosine: [
    [1, c],
    [c, 1],
  ],
  mixtures,
});

it("heatmap: the cosine matrix averaged over seeds, on a fixed [−1, 1] scale; null without rows", () => {
  const fig = taskVectorHeatmap([row(0, 0.1), row(1, 0.3)])!;
  const trace = fig.data[0] as { z: number[][]; zmin: number; zmax: number; x: string[] };
  assert.deepEqual(trace.x, ["a", "b"]);
  assert.ok(Math.abs(trace.z[0][1] - 0.2) < 1e-12 && trace.z[1][1] === 1);
  assert.deepEqual([trace.zmin, trace.zmax], [-1, 1]);
  assert.equal(taskVectorHeatmap([]), null);
});

it("mixture vs sum: one point per size, both measures; null without mixture fine-tunes", () => {
  const tv = taskVectorSummary([
    row(0, 0, [
      { mask: 3, size: 2, cos_sum: 0.9, norm_ratio: 0.8 },
      { mask: 7, size: 3, cos_sum: 0.7, norm_ratio: 0.6 },
    ]),
  ])!;
  const fig = mixtureVsSumChart(tv)!;
  const [cos, ratio] = fig.data as Array<{ x: number[]; y: number[] }>;
  assert.deepEqual(cos.x, [2, 3]);
  assert.deepEqual(cos.y, [0.9, 0.7]);
  assert.deepEqual(ratio.y, [0.8, 0.6]);
  assert.equal(mixtureVsSumChart(taskVectorSummary([row(0, 0)])!), null);
});
