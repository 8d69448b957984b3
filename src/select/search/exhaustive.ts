import { silentProgress } from "../../util/progress";
import { BudgetedObjective, type Objective, type SearchOptions, type SearchResult } from "./objective";

/**
 * Every non-empty mixture, in mask order (2^N − 1 evaluations): the optimum, ties → lowest mask. For
 * merged models the experiment layer walks the same set in Gray-code order instead (one model added or
 * removed per step); this form serves any objective.
 *
 * @example
 * const r = await exhaustiveSearch((mask) => mergedScore(mask), 8);   // r.evaluations === 255
 */
export async function exhaustiveSearch(
  score: Objective,
  n: number,
  options: SearchOptions = {},
): Promise<SearchResult> {
  const progress = options.progress ?? silentProgress;
  const ev = new BudgetedObjective(score, n, progress, options.budget);
  progress.start("exhaustive", Math.min(2 ** n - 1, ev.budget));
  return ev.run(async () => {
    for (let m = 1; m < 2 ** n; m++) await ev.score(m);
  });
}
