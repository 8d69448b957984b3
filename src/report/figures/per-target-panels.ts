import { RunResults, ScorerName } from "../../results/results";
import { Figure } from "../figure";
import { mixturePoints } from "../points";
import { applyPanelGrid, PanelGrid } from "./panel-grid";
import {
  ScatterOptions,
  fmtR,
  meanTargetR,
  plotText,
  scatterTrace,
  scorerLabel,
  scorerShort,
  targetR,
  taskTitle,
  truthLabel,
  truthShort,
  usablePoints,
  FIGURE_CONFIG,
} from "./common";
import { panelTitle } from "./panel-title";

export interface PanelOptions extends ScatterOptions {
  /** Most panels per row (default 4); a narrower column gets fewer, in more rows. */
  columns?: number;
}

/**
 * Per-target panels (Figures 2–3 analogue): one scatter per target of the mixture-fine-tuned score
 * against a scorer (default the merged model), each titled with its own Pearson r; the figure title
 * carries the mean over targets. Every panel has its own axis titles (short forms; the figure title has the
 * long ones). `width` is for static export; inline the figure fills its column and the grid wraps to fewer
 * columns when panels would get narrower than 170 px (see panel-grid.ts).
 *
 * @example
 * const fig = perTargetPanels(results, "merged");
 */
export function perTargetPanels(
  results: RunResults,
  scorer: ScorerName = "merged",
  options: PanelOptions = {},
): Figure {
  const truth = options.truth ?? "val_acc";
  const cols = Math.max(1, Math.min(options.columns ?? 4, results.targets.length || 1));
  const points = mixturePoints(results);
  const data: Record<string, unknown>[] = [];
  const annotations: Record<string, unknown>[] = [];
  const grid: PanelGrid = {
    n: results.targets.length,
    columns: cols,
    minPanelWidth: 170,
    panelHeight: 220,
    vgapPx: 88,
    gapPx: 72,
    titles: results.targets.map((_, k) => k),
  };
  const layout: Record<string, unknown> = {
    title: {
      text: `${plotText(results.suite)}: per target, mean r = ${fmtR(meanTargetR(results, points, scorer, options))}<br><sub>${plotText(`${truthLabel(truth)} vs ${scorerLabel(scorer, truth)}`)}</sub>`,
    },
    width: 300 * cols + 80,
    margin: { t: 110, l: 60, r: 20, b: 50 },
    showlegend: false,
    annotations,
    meta: { m2mGrid: grid },
  };
  results.targets.forEach((target, k) => {
    const axis = k + 1,
      suffix = axis === 1 ? "" : String(axis);
    const pts = usablePoints(points, target, options);
    data.push(scatterTrace(results, target, pts, scorer, truth, axis, false));
    layout[`xaxis${suffix}`] = {
      anchor: `y${suffix}`,
      title: { text: scorerShort(scorer, truth), font: { size: 11 }, standoff: 4 },
      tickfont: { size: 10 },
    };
    layout[`yaxis${suffix}`] = {
      anchor: `x${suffix}`,
      title: { text: truthShort(truth), font: { size: 11 }, standoff: 4 },
      tickfont: { size: 10 },
    };
    const title = taskTitle(results, target);
    annotations.push(
      // long titles (the synthetic suite's) would run into the next panel: the name is short
      panelTitle(
        plotText(`${title.length <= 22 ? title : target} (r = ${fmtR(targetR(pts, scorer, truth))})`),
        0.5,
        12,
      ),
    );
  });
  return { data, layout: applyPanelGrid(layout, layout.width as number), config: FIGURE_CONFIG };
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
