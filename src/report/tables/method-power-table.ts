import type { Claims } from "../../results/claims";
import { ColumnFormat, PERCENT, POINTS, RANK, RATIO, withInterval } from "./column-format";
import type { TableRow } from "./dataframe";
import { METHOD_TITLES, intervalCells } from "./interval-cells";
import type { TableDisplay } from "./table-display";

/** Columns of the per-method claims table (each number with its 95% interval). */
export const METHOD_POWER_COLUMNS = ["method", "test_acc", "regret", "normalised_regret", "percentile"] as const;

export const METHOD_POWER_LABELS: Record<string, string> = {
  method: "method",
  test_acc: "test accuracy (%)",
  regret: "regret (points)",
  normalised_regret: "normalised regret",
  percentile: "percentile rank (100 = best)",
};

/** Percent and points with 1 decimal, normalised regret with 2, percentile rank with 1; each "x [lo, hi]". */
export const METHOD_POWER_FORMATS: Record<string, ColumnFormat> = {
  test_acc: withInterval(PERCENT),
  regret: withInterval(POINTS),
  normalised_regret: withInterval(RATIO),
  percentile: withInterval(RANK),
};

export const METHOD_POWER_DISPLAY: TableDisplay = {
  columns: METHOD_POWER_COLUMNS,
  labels: METHOD_POWER_LABELS,
  formats: METHOD_POWER_FORMATS,
};

/**
 * Claims 2–3 as rows: each method's selections judged on the seed-averaged truth — test accuracy, regret
 * (oracle − pick), normalised regret ((oracle − pick) / (oracle − random)) and percentile rank — each with
 * its 95% bootstrap interval in COLUMN_lo / COLUMN_hi (fractions; the display shows percent and points).
 * The oracle has only its test accuracy (its regret is 0 by definition), as in the terminal's lines.
 *
 * @example
 * showTable(methodPowerRows(claimsOf(results)!), METHOD_POWER_DISPLAY);
 */
export function methodPowerRows(claims: Claims): TableRow[] {
  return claims.methods.map((m) => {
    const oracle = m.method === "oracle";
    return {
      method: METHOD_TITLES[m.method] ?? m.method,
      ...intervalCells("test_acc", m.testAcc),
      ...intervalCells("regret", oracle ? undefined : m.regret),
      ...intervalCells("normalised_regret", oracle ? undefined : m.normalisedRegret),
      ...intervalCells("percentile", oracle ? undefined : m.percentile),
    };
  });
}
