import * as aq from "arquero";
import type { DataFrame } from "danfojs-node";
import { MethodName, RunResults } from "../../results/results";
import { mean } from "../../select/metrics/finite-stats";
import { COUNT, ColumnFormat, PERCENT, POINTS, RANK } from "./column-format";
import { TableRow, toDataFrame } from "./dataframe";
import type { TableDisplay } from "./table-display";

/** Method → column of the main table, in the paper's order. */
export const METHOD_COLUMNS: ReadonlyArray<[MethodName, string]> = [
  ["merge-to-mix", "merge_to_mix"],
  ["cosine", "cosine"],
  ["l2", "l2"],
  ["random", "random"],
  ["all", "all"],
  ["best-single", "best_single"],
  ["oracle", "oracle"],
];

/** Columns of the main selection table. */
export const SELECTION_COLUMNS = [
  "target",
  "theta0",
  ...METHOD_COLUMNS.map(([, c]) => c),
  "m2m_regret",
  "m2m_rank",
  "n_mixtures",
] as const;

/** Display labels for the selection table's columns. */
export const SELECTION_LABELS: Record<string, string> = {
  target: "target",
  theta0: "θ0",
  merge_to_mix: "Merge to Mix",
  cosine: "cosine",
  l2: "L2",
  random: "random (expected)",
  all: "all",
  best_single: "best single",
  oracle: "oracle",
  m2m_regret: "M2M regret (points)",
  m2m_rank: "M2M rank",
  n_mixtures: "mixtures",
};

/** Accuracies in percent and regret in points (1 decimal), the mean rank with 1 decimal: as the terminal prints them. */
export const SELECTION_FORMATS: Record<string, ColumnFormat> = {
  theta0: PERCENT,
  ...Object.fromEntries(METHOD_COLUMNS.map(([, c]) => [c, PERCENT])),
  m2m_regret: POINTS,
  m2m_rank: RANK,
  n_mixtures: COUNT,
};

/** The selection table's display: test accuracy (%) per method, regret (points), rank. */
export const SELECTION_DISPLAY: TableDisplay = {
  columns: SELECTION_COLUMNS,
  labels: SELECTION_LABELS,
  formats: SELECTION_FORMATS,
};

/**
 * The paper's main table as rows: per target, the test accuracy of the mixture each method selected
 * (θ0 = the base model), Merge to Mix's regret against the oracle and its rank among all mixtures,
 * all means over seeds, plus a final `target: "mean"` row (mean over targets). Missing values are NaN.
 * Accuracies and regrets are fractions here; `SELECTION_DISPLAY` shows them in percent / points.
 *
 * @example
 * const rows = selectionRows(results);
 * rows[rows.length - 1].merge_to_mix; // mean selected-mixture accuracy of Merge to Mix
 */
export function selectionRows(results: RunResults): TableRow[] {
  const op = aq.op;
  const bySel = new Map<string, { test_acc: number; regret: number; rank: number }>();
  if (results.selections.length > 0) {
    const sel = aq
      .from(
        results.selections.map((s) => ({
          target: s.target,
          method: s.method,
          test_acc: s.test_acc,
          regret: s.regret,
          rank: s.rank,
        })),
      )
      .groupby("target", "method")
      .rollup({ test_acc: op.mean("test_acc"), regret: op.mean("regret"), rank: op.mean("rank") })
      .objects() as { target: string; method: string; test_acc: number; regret: number; rank: number }[];
    for (const r of sel) bySel.set(`${r.target}\u0000${r.method}`, r);
  }
  const base = new Map<string, number>();
  if (results.base.length > 0) {
    const b = aq
      .from(results.base.map((r) => ({ target: r.target, test_acc: r.test_acc })))
      .groupby("target")
      .rollup({ test_acc: op.mean("test_acc") })
      .objects() as { target: string; test_acc: number }[];
    for (const r of b) base.set(r.target, r.test_acc);
  }
  const num = (v: number | undefined) => (typeof v === "number" && Number.isFinite(v) ? v : NaN);
  const rows: TableRow[] = results.targets.map((target) => {
    const row: TableRow = { target, theta0: num(base.get(target)) };
    for (const [method, col] of METHOD_COLUMNS) row[col] = num(bySel.get(`${target}\u0000${method}`)?.test_acc);
    const m2m = bySel.get(`${target}\u0000merge-to-mix`);
    row.m2m_regret = num(m2m?.regret);
    row.m2m_rank = num(m2m?.rank);
    row.n_mixtures = (1 << (results.candidates[target]?.length ?? 0)) - 1;
    return row;
  });
  const meanRow: TableRow = { target: "mean" };
  for (const col of SELECTION_COLUMNS) if (col !== "target") meanRow[col] = mean(rows.map((r) => r[col] as number));
  return [...rows, meanRow];
}

/**
 * The paper's main selection table as a danfo DataFrame (see `selectionRows`).
 *
 * @example
 * selectionTable(results).print();
 */
export function selectionTable(results: RunResults): DataFrame {
  return toDataFrame(selectionRows(results), SELECTION_COLUMNS);
}
