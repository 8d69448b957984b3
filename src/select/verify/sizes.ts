import { popcount } from "../../merge/subsets";
import { rankedMasks } from "./ranked-masks";

/**
 * The `sizes` shortlist: the best mixture of each size (1, 2, …, N), then the second best of each size,
 * and so on — so the first K verify K different mixture sizes when K ≤ N. Merged models of large
 * mixtures and single fine-tunes are misjudged in different directions, so one pick per size hedges that.
 *
 * @example
 * sizesOrder([NaN, 0.9, 0.1, 0.5, 0.2, 0.3, 0.8, 0.4]).slice(0, 3);   // [1, 6, 7]
 */
export function sizesOrder(scores: ArrayLike<number>): number[] {
  const bySize: number[][] = [];
  for (const m of rankedMasks(scores)) (bySize[popcount(m)] ??= []).push(m);
  const lists = bySize.filter((l) => l !== undefined);
  const out: number[] = [];
  for (let i = 0; out.length < lists.reduce((k, l) => k + l.length, 0); i++) for (const l of lists) if (i < l.length) out.push(l[i]);
  return out;
}
