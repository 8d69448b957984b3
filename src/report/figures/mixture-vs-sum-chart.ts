import type { TaskVectorSummary } from "../../results/diagnostics";
import { Figure } from "../figure";
import { FIGURE_CONFIG, PALETTE, plotValue } from "./common";

/**
 * How far a mixture fine-tune's task vector τ_S is from the sum of its members' Σ τᵢ, by mixture size:
 * cos(τ_S, Σ τᵢ) and ‖τ_S‖/‖Σ τᵢ‖ (both 1 where merging by the sum is first-order exact; the uniform
 * mean's ratio would be 1/k). Null without mixture fine-tunes.
 *
 * @example
 * const fig = mixtureVsSumChart(taskVectorSummary(results.taskVectors ?? [])!); if (fig) showFigure(fig);
 */
export function mixtureVsSumChart(tv: TaskVectorSummary): Figure | null {
  if (!tv.bySize.length) return null;
  const x = tv.bySize.map((b) => b.size);
  const line = (name: string, y: Array<number | null>, color: string, dash?: string) => ({
    type: "scatter",
    mode: dash ? "lines" : "lines+markers",
    name,
    x,
    y,
    line: { color, ...(dash ? { dash } : {}) },
    hovertemplate: `size %{x}: ${name} %{y:.2f}<extra></extra>`,
  });
  return {
    data: [
      line(
        "cos(τ_S, Σ τᵢ)",
        tv.bySize.map((b) => plotValue(b.cos)),
        PALETTE[0],
      ),
      line(
        "‖τ_S‖ / ‖Σ τᵢ‖",
        tv.bySize.map((b) => plotValue(b.normRatio)),
        PALETTE[1],
      ),
      line(
        "uniform mean's ratio (1/k)",
        x.map((k) => 1 / k),
        PALETTE[7],
        "dot",
      ),
    ],
    layout: {
      title: {
        text: `Mixture fine-tunes against the sum of their members' task vectors<br><sub>encoder parameters; ${tv.bySize.reduce((a, b) => a + b.n, 0)} mixture fine-tunes over seeds</sub>`,
      },
      width: 760,
      height: 460,
      margin: { t: 90, l: 70, r: 20, b: 60 },
      xaxis: { title: { text: "mixture size" }, dtick: 1 },
      yaxis: { title: { text: "cosine / norm ratio" }, rangemode: "tozero" },
    },
    config: FIGURE_CONFIG,
  };
}
