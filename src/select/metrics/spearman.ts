import { checkPaired, finitePairs } from "./check";
import { pearson } from "./pearson";
import { ranks } from "./ranks";

/**
 * Spearman's rank correlation ρ: Pearson's r of the average ranks (ties share their mean rank), so it is
 * exact with ties. Pairs with a non-finite value are dropped first. NaN when fewer than 2 pairs or when
 * either side is constant.
 *
 * @example
 * spearman([1, 2, 3, 4], [10, 20, 30, 1000]); // 1 (monotone)
 * spearman([1, 2, 3], [3, 2, 1]);             // -1
 */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  checkPaired(x, y);
  const keep = finitePairs(x, y);
  return pearson(ranks(keep.map((i) => x[i])), ranks(keep.map((i) => y[i])));
}
