import { weightsText } from "../../results/text/weighted-text";
import { mixtureName } from "../../data/mixture-name";
import { membersOf } from "../../merge/subsets";
import { mean } from "../../select/metrics/finite-stats";
import { ColumnFormat, LOSS, PERCENT, POINTS } from "./column-format";
import type { TableRow } from "./dataframe";
import type { TableDisplay } from "./table-display";
import type { WeightedRow } from "../../results/weighted-row";

/** Columns of the weighted-mixture table (one row per target, means over seeds). */
export const WEIGHTED_COLUMNS = [
  "target",
  "weights",
  "binary_pick",
  "merged_loss",
  "binary_merged_loss",
  "weighted_test",
  "uniform_test",
  "proportional_test",
  "binary_test",
  "weighted_minus_binary",
] as const;

export const WEIGHTED_LABELS: Record<string, string> = {
  target: "target",
  weights: "optimised proportions",
  binary_pick: "binary pick",
  merged_loss: "merged val loss (weighted)",
  binary_merged_loss: "merged val loss (binary)",
  weighted_test: "test % optimised",
  uniform_test: "test % uniform over pick",
  proportional_test: "test % size-proportional",
  binary_test: "test % binary pick",
  weighted_minus_binary: "optimised − binary (points)",
};

export const WEIGHTED_FORMATS: Record<string, ColumnFormat> = {
  merged_loss: LOSS,
  binary_merged_loss: LOSS,
  weighted_test: PERCENT,
  uniform_test: PERCENT,
  proportional_test: PERCENT,
  binary_test: PERCENT,
  weighted_minus_binary: { ...POINTS, sign: true },
};

export const WEIGHTED_DISPLAY: TableDisplay = {
  columns: WEIGHTED_COLUMNS,
  labels: WEIGHTED_LABELS,
  formats: WEIGHTED_FORMATS,
};

/**
 * Weighted mixtures per target, means over seeds: the optimised proportions, the binary pick they started
 * from, both merged validation losses and — with a ground truth — the test accuracy (fractions) of θ0
 * fine-tuned with the optimised proportions, uniform and size-proportional sampling over the binary pick,
 * the binary pick's own fine-tune, and optimised − binary. Then a `target: "mean"` row.
 *
 * @example
 * showTable(weightedRows(results.weighted ?? []), WEIGHTED_DISPLAY);
 */
export function weightedRows(weighted: readonly WeightedRow[]): TableRow[] {
  const targets = [...new Set(weighted.map((w) => w.target))];
  const truth = (rs: readonly WeightedRow[], f: (t: NonNullable<WeightedRow["truth"]>) => number | undefined) =>
    mean(rs.map((r) => (r.truth ? (f(r.truth) ?? NaN) : NaN)));
  const rows: TableRow[] = targets.map((target) => {
    const rs = weighted.filter((w) => w.target === target);
    const picks = [...new Set(rs.map((r) => mixtureName(membersOf(r.binary_mask, r.candidates), " + ")))];
    const wt = truth(rs, (t) => t.weighted.test_acc),
      bt = truth(rs, (t) => t.binary?.test_acc);
    return {
      target,
      weights: weightsText(rs),
      binary_pick: picks.join(" / "),
      merged_loss: mean(rs.map((r) => r.merged_loss)),
      binary_merged_loss: mean(rs.map((r) => r.binary_merged_loss)),
      weighted_test: wt,
      uniform_test: truth(rs, (t) => t.uniform.test_acc),
      proportional_test: truth(rs, (t) => t.proportional.test_acc),
      binary_test: bt,
      weighted_minus_binary: wt - bt,
    };
  });
  if (rows.length > 1) {
    const m: TableRow = { target: "mean", weights: "", binary_pick: "" };
    for (const c of WEIGHTED_COLUMNS.slice(3)) m[c] = mean(rows.map((r) => r[c] as number));
    rows.push(m);
  }
  return rows;
}
