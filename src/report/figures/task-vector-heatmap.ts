import { mean } from "../../select/metrics/finite-stats";
import type { TaskVectorRow } from "../../results/task-vector-row";
import { Figure } from "../figure";
import { FIGURE_CONFIG, plotText, plotValue } from "./common";

/**
 * The cosine matrix of the single fine-tunes' task vectors (encoder parameters), averaged over seeds, as a
 * heatmap on a fixed [−1, 1] scale: near-zero off the diagonal means the experts moved θ0 in unrelated
 * directions. Null without rows.
 *
 * @example
 * const fig = taskVectorHeatmap(results.taskVectors ?? []); if (fig) showFigure(fig);
 */
export function taskVectorHeatmap(rows: readonly TaskVectorRow[]): Figure | null {
  if (!rows.length || !rows[0].tasks.length) return null;
  const tasks = rows[0].tasks;
  const same = rows.filter((r) => r.tasks.join("\n") === tasks.join("\n"));
  const z = tasks.map((_, i) =>
    tasks.map((_, j) => {
      return plotValue(mean(same.map((r) => r.cosine[i][j])));
    }),
  );
  const names = tasks.map(plotText);
  return {
    data: [
      {
        type: "heatmap",
        x: names,
        y: names,
        z,
        zmin: -1,
        zmax: 1,
        colorscale: "RdBu",
        reversescale: true,
        text: z.map((row) => row.map((v) => (v === null ? "" : v.toFixed(2)))),
        texttemplate: "%{text}",
        hovertemplate: "cos(τ %{y}, τ %{x}) = %{z:.3f}<extra></extra>",
        colorbar: { title: { text: "cosine" } },
      },
    ],
    layout: {
      title: {
        text: `Cosine between the singles' task vectors<br><sub>encoder parameters, mean over ${same.length} seed${same.length === 1 ? "" : "s"}</sub>`,
      },
      width: 640,
      height: 560,
      margin: { t: 90, l: 120, r: 20, b: 120 },
      xaxis: { type: "category", automargin: true },
      yaxis: { type: "category", automargin: true, autorange: "reversed" },
    },
    config: FIGURE_CONFIG,
  };
}
