import type { Claims } from "../../results/claims";
import { Figure } from "../figure";
import { FIGURE_CONFIG, errorBars, plotText, plotValue } from "./common";
import { METHOD_TITLES } from "../tables/interval-cells";
import { TWO_PANELS, applyPanelGrid } from "./panel-grid";
import { panelTitle } from "./panel-title";

/** Tick labels short enough for a narrow column: each method's title with its first space a line break (instead of rotated text). */
const TICKS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(METHOD_TITLES).map(([m, t]) => [m, t.replace(" ", "<br>")]),
);
const colour = (m: string) =>
  m === "merge-to-mix" ? "#d62728" : m === "oracle" ? "#2ca02c" : m === "random" ? "#999999" : "#1f77b4";

/**
 * Claims 2–3 as a figure: each method's normalised regret (left: 0 = the oracle's mixture, 1 = no better than
 * a random mixture) and test accuracy (right, %) on the seed-averaged truth, as bars with their 95% bootstrap
 * intervals (asymmetric error bars over targets × seeds). The oracle appears only on the right (its regret is
 * 0 by definition). `width` is for static export; inline the figure fills its column.
 *
 * @example
 * showFigure(methodPowerChart(claimsOf(results)!));
 */
export function methodPowerChart(claims: Claims): Figure {
  const regretRows = claims.methods.filter((m) => m.method !== "oracle");
  const acc = claims.methods;
  const hover = (unit: string) => `%{x}: %{y:.2f}${unit}<extra></extra>`;
  return {
    data: [
      {
        type: "bar",
        name: "normalised regret",
        x: regretRows.map((m) => TICKS[m.method] ?? plotText(m.method)),
        y: regretRows.map((m) => plotValue(m.normalisedRegret.estimate)),
        error_y: errorBars(regretRows.map((m) => m.normalisedRegret)),
        marker: { color: regretRows.map((m) => colour(m.method)) },
        hovertemplate: hover(""),
        xaxis: "x",
        yaxis: "y",
      },
      {
        type: "bar",
        name: "test accuracy (%)",
        x: acc.map((m) => TICKS[m.method] ?? plotText(m.method)),
        y: acc.map((m) => plotValue(m.testAcc.estimate, 100)),
        error_y: errorBars(
          acc.map((m) => m.testAcc),
          100,
        ),
        marker: { color: acc.map((m) => colour(m.method)) },
        hovertemplate: hover("%"),
        xaxis: "x2",
        yaxis: "y2",
      },
    ],
    layout: applyPanelGrid(
      {
        meta: { m2mGrid: TWO_PANELS },
        title: {
          text: `Selections judged on the seed-averaged truth<br><sub>${claims.seeds} seed${claims.seeds === 1 ? "" : "s"} × ${claims.targets} targets; 95% bootstrap intervals</sub>`,
        },
        width: 1000,
        showlegend: false,
        margin: { t: 115, l: 60, r: 20, b: 70 },
        xaxis: { anchor: "y", title: { text: "method" }, automargin: true },
        yaxis: { anchor: "x", title: { text: "normalised regret (0 = oracle, 1 = random)" }, zeroline: true },
        xaxis2: { anchor: "y2", title: { text: "method" }, automargin: true },
        yaxis2: { anchor: "x2", title: { text: "test accuracy (%)" }, rangemode: "normal" },
        shapes: [
          {
            type: "line",
            xref: "x domain",
            yref: "y",
            x0: 0,
            x1: 1,
            y0: 1,
            y1: 1,
            line: { color: "#999", dash: "dot", width: 1 },
          },
        ],
        annotations: [
          panelTitle("normalised regret (lower is better)", 0.22),
          panelTitle("test accuracy of the pick (%)", 0.78),
        ],
      },
      1000,
    ),
    config: FIGURE_CONFIG,
  };
}
