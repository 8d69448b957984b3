import { InvalidArgumentError, UnknownNameError } from "../../util/errors";
import { adaptiveOrder } from "./adaptive";
import { portfolioOrder } from "./portfolio";
import { sizesOrder } from "./sizes";
import { topOrder } from "./top";

/** How the mixtures to verify by real fine-tunes are shortlisted from the surrogate's scores. */
export type ShortlistStrategy = "top" | "sizes" | "portfolio" | "adaptive";
export const SHORTLIST_STRATEGIES: readonly ShortlistStrategy[] = ["top", "sizes", "portfolio", "adaptive"];

/**
 * The default shortlist, chosen on VALIDATION truth only: the frontier judged by the seed-averaged
 * validation accuracy of the mixture fine-tunes (`verifyFrontier(r, { judge: "val" })`, printed by
 * `npx tsx scripts/verify-evidence.ts RUN_DIR`), never by test. Merge to Mix's normalised regret at K = 2, 3, 4:
 *   synthetic (2 seeds × 5 targets):    top 0.60 0.22 0.23 · sizes 0.22 0.15 0.15 · portfolio 0.80 0.80 0.60 · adaptive 0.60 0.60 0.61
 *   vision8 quick (1 seed × 8 targets): top 0.65 0.49 0.49 · sizes 0.65 0.53 0.50 · portfolio 0.73 0.73 0.53 · adaptive 0.65 0.52 0.52
 * `sizes` has the lowest mean over the two suites at each of K = 2, 3, 4 (0.44, 0.34, 0.33 against top's
 * 0.63, 0.36, 0.36); `top` is a little ahead on vision8 quick at K = 3–4, `portfolio` and `adaptive` trail.
 * Every vision8 interval overlaps (one seed): weak evidence, to revisit with the full 3-seed runs'
 * validation truth. K = 1 is the same for every strategy (the merged model's own pick).
 */
export const DEFAULT_SHORTLIST: ShortlistStrategy = "sizes";

/**
 * A shortlist strategy by name, or an UnknownNameError naming it and the valid ones.
 *
 * @example
 * shortlistStrategy("sizes");   // "sizes"
 */
export function shortlistStrategy(name: string): ShortlistStrategy {
  if (!(SHORTLIST_STRATEGIES as readonly string[]).includes(name))
    throw new UnknownNameError("shortlist strategy", name, SHORTLIST_STRATEGIES);
  return name as ShortlistStrategy;
}

/**
 * Check K, the mixtures to verify by real fine-tunes: a whole number from 1 to the mixtures scored
 * (`scored` = Infinity before they are known).
 *
 * @example
 * checkVerifyCount(3, 127);   // ok
 * checkVerifyCount(0, 127);   // InvalidArgumentError: verify = 0, expected …
 */
export function checkVerifyCount(k: unknown, scored: number, name = "verify"): number {
  if (typeof k !== "number" || !Number.isInteger(k) || k < 1 || k > scored) {
    const range = Number.isFinite(scored) ? `1 … ${scored} (the mixtures scored)` : "≥ 1";
    throw new InvalidArgumentError(name, k, `a whole number of mixtures to verify by real fine-tunes, ${range}`);
  }
  return k;
}

/** What a shortlist is made from: scores indexed by mask (higher is better, NaN = not scored). */
export interface ShortlistInput {
  /** The surrogate's scores (the merged model's, by default). */
  readonly scores: ArrayLike<number>;
  /** `portfolio`: the other scorers that take turns after it (e.g. cosine, negated L2). */
  readonly others?: ReadonlyArray<ArrayLike<number>>;
  /** `adaptive` offline: every mixture's real score (online, step with adaptiveNext instead). */
  readonly real?: ArrayLike<number>;
}

/**
 * The order in which a strategy verifies mixtures: the shortlist of size K is its first K (each strategy's
 * order does not depend on K; `adaptive` may end before K — it stops).
 *
 * @example
 * shortlistOrder("top", { scores: merged }).slice(0, 3);
 */
export function shortlistOrder(strategy: ShortlistStrategy, input: ShortlistInput): number[] {
  switch (strategy) {
    case "top":
      return topOrder(input.scores);
    case "sizes":
      return sizesOrder(input.scores);
    case "portfolio":
      return portfolioOrder([input.scores, ...(input.others ?? [])]);
    case "adaptive":
      if (!input.real)
        throw new InvalidArgumentError(
          "real",
          input.real,
          "every mixture's real score (adaptive offline), or step with adaptiveNext",
        );
      return adaptiveOrder(input.scores, input.real);
    default:
      throw new UnknownNameError("shortlist strategy", String(strategy), SHORTLIST_STRATEGIES);
  }
}
