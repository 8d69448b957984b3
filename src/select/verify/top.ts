import { rankedMasks } from "./ranked-masks";

/**
 * The `top` shortlist: the surrogate's ranking itself, so the first K are its K best mixtures.
 *
 * @example
 * topOrder([NaN, 0.2, 0.9, 0.5]).slice(0, 2);   // [2, 3]
 */
export function topOrder(scores: ArrayLike<number>): number[] {
  return rankedMasks(scores);
}
