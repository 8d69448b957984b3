/**
 * Statistics for figure titles and widgets: the selection layer's exact correlation metrics (pairs with a
 * non-finite value are dropped; NaN when fewer than 2 pairs remain or a side is constant), plus a finite mean.
 */
export { pearson, spearman, kendall, ranks } from "../select/metrics/index";

/**
 * Mean of the finite values (NaN when there are none).
 *
 * @example
 * mean([1, NaN, 3]); // → 2
 */
export function mean(x: readonly number[]): number {
  let s = 0, n = 0;
  for (const v of x) if (Number.isFinite(v)) { s += v; n++; }
  return n === 0 ? NaN : s / n;
}
