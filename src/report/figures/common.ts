import { CorrelationRow, RunResults, ScorerName } from "../../results/results";
import type { Interval } from "../../select/metrics/bootstrap";
import { mixtureName } from "../../data/mixture-name";
import { formatNumber } from "../../results/text/numbers";
import { escapeHtml } from "../html";
import { MixturePoint } from "../points";
import { mean } from "../../select/metrics/finite-stats";
import { pearson } from "../../select/metrics/pearson";

/** Plotly's default qualitative palette: one colour per target, stable across figures. */
export const PALETTE = [
  "#1f77b4",
  "#ff7f0e",
  "#2ca02c",
  "#d62728",
  "#9467bd",
  "#8c564b",
  "#e377c2",
  "#7f7f7f",
  "#bcbd22",
  "#17becf",
];

export interface ScatterOptions {
  /** Which truth goes on the y axis (default "val_acc": mixture-fine-tuned validation accuracy). */
  truth?: CorrelationRow["truth"];
  /** Keep every mixture, or drop singletons (where merged = fine-tuned by construction). Default "all". */
  subset?: CorrelationRow["subset"];
}

/** Plotly renders a subset of HTML in text, so data strings are escaped (entities display as text). */
export const plotText = (s: string): string => escapeHtml(s);

/** Display title of a task (its name when the run has no title for it). */
export function taskTitle(results: RunResults, target: string): string {
  return results.tasks[target]?.title ?? target;
}

/** The x value of a mixture for a scorer: merged score (acc or loss, matching the truth), cosine or L2. */
export function scorerValue(p: MixturePoint, scorer: ScorerName, truth: CorrelationRow["truth"]): number {
  if (scorer === "merged") return truth === "val_loss" ? p.merged_val_loss : p.merged_val_acc;
  return scorer === "cosine" ? p.cosine : p.l2;
}

export function truthValue(p: MixturePoint, truth: CorrelationRow["truth"]): number | null {
  return truth === "val_loss" ? p.true_val_loss : p.true_val_acc;
}

/** Axis titles. */
export function scorerLabel(scorer: ScorerName, truth: CorrelationRow["truth"]): string {
  if (scorer === "merged")
    return truth === "val_loss" ? "merged model validation loss" : "merged model validation accuracy";
  return scorer === "cosine" ? "cosine similarity (avg of avg)" : "L2 distance (avg of avg)";
}
export function truthLabel(truth: CorrelationRow["truth"]): string {
  return truth === "val_loss" ? "mixture fine-tuned validation loss" : "mixture fine-tuned validation accuracy";
}
/** Short axis titles for small panels (the figure title carries the long form). */
export function scorerShort(scorer: ScorerName, truth: CorrelationRow["truth"]): string {
  if (scorer === "merged") return truth === "val_loss" ? "merged val loss" : "merged val accuracy";
  return scorer === "cosine" ? "cosine similarity" : "L2 distance";
}
export function truthShort(truth: CorrelationRow["truth"]): string {
  return truth === "val_loss" ? "fine-tuned val loss" : "fine-tuned val accuracy";
}

/** Points of one target that have a truth value, after the subset filter. */
export function usablePoints(points: readonly MixturePoint[], target: string, opts: ScatterOptions): MixturePoint[] {
  const truth = opts.truth ?? "val_acc";
  return points.filter(
    (p) => p.target === target && truthValue(p, truth) !== null && (opts.subset !== "no-singletons" || p.size > 1),
  );
}

/** Pearson r of one target's points for one scorer. */
export function targetR(pts: readonly MixturePoint[], scorer: ScorerName, truth: CorrelationRow["truth"]): number {
  return pearson(
    pts.map((p) => scorerValue(p, scorer, truth)),
    pts.map((p) => truthValue(p, truth) as number),
  );
}

/** The average of per-target Pearson r (targets with too few points are skipped). */
export function meanTargetR(
  results: RunResults,
  points: readonly MixturePoint[],
  scorer: ScorerName,
  opts: ScatterOptions,
): number {
  const truth = opts.truth ?? "val_acc";
  return mean(results.targets.map((t) => targetR(usablePoints(points, t, opts), scorer, truth)));
}

/** "0.62" or "n/a". */
export const fmtR = (r: number): string => formatNumber(r, { digits: 2, missing: "n/a" });

/** One scatter trace for one target's points. */
export function scatterTrace(
  results: RunResults,
  target: string,
  pts: readonly MixturePoint[],
  scorer: ScorerName,
  truth: CorrelationRow["truth"],
  axis: number,
  showlegend: boolean,
): Record<string, unknown> {
  const i = results.targets.indexOf(target);
  const suffix = axis === 1 ? "" : String(axis);
  return {
    type: "scatter",
    mode: "markers",
    name: plotText(taskTitle(results, target)),
    legendgroup: `target-${i}`,
    showlegend,
    x: pts.map((p) => scorerValue(p, scorer, truth)),
    y: pts.map((p) => truthValue(p, truth)),
    text: pts.map((p) => plotText(mixtureName(p.members, " + "))),
    hovertemplate: "%{text}<br>x=%{x:.4f}<br>y=%{y:.4f}<extra>%{fullData.name}</extra>",
    marker: { color: PALETTE[(i < 0 ? 0 : i) % PALETTE.length], size: 6, opacity: 0.75 },
    xaxis: `x${suffix}`,
    yaxis: `y${suffix}`,
  };
}

/** The interval part of an estimate: an `Interval`'s estimate, lo and hi. */
export type Spread = Pick<Interval, "estimate" | "lo" | "hi">;

/**
 * Plotly asymmetric error bars for 95% intervals (`error_y` or `error_x`), scaled like the values; a
 * missing interval (NaN: nothing to resample) draws no bar instead of a zero-width one.
 *
 * @example
 * { type: "bar", y: ivs.map((i) => 100 * i.estimate), error_y: errorBars(ivs, 100) }
 */
export function errorBars(ivs: readonly Spread[], scale = 1): Record<string, unknown> {
  const up = ivs.map((i) =>
    Number.isFinite(i.hi) && Number.isFinite(i.estimate) ? Math.max(0, (i.hi - i.estimate) * scale) : null,
  );
  const down = ivs.map((i) =>
    Number.isFinite(i.lo) && Number.isFinite(i.estimate) ? Math.max(0, (i.estimate - i.lo) * scale) : null,
  );
  return {
    type: "data",
    symmetric: false,
    array: up,
    arrayminus: down,
    visible: up.some((v) => v !== null),
    color: "#333",
    thickness: 1.4,
    width: 5,
  };
}

/** A value for a plot: finite → scaled, else null (Plotly leaves a gap). */
export const plotValue = (v: number, scale = 1): number | null => (Number.isFinite(v) ? v * scale : null);

/** The config of every figure: responsive inline, no Plotly logo. */
export const FIGURE_CONFIG: Record<string, unknown> = { responsive: true, displaylogo: false };
