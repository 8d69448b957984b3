import { InvalidArgumentError, TooLargeError, UnknownNameError } from "../../util/errors";
import { beamSearch } from "./beam";
import { evolutionarySearch } from "./evolutionary";
import { exhaustiveSearch } from "./exhaustive";
import { greedyForward } from "./greedy-forward";
import { checkBudget, checkCandidates, type Objective, type SearchResult } from "./objective";
import { surrogateSearch } from "./surrogate";
import type { Progress } from "../../util/progress";

/** The search strategies a run or a selection can use, by name. */
export type SearchName = "exhaustive" | "greedy" | "beam" | "evolutionary" | "surrogate";
export const SEARCH_NAMES: readonly SearchName[] = ["exhaustive", "greedy", "beam", "evolutionary", "surrogate"];

/** Up to this many candidates exhaustive search is the default. */
export const EXHAUSTIVE_DEFAULT_MAX = 16;
/** Above this many candidates exhaustive search is refused (2^24 − 1 ≈ 16.8 M merge-evaluations). */
export const EXHAUSTIVE_MAX = 24;
/** The strategy used by default above {@link EXHAUSTIVE_DEFAULT_MAX} candidates. */
export const DEFAULT_LARGE_SEARCH: SearchName = "greedy";

/** A search strategy and its budget in merge-evaluations (null: the strategy's own stopping rule). */
export interface SearchChoice {
  readonly strategy: SearchName;
  readonly budget: number | null;
}

const others = (): string => SEARCH_NAMES.filter((s) => s !== "exhaustive").join("|");

/**
 * Validate a requested search (strategy name and budget, either may be absent) for N candidates and fill
 * the defaults: exhaustive up to N = 16, greedy above; exhaustive is refused above N = 24, and a budget
 * below 2^N − 1 needs a strategy other than exhaustive.
 *
 * @example
 * chooseSearch(7);                        // { strategy: "exhaustive", budget: null }
 * chooseSearch(20);                       // { strategy: "greedy", budget: null }
 * chooseSearch(14, "beam", 200);          // { strategy: "beam", budget: 200 }
 * @throws UnknownNameError for an unknown strategy; InvalidArgumentError for a budget < 1 or below an
 *   exhaustive search's size; TooLargeError for exhaustive search above 24 candidates.
 */
export function chooseSearch(n: number, strategy?: string, budget?: number): SearchChoice {
  checkCandidates(n);
  if (strategy !== undefined && !(SEARCH_NAMES as readonly string[]).includes(strategy))
    throw new UnknownNameError("search strategy", strategy, SEARCH_NAMES);
  checkBudget(budget);
  const total = 2 ** n - 1;
  const name =
    (strategy as SearchName | undefined) ?? (n <= EXHAUSTIVE_DEFAULT_MAX ? "exhaustive" : DEFAULT_LARGE_SEARCH);
  if (name === "exhaustive") {
    if (n > EXHAUSTIVE_MAX) {
      throw new TooLargeError(
        `exhaustive search over ${n} candidates is 2^${n} − 1 = ${total.toLocaleString("en-US")} merge-evaluations (at most ${EXHAUSTIVE_MAX} candidates); ` +
          `use --search ${others()} with --budget K`,
      );
    }
    if (budget !== undefined && budget < total) {
      throw new InvalidArgumentError(
        "budget",
        budget,
        `at least ${total} (every mixture of ${n} candidates) for an exhaustive search, or a search strategy: --search ${others()}`,
      );
    }
  }
  return { strategy: name, budget: budget ?? null };
}

/**
 * Run a named strategy on an objective (higher is better) with its default options, a budget and a seed
 * (evolutionary and surrogate are seeded; the others are deterministic).
 *
 * @example
 * const r = await runSearch({ strategy: "beam", budget: 100 }, (mask) => score(mask), 14, { seed: 0 });
 */
export function runSearch(
  choice: SearchChoice,
  score: Objective,
  n: number,
  opts: { seed?: number; progress?: Progress } = {},
): Promise<SearchResult> {
  const o = { progress: opts.progress, budget: choice.budget ?? undefined };
  switch (choice.strategy) {
    case "exhaustive":
      return exhaustiveSearch(score, n, o);
    case "greedy":
      return greedyForward(score, n, o);
    case "beam":
      return beamSearch(score, n, o);
    case "evolutionary":
      return evolutionarySearch(score, n, { ...o, seed: opts.seed ?? 0 });
    case "surrogate":
      return surrogateSearch(score, n, { ...o, seed: opts.seed ?? 0 });
    default:
      throw new UnknownNameError("search strategy", String(choice.strategy), SEARCH_NAMES);
  }
}
