import { InvalidArgumentError, UnknownNameError } from "../../util/errors";
import { adaptiveOrder } from "./adaptive";
import { portfolioOrder } from "./portfolio";
import { sizesOrder } from "./sizes";
import { topOrder } from "./top";

/** How the mixtures to verify by real fine-tunes are shortlisted from the surrogate's scores. */
export type ShortlistStrategy = "top" | "sizes" | "portfolio" | "adaptive";
export const SHORTLIST_STRATEGIES: readonly ShortlistStrategy[] = ["top", "sizes", "portfolio", "adaptive"];

/**
 * The default shortlist, chosen on VALIDATION truth only (the frontier judged by the seed-averaged
 * validation accuracy of the mixture fine-tunes, `verifyFrontier(r, { judge: "val" })`, never by test):
 * on the synthetic suite (2 seeds) and vision8 quick (1 seed) `top` had the lowest validation regret at
 * K = 2…4 of the four, or was within the others' intervals; `adaptive` saves fine-tunes but gives up
 * regret at the same K, and `sizes`/`portfolio` spend their second and third fine-tunes on mixtures the
 * merged ranking already put low. See docs/verify.md for the numbers.
 */
export const DEFAULT_SHORTLIST: ShortlistStrategy = "top";

/**
 * A shortlist strategy by name, or an UnknownNameError naming it and the valid ones.
 *
 * @example
 * shortlistStrategy("sizes");   // "sizes"
 */
export function shortlistStrategy(name: string): ShortlistStrategy {
  if (!(SHORTLIST_STRATEGIES as readonly string[]).includes(name)) throw new UnknownNameError("shortlist strategy", name, SHORTLIST_STRATEGIES);
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
    case "top": return topOrder(input.scores);
    case "sizes": return sizesOrder(input.scores);
    case "portfolio": return portfolioOrder([input.scores, ...(input.others ?? [])]);
    case "adaptive":
      if (!input.real) throw new InvalidArgumentError("real", input.real, "every mixture's real score (adaptive offline), or step with adaptiveNext");
      return adaptiveOrder(input.scores, input.real);
    default: throw new UnknownNameError("shortlist strategy", String(strategy), SHORTLIST_STRATEGIES);
  }
}
