import type { Claims } from "../../results/claims";
import { Figure } from "../figure";
import { FIGURE_CONFIG, errorBars, plotText, plotValue } from "./common";
import { TWO_PANELS, applyPanelGrid } from "./panel-grid";
import { panelTitle } from "./panel-title";

/**
 * The compared surrogates (uniform mean = Merge to Mix's own; task arithmetic, TIES, DARE, calibrated λ)
 * over the same single fine-tunes: their claim-1 r (left) and their picks' normalised regret (right), bars
 * with 95% bootstrap intervals. Null when the run compared no surrogates.
 *
 * @example
 * const fig = surrogateChart(claimsOf(results)!); if (fig) showFigure(fig);
 */
export function surrogateChart(claims: Claims): Figure | null {
  const s = claims.surrogates;
  if (s.length === 0) return null;
  const x = s.map((v) => plotText(v.name));
  const colour = s.map((v) => (v.name === "mean" ? "#d62728" : "#1f77b4"));
  return {
    data: [
      {
        type: "bar",
        x,
        y: s.map((v) => plotValue(v.r.estimate)),
        error_y: errorBars(s.map((v) => v.r)),
        marker: { color: colour },
        hovertemplate: "%{x}: r = %{y:.2f}<extra></extra>",
        xaxis: "x",
        yaxis: "y",
      },
      {
        type: "bar",
        x,
        y: s.map((v) => plotValue(v.normalisedRegret.estimate)),
        error_y: errorBars(s.map((v) => v.normalisedRegret)),
        marker: { color: colour },
        hovertemplate: "%{x}: %{y:.2f}<extra></extra>",
        xaxis: "x2",
        yaxis: "y2",
      },
    ],
    layout: applyPanelGrid(
      {
        meta: { m2mGrid: TWO_PANELS },
        title: {
          text: "Surrogates over the same single fine-tunes<br><sub>95% bootstrap intervals over targets × seeds</sub>",
        },
        width: 1000,
        showlegend: false,
        margin: { t: 115, l: 60, r: 20, b: 70 },
        xaxis: { anchor: "y", title: { text: "surrogate" }, automargin: true, type: "category" },
        yaxis: { anchor: "x", title: { text: "r vs mixture val loss (no singletons)" }, range: [-1.05, 1.05] },
        xaxis2: { anchor: "y2", title: { text: "surrogate" }, automargin: true, type: "category" },
        yaxis2: { anchor: "x2", title: { text: "normalised regret (0 = oracle, 1 = random)" } },
        annotations: [
          panelTitle("tracks the truth (higher is better)", 0.22),
          panelTitle("its picks' normalised regret (lower is better)", 0.78),
        ],
      },
      1000,
    ),
    config: FIGURE_CONFIG,
  };
}
