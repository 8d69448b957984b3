import { RunResults, ScorerName } from "../../experiment/results";
import { Figure } from "../figure";
import { mixturePoints } from "../points";
import { ScatterOptions, fmtR, gridLayout, meanTargetR, plotText, scatterTrace, scorerLabel, truthLabel, usablePoints } from "./common";

const PANELS: readonly ScorerName[] = ["merged", "cosine", "l2"];

/**
 * The Figure 1 analogue: mixture-fine-tuned score (y) against the merged model's score, cosine
 * similarity and L2 distance (x), every target × mixture point (seed means), one colour per target;
 * each panel's title carries the average of the per-target Pearson r.
 *
 * @example
 * const fig = correlationOverview(results);               // accuracy
 * const figLoss = correlationOverview(results, { truth: "val_loss", subset: "no-singletons" });
 */
export function correlationOverview(results: RunResults, options: ScatterOptions = {}): Figure {
  const truth = options.truth ?? "val_acc";
  const points = mixturePoints(results);
  const domains = gridLayout(PANELS.length, PANELS.length, 0.07);
  const data: Record<string, unknown>[] = [];
  const layout: Record<string, unknown> = {
    title: { text: plotText(`${results.suite}: mixture fine-tuned vs merged and similarity scores${options.subset === "no-singletons" ? " (no singletons)" : ""}`) },
    height: 440, width: 1200, margin: { t: 90, l: 60, r: 20, b: 60 }, legend: { orientation: "h", y: -0.2 },
    annotations: [] as Record<string, unknown>[],
  };
  PANELS.forEach((scorer, k) => {
    const axis = k + 1, suffix = axis === 1 ? "" : String(axis);
    for (const target of results.targets) data.push(scatterTrace(results, target, usablePoints(points, target, options), scorer, truth, axis, k === 0));
    const d = domains[k] as { x: number[]; y: number[] };
    layout[`xaxis${suffix}`] = { domain: d.x, anchor: `y${suffix}`, title: { text: scorerLabel(scorer, truth) } };
    layout[`yaxis${suffix}`] = { domain: d.y, anchor: `x${suffix}`, title: { text: k === 0 ? truthLabel(truth) : "" } };
    (layout.annotations as Record<string, unknown>[]).push({
      text: `${scorer === "merged" ? "merged" : scorer === "cosine" ? "cosine" : "L2"}: mean per-target r = ${fmtR(meanTargetR(results, points, scorer, options))}`,
      x: (d.x[0] + d.x[1]) / 2, y: 1.02, xref: "paper", yref: "paper", xanchor: "center", yanchor: "bottom", showarrow: false, font: { size: 13 },
    });
  });
  return { data, layout, config: { responsive: true, displaylogo: false } };
}
