import { silentProgress } from "../../util/progress";
import { BudgetedObjective, type Objective, type SearchOptions, type SearchResult } from "./objective";

/** Options of {@link greedyBackward}. */
export interface GreedyBackwardOptions extends SearchOptions {
  /** Keep removing down to one dataset even when a step does not improve (default false). */
  full?: boolean;
}

/**
 * Greedy backward elimination: start from all datasets, repeatedly drop the dataset whose removal
 * gives the best mixture; stop when no removal improves (or walk down to one dataset with `full`), or
 * when the budget is spent. At most N(N+1)/2 evaluations.
 *
 * @example
 * const r = await greedyBackward((mask) => mergedScore(mask), 10);
 */
export async function greedyBackward(
  score: Objective,
  n: number,
  options: GreedyBackwardOptions = {},
): Promise<SearchResult> {
  const progress = options.progress ?? silentProgress;
  const ev = new BudgetedObjective(score, n, progress, options.budget);
  progress.start("greedy backward", Math.min((n * (n + 1)) / 2, ev.budget));
  return ev.run(async () => {
    let current = 2 ** n - 1;
    let currentScore = await ev.score(current);
    ev.step();
    while ((current & (current - 1)) !== 0) {
      let next = -1,
        nextScore = -Infinity;
      for (let i = 0; i < n; i++) {
        if (!(current & (1 << i))) continue;
        const m = current & ~(1 << i);
        const s = await ev.score(m);
        if (next < 0 || s > nextScore) {
          next = m;
          nextScore = s;
        }
      }
      if (!options.full && !(nextScore > currentScore)) break;
      current = next;
      currentScore = nextScore;
      ev.step();
    }
  });
}
