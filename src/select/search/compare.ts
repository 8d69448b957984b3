import { TooLargeError } from "../../util/errors";
import { BudgetedObjective, type Objective, type SearchResult } from "./objective";

/** A search strategy with its options bound, e.g. `(s, n) => beamSearch(s, n, { width: 4 })`. */
export type Strategy = (score: Objective, n: number) => Promise<SearchResult>;

/** One strategy's outcome against the exhaustive optimum. */
export interface SearchComparisonRow {
  strategy: string;
  mask: number;
  score: number;
  /** Exhaustive optimum (ties → lowest mask). */
  optimumMask: number;
  optimum: number;
  /** optimum − score (≥ 0). */
  regret: number;
  /** 1-based rank of the found mixture among all 2^N − 1 (ties share the average rank). */
  rank: number;
  evaluations: number;
  /** evaluations / (2^N − 1). */
  fraction: number;
}

/**
 * Runs every strategy on the same objective and reports its regret versus the exhaustive optimum and
 * the evaluations it used. The exhaustive sweep evaluates all 2^N − 1 mixtures once (N ≤ 20) and the
 * strategies read from that table, so an expensive objective is only paid for once.
 *
 * @example
 * const rows = await compareSearch(score, 10, {
 *   "greedy forward": (s, n) => greedyForward(s, n),
 *   "beam 4": (s, n) => beamSearch(s, n, { width: 4 }),
 * });
 */
export async function compareSearch(
  score: Objective,
  n: number,
  strategies: Record<string, Strategy>,
): Promise<SearchComparisonRow[]> {
  if (n > 20)
    throw new TooLargeError(`compareSearch needs the exhaustive optimum: 2^${n} − 1 mixtures is too many (N ≤ 20)`);
  const ev = new BudgetedObjective(score, n);
  const total = 2 ** n - 1;
  const table = new Float64Array(total + 1);
  for (let m = 1; m <= total; m++) table[m] = await ev.score(m);
  const best = ev.result();
  const rows: SearchComparisonRow[] = [];
  for (const [name, run] of Object.entries(strategies)) {
    const r = await run((m) => table[m], n);
    let greater = 0,
      equal = 0;
    for (let m = 1; m <= total; m++) {
      if (table[m] > r.score) greater++;
      else if (table[m] === r.score) equal++;
    }
    rows.push({
      strategy: name,
      mask: r.mask,
      score: r.score,
      optimumMask: best.mask,
      optimum: best.score,
      regret: best.score - r.score,
      rank: greater + (equal + 1) / 2,
      evaluations: r.evaluations,
      fraction: r.evaluations / total,
    });
  }
  return rows;
}
