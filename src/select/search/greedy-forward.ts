import { silentProgress } from "../../util/progress";
import { BudgetedObjective, type Objective, type SearchOptions, type SearchResult } from "./objective";

/** Options of {@link greedyForward}. */
export interface GreedyForwardOptions extends SearchOptions {
  /** Keep adding until the full set even when a step does not improve (default false: stop at the first non-improving step). */
  full?: boolean;
}

/**
 * Greedy forward selection: start from the best single dataset, then repeatedly add the dataset that
 * gives the best mixture; stop when no addition improves (or walk to the full set with `full`), or when
 * the budget is spent. At most N(N+1)/2 evaluations.
 *
 * @example
 * const r = await greedyForward((mask) => mergedScore(mask), 10);
 * r.mask; r.evaluations;
 */
export async function greedyForward(
  score: Objective,
  n: number,
  options: GreedyForwardOptions = {},
): Promise<SearchResult> {
  const progress = options.progress ?? silentProgress;
  const ev = new BudgetedObjective(score, n, progress, options.budget);
  progress.start("greedy forward", Math.min((n * (n + 1)) / 2, ev.budget));
  return ev.run(async () => {
    let current = 0,
      currentScore = -Infinity;
    while (current !== 2 ** n - 1) {
      let next = -1,
        nextScore = -Infinity;
      for (let i = 0; i < n; i++) {
        if (current & (1 << i)) continue;
        const m = current | (1 << i);
        const s = await ev.score(m);
        if (next < 0 || s > nextScore) {
          next = m;
          nextScore = s;
        }
      }
      if (current !== 0 && !options.full && !(nextScore > currentScore)) break;
      current = next;
      currentScore = nextScore;
      ev.step();
    }
  });
}
