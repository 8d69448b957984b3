import { rankedMasks } from "./ranked-masks";

/**
 * The `portfolio` shortlist: the scorers take turns, each adding its best mixture not yet listed (the
 * first scorer's best first). Scorers that disagree spread the shortlist over their blind spots.
 *
 * @example
 * portfolioOrder([[NaN, 0.9, 0.5, 0.1], [NaN, 0.8, 0.1, 0.7]]);   // [1, 3, 2]
 */
export function portfolioOrder(scorers: ReadonlyArray<ArrayLike<number>>): number[] {
  const ranked = scorers.map(rankedMasks),
    next = ranked.map(() => 0);
  const seen = new Set<number>(),
    out: number[] = [];
  for (let added = true; added;) {
    added = false;
    ranked.forEach((r, s) => {
      while (next[s] < r.length && seen.has(r[next[s]])) next[s]++;
      if (next[s] < r.length) {
        seen.add(r[next[s]]);
        out.push(r[next[s]]);
        added = true;
      }
    });
  }
  return out;
}
