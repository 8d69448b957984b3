import type { RunResults } from "../results/results";
import { pickSizes, taskVectorSummary, topQuarterSpearman } from "../results/diagnostics";
import { formatDiagnostics } from "../results/text/diagnostics-text";
import { escapeHtml } from "../report/html";
import { linesHtml } from "../report/lines-html";
import { figureHtml } from "../report/figure-html";
import type { Figure } from "../report/figure";
import { mixtureVsSumChart } from "../report/figures/mixture-vs-sum-chart";
import { taskVectorHeatmap } from "../report/figures/task-vector-heatmap";
import { hasGroundTruth } from "../results/results";

/**
 * The diagnostics figures of a run by file name: the singles' task-vector cosine heatmap and, with mixture
 * fine-tunes, the mixture-vs-sum chart by size.
 *
 * @example
 * for (const [name, title, fig] of diagnosticsFigures(results)) …
 */
export function diagnosticsFigures(results: RunResults): Array<[string, string, Figure]> {
  const out: Array<[string, string, Figure]> = [];
  const heat = taskVectorHeatmap(results.taskVectors ?? []);
  if (heat) out.push(["task-vector-cosines", "Task vectors: cosine between the singles", heat]);
  const tv = taskVectorSummary(results.taskVectors ?? []);
  const mix = tv ? mixtureVsSumChart(tv) : null;
  if (mix) out.push(["mixture-vs-sum", "Task vectors: mixture fine-tunes vs the sum of their members", mix]);
  return out;
}

/** The terminal's diagnostics lines of a run (pick size and top-quarter Spearman only with a ground truth). */
export function diagnosticsLines(results: RunResults): string[] {
  const truth = hasGroundTruth(results);
  return formatDiagnostics(
    taskVectorSummary(results.taskVectors ?? []),
    truth ? pickSizes(results) : [],
    truth ? topQuarterSpearman(results) : [],
  );
}

/**
 * The report's diagnostics, as HTML: the terminal's lines (task vectors, pick size, top-quarter Spearman),
 * then the figures. Empty for a run stored before task vectors were measured.
 *
 * @example
 * const html = diagnosticsHtml(results);
 */
export function diagnosticsHtml(results: RunResults): string {
  const lines = diagnosticsLines(results);
  if (!lines.length) return "";
  return [
    linesHtml(lines),
    ...diagnosticsFigures(results).map(([, title, fig]) => `<h3>${escapeHtml(title)}</h3>\n${figureHtml(fig)}`),
  ].join("\n");
}
