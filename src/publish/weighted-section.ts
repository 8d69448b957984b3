import type { RunResults } from "../results/results";
import { formatWeighted, proportionsText } from "../results/text/weighted-text";
import { linesHtml } from "../report/lines-html";
import { WEIGHTED_COLUMNS, WEIGHTED_DISPLAY, tableHtml, weightedRows } from "../report/tables/index";
import type { WeightedGrid } from "../results/weighted-grid";

/**
 * The weighted-mixture part of a report, as HTML: the terminal's weighted lines (same wording) and the
 * per-target table (optimised proportions, merged losses and — with a ground truth — the fine-tuned test
 * accuracies). Empty when the run has no weighted rows.
 *
 * @example
 * weightedHtml(results);
 */
export function weightedHtml(results: RunResults): string {
  const rows = results.weighted ?? [];
  if (rows.length === 0) return "";
  const truth = rows.some((r) => r.truth);
  const columns = truth ? WEIGHTED_COLUMNS : WEIGHTED_COLUMNS.slice(0, 5);
  return (
    linesHtml(formatWeighted(rows, results.seeds.length)) +
    tableHtml(weightedRows(rows), {
      ...WEIGHTED_DISPLAY,
      columns,
      caption: "Weighted mixtures per target (means over seeds)",
    })
  );
}

/**
 * One line about a weighted grid's search: where the optimum is and how it compares with the best grid point.
 *
 * @example
 * gridSummary(grid);   // "weighted search over helper, conflict, other-2: optimum helper=1.00 … (3 steps)"
 */
export function gridSummary(grid: WeightedGrid): string {
  const best = grid.merged.reduce((b, v, i) => (v > grid.merged[b] ? i : b), 0);
  const w = (ws: readonly number[]) => proportionsText(ws.map((v, i) => [grid.candidates[i], v] as const));
  const metric = grid.metric ?? "score";
  if (!grid.optimum)
    return `${grid.target}: best of ${grid.points.length} grid points ${w(grid.points[best])} (${metric} ${grid.merged[best].toFixed(4)}); this grid has no weighted search (an older file)`;
  return (
    `${grid.target}: weighted search over ${grid.candidates.join(", ")}: optimum ${w(grid.optimum.weights)} (${metric} ${grid.optimum.score.toFixed(4)}, ` +
    `${(grid.path?.length ?? 1) - 1} accepted steps from the binary pick) vs best of ${grid.points.length} grid points ${w(grid.points[best])} (${grid.merged[best].toFixed(4)})`
  );
}
