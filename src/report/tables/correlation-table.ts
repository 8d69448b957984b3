import * as aq from "arquero";
import type { DataFrame } from "danfojs-node";
import { CorrelationRow, RunResults, ScorerName } from "../../results/results";
import { mean } from "../../select/metrics/finite-stats";
import { COUNT, CORRELATION, ColumnFormat } from "./column-format";
import { TableRow, toDataFrame } from "./dataframe";
import type { TableDisplay } from "./table-display";

export const SCORER_ORDER: readonly ScorerName[] = ["merged", "cosine", "l2"];

/** Columns of the correlation table. */
export const CORRELATION_COLUMNS = [
  "target",
  "scorer",
  "n",
  "pearson",
  "spearman",
  "kendall",
  "n_no_singletons",
  "pearson_no_singletons",
  "spearman_no_singletons",
  "kendall_no_singletons",
] as const;

export const CORRELATION_LABELS: Record<string, string> = {
  target: "target",
  scorer: "scorer",
  n: "n",
  pearson: "Pearson r",
  spearman: "Spearman ρ",
  kendall: "Kendall τ",
  n_no_singletons: "n (no singletons)",
  pearson_no_singletons: "r (no singletons)",
  spearman_no_singletons: "ρ (no singletons)",
  kendall_no_singletons: "τ (no singletons)",
};

/** Correlations with 2 decimals, mixture counts as integers. */
export const CORRELATION_FORMATS: Record<string, ColumnFormat> = {
  n: COUNT,
  n_no_singletons: COUNT,
  pearson: CORRELATION,
  spearman: CORRELATION,
  kendall: CORRELATION,
  pearson_no_singletons: CORRELATION,
  spearman_no_singletons: CORRELATION,
  kendall_no_singletons: CORRELATION,
};

/** The correlation table's display. */
export const CORRELATION_DISPLAY: TableDisplay = {
  columns: CORRELATION_COLUMNS,
  labels: CORRELATION_LABELS,
  formats: CORRELATION_FORMATS,
};

export interface CorrelationTableOptions {
  /** Which truth the scorers are correlated with (default "val_acc"). */
  truth?: CorrelationRow["truth"];
}

/**
 * The correlation table as rows: for each scorer, one row per target then a `target: "mean"` row
 * (the average of the per-target values, recomputed here so it always matches the rows above it),
 * with Pearson, Spearman and Kendall over all mixtures and without singletons; means over seeds.
 * Rows already labelled "mean" in the results are ignored.
 *
 * @example
 * correlationRows(results, { truth: "val_loss" }).filter((r) => r.target === "mean");
 */
export function correlationRows(results: RunResults, options: CorrelationTableOptions = {}): TableRow[] {
  const truth = options.truth ?? "val_acc";
  const src = results.correlations.filter((c) => c.truth === truth && c.target !== "mean");
  const op = aq.op;
  const agg = new Map<string, { n: number; pearson: number; spearman: number; kendall: number }>();
  if (src.length > 0) {
    const rows = aq
      .from(
        src.map((c) => ({
          target: c.target,
          scorer: c.scorer,
          subset: c.subset,
          n: c.n,
          pearson: c.pearson,
          spearman: c.spearman,
          kendall: c.kendall,
        })),
      )
      .groupby("target", "scorer", "subset")
      .rollup({
        n: op.mean("n"),
        pearson: op.mean("pearson"),
        spearman: op.mean("spearman"),
        kendall: op.mean("kendall"),
      })
      .objects() as {
      target: string;
      scorer: string;
      subset: string;
      n: number;
      pearson: number;
      spearman: number;
      kendall: number;
    }[];
    for (const r of rows) agg.set(`${r.target}\u0000${r.scorer}\u0000${r.subset}`, r);
  }
  const num = (v: number | undefined) => (typeof v === "number" && Number.isFinite(v) ? v : NaN);
  const out: TableRow[] = [];
  for (const scorer of SCORER_ORDER) {
    const block: TableRow[] = results.targets.map((target) => {
      const all = agg.get(`${target}\u0000${scorer}\u0000all`);
      const ns = agg.get(`${target}\u0000${scorer}\u0000no-singletons`);
      return {
        target,
        scorer,
        n: num(all?.n),
        pearson: num(all?.pearson),
        spearman: num(all?.spearman),
        kendall: num(all?.kendall),
        n_no_singletons: num(ns?.n),
        pearson_no_singletons: num(ns?.pearson),
        spearman_no_singletons: num(ns?.spearman),
        kendall_no_singletons: num(ns?.kendall),
      };
    });
    if (block.every((r) => Number.isNaN(r.pearson) && Number.isNaN(r.pearson_no_singletons))) continue;
    const meanRow: TableRow = { target: "mean", scorer };
    for (const col of CORRELATION_COLUMNS)
      if (col !== "target" && col !== "scorer") meanRow[col] = mean(block.map((r) => r[col] as number));
    out.push(...block, meanRow);
  }
  return out;
}

/**
 * The correlation table as a danfo DataFrame (see `correlationRows`).
 *
 * @example
 * correlationTable(results).print();
 */
export function correlationTable(results: RunResults, options: CorrelationTableOptions = {}): DataFrame {
  return toDataFrame(correlationRows(results, options), CORRELATION_COLUMNS);
}
