import { popcount } from "../../merge/subsets";
import { rankedMasks } from "./ranked-masks";

/**
 * The `sizes` shortlist: the best mixture of each size (1, 2, …, N) in the surrogate's order, then the
 * second best of each size, and so on — so the first is the surrogate's own pick (K = 1 is Merge to Mix
 * unverified) and the first K verify K different sizes when K ≤ N. Merged models of large mixtures and
 * single fine-tunes are misjudged in different directions, so one pick per size hedges that.
 *
 * @example
 * sizesOrder([NaN, 0.9, 0.1, 0.5, 0.2, 0.3, 0.8, 0.4]).slice(0, 3);   // [1, 6, 7]
 */
export function sizesOrder(scores: ArrayLike<number>): number[] {
  const bySize: number[][] = [];
  for (const m of rankedMasks(scores)) (bySize[popcount(m)] ??= []).push(m);
  const lists = bySize.filter((l) => l !== undefined),
    out: number[] = [];
  const longest = Math.max(0, ...lists.map((l) => l.length));
  for (let i = 0; i < longest; i++) {
    const round = lists.filter((l) => i < l.length).map((l) => l[i]);
    out.push(...round.sort((a, b) => scores[b] - scores[a] || a - b));
  }
  return out;
}
