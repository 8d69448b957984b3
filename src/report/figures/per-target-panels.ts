import { RunResults, ScorerName } from "../../experiment/results";
import { Figure } from "../figure";
import { mixturePoints } from "../points";
import { ScatterOptions, fmtR, gridLayout, meanTargetR, plotText, scatterTrace, scorerLabel, targetR, taskTitle, truthLabel, usablePoints } from "./common";

export interface PanelOptions extends ScatterOptions {
  /** Panels per row (default 4). */
  columns?: number;
}

/**
 * Per-target panels (Figures 2–3 analogue): one scatter per target of the mixture-fine-tuned score
 * against a scorer (default the merged model), each titled with its own Pearson r; the figure title
 * carries the mean over targets.
 *
 * @example
 * const fig = perTargetPanels(results, "merged");
 */
export function perTargetPanels(results: RunResults, scorer: ScorerName = "merged", options: PanelOptions = {}): Figure {
  const truth = options.truth ?? "val_acc";
  const cols = Math.max(1, Math.min(options.columns ?? 4, results.targets.length || 1));
  const rows = Math.max(1, Math.ceil(results.targets.length / cols));
  const points = mixturePoints(results);
  const domains = gridLayout(results.targets.length, cols, 0.06);
  const data: Record<string, unknown>[] = [];
  const annotations: Record<string, unknown>[] = [];
  const layout: Record<string, unknown> = {
    title: { text: plotText(`${results.suite}: ${truthLabel(truth)} vs ${scorerLabel(scorer, truth)} (mean r = ${fmtR(meanTargetR(results, points, scorer, options))})`) },
    height: 120 + 260 * rows, width: 300 * cols + 80, margin: { t: 90, l: 60, r: 20, b: 50 }, showlegend: false, annotations,
  };
  results.targets.forEach((target, k) => {
    const axis = k + 1, suffix = axis === 1 ? "" : String(axis);
    const pts = usablePoints(points, target, options);
    data.push(scatterTrace(results, target, pts, scorer, truth, axis, false));
    const d = domains[k] as { x: number[]; y: number[] };
    layout[`xaxis${suffix}`] = { domain: d.x, anchor: `y${suffix}` };
    layout[`yaxis${suffix}`] = { domain: d.y, anchor: `x${suffix}` };
    annotations.push({
      text: plotText(`${taskTitle(results, target)} (r = ${fmtR(targetR(pts, scorer, truth))})`),
      x: (d.x[0] + d.x[1]) / 2, y: d.y[1], xref: "paper", yref: "paper", xanchor: "center", yanchor: "bottom", showarrow: false, font: { size: 12 },
    });
  });
  return { data, layout, config: { responsive: true, displaylogo: false } };
}

/**
 * The similarity panels (Figures 4–5 analogue): per-target panels for cosine similarity and L2 distance.
 *
 * @example
 * const [cosineFig, l2Fig] = similarityPanels(results);
 */
export function similarityPanels(results: RunResults, options: PanelOptions = {}): [Figure, Figure] {
  return [perTargetPanels(results, "cosine", options), perTargetPanels(results, "l2", options)];
}
