import { formatInterval } from "../../results/text/claims-text";
import { formatNumber } from "../../results/text/numbers";
import { InvalidArgumentError } from "../../util/errors";
import type { TableRow } from "./dataframe";

/**
 * How one column is shown. Rows keep honest numbers (accuracies as fractions, mean ranks unrounded); a
 * format scales and rounds them only at display, the way the terminal prints them.
 */
export interface ColumnFormat {
  /** Multiply before printing (100: a fraction shown as a percentage or as points). Default 1. */
  readonly scale?: number;
  /** Decimals (default 3). */
  readonly digits?: number;
  /** "+" before values ≥ 0 (paired differences). */
  readonly sign?: boolean;
  /** Text right after the number ("x" for a speed-up). */
  readonly unit?: string;
  /** Show the row's 95% interval too, read from COLUMN_lo and COLUMN_hi: `48.4 [41.4, 55.3]`. */
  readonly interval?: boolean;
  /** Thousands separators (counts). */
  readonly group?: boolean;
}

/** An accuracy stored as a fraction, shown in percent with 1 decimal (0.547 → 54.7). */
export const PERCENT: ColumnFormat = { scale: 100, digits: 1 };
/** A difference of accuracies (fractions), shown in percentage points with 1 decimal. */
export const POINTS: ColumnFormat = { scale: 100, digits: 1 };
/** A mean rank among mixtures (1 = best) or a percentile rank, 1 decimal. */
export const RANK: ColumnFormat = { digits: 1 };
/** A correlation coefficient, 2 decimals. */
export const CORRELATION: ColumnFormat = { digits: 2 };
/** A cross-entropy, 3 decimals. */
export const LOSS: ColumnFormat = { digits: 3 };
/** A normalised regret ((oracle − pick) / (oracle − random)), 2 decimals. */
export const RATIO: ColumnFormat = { digits: 2 };
/** Seconds, 1 decimal. */
export const SECONDS: ColumnFormat = { digits: 1, group: true };
/** A count (a mean over seeds is rounded), with thousands separators. */
export const COUNT: ColumnFormat = { digits: 0, group: true };
/** A speed-up factor: 7.1x. */
export const SPEEDUP: ColumnFormat = { digits: 1, unit: "x" };

/** The same format with its row's 95% interval. */
export const withInterval = (f: ColumnFormat): ColumnFormat => ({ ...f, interval: true });

/**
 * One cell as text. Without a format: integers as is (thousands separators), other numbers with 3
 * decimals; a number given as `digits` keeps that older form. NaN and missing values are an en dash.
 * With `interval`, the row's COLUMN_lo / COLUMN_hi are shown as ` [lo, hi]` (the wording of the terminal's
 * claim lines; `[–]` when the interval could not be bootstrapped).
 *
 * @example
 * formatCell(0.5473, PERCENT);                                       // "54.7"
 * formatCell(0.484, withInterval(PERCENT), { acc: 0.484, acc_lo: 0.414, acc_hi: 0.553 }, "acc");   // "48.4 [41.4, 55.3]"
 * formatCell(63.5, RANK);                                            // "63.5"
 */
export function formatCell(value: unknown, format: number | ColumnFormat = 3, row?: TableRow, column?: string): string {
  if (typeof format === "number") {
    if (typeof value === "number") {
      if (!Number.isFinite(value)) return "–";
      return Number.isInteger(value) ? value.toLocaleString("en-US") : value.toFixed(format);
    }
    return value == null ? "–" : String(value);
  }
  if (typeof value !== "number") return value == null ? "–" : String(value);
  if (format.interval) {
    if (!Number.isFinite(value)) return "–";
    if (!row || column === undefined)
      throw new InvalidArgumentError(
        "row",
        row,
        `the row holding ${column ?? "the column"}_lo and _hi for an interval format`,
      );
    const num = (v: unknown) => (typeof v === "number" ? v : NaN);
    return formatInterval(
      { estimate: value, lo: num(row[`${column}_lo`]), hi: num(row[`${column}_hi`]), targets: 0, cells: 0 },
      { scale: format.scale, digits: format.digits ?? 3, sign: format.sign, unit: format.unit },
    );
  }
  return formatNumber(value, { ...format, digits: format.digits ?? 3 });
}
