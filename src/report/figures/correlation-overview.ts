import { RunResults, ScorerName } from "../../results/results";
import { Figure } from "../figure";
import { mixturePoints } from "../points";
import { applyPanelGrid, PanelGrid } from "./panel-grid";
import {
  FIGURE_CONFIG,
  ScatterOptions,
  fmtR,
  meanTargetR,
  plotText,
  scatterTrace,
  scorerLabel,
  truthLabel,
  truthShort,
  usablePoints,
} from "./common";
import { panelTitle } from "./panel-title";

const PANELS: readonly ScorerName[] = ["merged", "cosine", "l2"];

/**
 * The Figure 1 analogue: mixture-fine-tuned score (y) against the merged model's score, cosine
 * similarity and L2 distance (x), every target × mixture point (seed means), one colour per target;
 * each panel's title carries the average of the per-target Pearson r. `width` (1200) is for static export;
 * inline (figureHtml) the figure fills its column, and the three panels wrap to two columns, then one,
 * when a panel would get narrower than 200 px (see panel-grid.ts).
 *
 * @example
 * const fig = correlationOverview(results);               // accuracy
 * const figLoss = correlationOverview(results, { truth: "val_loss", subset: "no-singletons" });
 */
export function correlationOverview(results: RunResults, options: ScatterOptions = {}): Figure {
  const truth = options.truth ?? "val_acc";
  const points = mixturePoints(results);
  const grid: PanelGrid = {
    n: PANELS.length,
    columns: PANELS.length,
    minPanelWidth: 200,
    panelHeight: 250,
    vgapPx: 110,
    gapPx: 80,
    titles: [0, 1, 2],
  };
  const data: Record<string, unknown>[] = [];
  const layout: Record<string, unknown> = {
    title: {
      text: plotText(
        `${results.suite}: mixture fine-tuned vs merged and similarity scores${options.subset === "no-singletons" ? " (no singletons)" : ""}`,
      ),
    },
    width: 1200,
    margin: { t: 100, l: 60, r: 20, b: 90 },
    legend: { orientation: "h", x: 0, xanchor: "left", yref: "container", y: 0.005, yanchor: "bottom" },
    annotations: [] as Record<string, unknown>[],
    meta: { m2mGrid: grid },
  };
  PANELS.forEach((scorer, k) => {
    const axis = k + 1,
      suffix = axis === 1 ? "" : String(axis);
    for (const target of results.targets)
      data.push(scatterTrace(results, target, usablePoints(points, target, options), scorer, truth, axis, k === 0));
    layout[`xaxis${suffix}`] = { anchor: `y${suffix}`, title: { text: scorerLabel(scorer, truth) } };
    layout[`yaxis${suffix}`] = {
      anchor: `x${suffix}`,
      title: { text: k === 0 ? truthLabel(truth) : truthShort(truth) },
    };
    (layout.annotations as Record<string, unknown>[]).push(
      // two short lines, so the panel title fits a narrow column (the panel may be < 200 px wide)
      panelTitle(
        `${scorer === "merged" ? "merged model" : scorer === "cosine" ? "cosine similarity" : "L2 distance"}<br>mean per-target r = ${fmtR(meanTargetR(results, points, scorer, options))}`,
        0.5,
        12,
      ),
    );
  });
  return { data, layout: applyPanelGrid(layout, 1200), config: FIGURE_CONFIG };
}
