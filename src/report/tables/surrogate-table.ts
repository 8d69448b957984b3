import type { Claims } from "../../results/claims";
import { COUNT, CORRELATION, ColumnFormat, PERCENT, RATIO, SECONDS, withInterval } from "./column-format";
import type { TableRow } from "./dataframe";
import { intervalCells } from "./interval-cells";
import type { TableDisplay } from "./table-display";

/** Columns of the surrogate comparison. */
export const SURROGATE_COLUMNS = [
  "surrogate",
  "r",
  "normalised_regret",
  "test_acc",
  "lambda",
  "extra_finetunes",
  "extra_seconds",
] as const;

export const SURROGATE_LABELS: Record<string, string> = {
  surrogate: "surrogate",
  r: "r vs mixture (val loss, no singletons)",
  normalised_regret: "normalised regret",
  test_acc: "test accuracy (%)",
  lambda: "lower-median λ",
  extra_finetunes: "extra mixture fine-tunes",
  extra_seconds: "extra seconds",
};

export const SURROGATE_FORMATS: Record<string, ColumnFormat> = {
  r: withInterval(CORRELATION),
  normalised_regret: withInterval(RATIO),
  test_acc: withInterval(PERCENT),
  lambda: { digits: 2 },
  extra_finetunes: COUNT,
  extra_seconds: SECONDS,
};

export const SURROGATE_DISPLAY: TableDisplay = {
  columns: SURROGATE_COLUMNS,
  labels: SURROGATE_LABELS,
  formats: SURROGATE_FORMATS,
};

/**
 * Every compared surrogate over the same single fine-tunes (the uniform mean is Merge to Mix's own): its
 * claim-1 r, its picks' normalised regret and test accuracy (each with its 95% interval) and, for the
 * calibrated one, the lower-median λ (one λ some target chose) and the mixture fine-tunes that calibration cost per target and seed.
 *
 * @example
 * showTable(surrogateRows(claimsOf(results)!), SURROGATE_DISPLAY);
 */
export function surrogateRows(claims: Claims): TableRow[] {
  return claims.surrogates.map((s) => ({
    surrogate: s.name,
    ...intervalCells("r", s.r),
    ...intervalCells("normalised_regret", s.normalisedRegret),
    ...intervalCells("test_acc", s.testAcc),
    lambda: s.lambda ?? NaN,
    extra_finetunes: s.extraFinetunes,
    extra_seconds: s.extraSeconds,
  }));
}
