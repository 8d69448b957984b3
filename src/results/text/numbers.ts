/**
 * The number formats of the terminal, the report's tables and its figures, in one place. A value that is
 * missing or not finite prints as `missing` ("–" unless said otherwise).
 */

/** How one number is written. */
export interface NumberFormat {
  /** Multiply before printing (100: a fraction shown as a percentage or as points). Default 1. */
  readonly scale?: number;
  /** Decimals (default 2). */
  readonly digits?: number;
  /** "+" before values ≥ 0 (paired differences). */
  readonly sign?: boolean;
  /** Text right after the number ("x" for a speed-up, "%"). */
  readonly unit?: string;
  /** Thousands separators (counts, seconds). */
  readonly group?: boolean;
  /** What a missing or non-finite value prints as (default "–"). */
  readonly missing?: string;
}

/**
 * One number as text.
 *
 * @example
 * formatNumber(0.0123, { scale: 100, digits: 1, sign: true });   // "+1.2"
 * formatNumber(12345.6, { digits: 1, group: true });              // "12,345.6"
 * formatNumber(NaN, { missing: "n/a" });                          // "n/a"
 * formatNumber(-0.001);                                           // "0.00", never "-0.00"
 */
export function formatNumber(x: number | null | undefined, f: NumberFormat = {}): string {
  if (typeof x !== "number" || !Number.isFinite(x)) return f.missing ?? "–";
  const d = f.digits ?? 2;
  const v = x * (f.scale ?? 1);
  const shown = f.group
    ? v.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d })
    : v.toFixed(d);
  // a value that rounds to zero is zero: "-0.00" would claim a sign the digits cannot show
  const zero = !/[1-9]/.test(shown);
  const text = zero ? shown.replace(/^-/, "") : shown;
  return `${f.sign && (v >= 0 || zero) ? "+" : ""}${text}${f.unit ?? ""}`;
}

/**
 * A fraction as percent with one decimal.
 *
 * @example
 * pct(0.8134);   // "81.3"
 * pct(NaN);      // "–"
 */
export const pct = (x: number): string => formatNumber(x, { scale: 100, digits: 1 });

/**
 * A number with `digits` decimals.
 *
 * @example
 * fixed(0.41234, 3);   // "0.412"
 * fixed(null);         // "–"
 */
export const fixed = (x: number | null, digits = 2): string => formatNumber(x, { digits });
