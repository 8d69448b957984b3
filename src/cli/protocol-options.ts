import { InvalidArgumentError } from "../util/errors";
import { intOption, listOption, stringOption, type ParsedArgs } from "./args";
import type { TrainBudget } from "../model/recipe";
import { TRAIN_BUDGETS } from "../model/recipe";

/** The options `run`, `select` and `calibrate` share for budgets and surrogates. */
export const PROTOCOL_OPTIONS = ["budget", "search-budget", "train-budget", "surrogate", "surrogates"] as const;

/** Usage text of {@link PROTOCOL_OPTIONS}. */
export const PROTOCOL_USAGE = `[--budget K | --budget epochs|steps] [--search-budget K] [--train-budget epochs|steps]
                 [--surrogate mean|ta:λ|ties|dare|calibrated|matched[:x|:fit]|ensemble] [--surrogates a,b,…]`;

/**
 * Read the budget and surrogate options. `--budget` takes either a number — the most merge-evaluations a
 * search may spend per target (also `--search-budget K`) — or `epochs`/`steps`, the fine-tuning budget rule
 * (also `--train-budget`): epochs over the concatenated data (a mixture trains longer as it grows) or one
 * fixed step count for every fine-tune.
 *
 * @example
 * protocolOptions(parseArgs(["--budget", "steps", "--surrogate", "ta:0.5"]));   // { trainBudget: "steps", surrogate: "ta:0.5" }
 */
export function protocolOptions(a: ParsedArgs): {
  budget?: number;
  trainBudget?: TrainBudget;
  surrogate?: string;
  surrogates?: string[];
} {
  const out: { budget?: number; trainBudget?: TrainBudget; surrogate?: string; surrogates?: string[] } = {};
  const train = (v: string, flag: string) => {
    if (!(TRAIN_BUDGETS as readonly string[]).includes(v))
      throw new InvalidArgumentError(
        flag,
        v,
        `a fine-tuning budget rule (${TRAIN_BUDGETS.join(" or ")})${flag === "--budget" ? " or a number of merge-evaluations ≥ 1" : ""}`,
      );
    out.trainBudget = v as TrainBudget;
  };
  const b = stringOption(a, "budget");
  if (b !== undefined) {
    if (/^[0-9]+$/.test(b.trim())) out.budget = intOption(a, "budget", 0, 1);
    else train(b.trim(), "--budget");
  }
  if (a.options.has("search-budget")) {
    const k = intOption(a, "search-budget", 0, 1);
    if (out.budget !== undefined && out.budget !== k)
      throw new InvalidArgumentError(
        "--search-budget",
        k,
        `the same number as --budget ${out.budget} (give the search budget once)`,
      );
    out.budget = k;
  }
  const tb = stringOption(a, "train-budget");
  if (tb !== undefined) {
    // one rule, said once: --budget steps --train-budget epochs must not silently resolve to either
    if (out.trainBudget !== undefined && out.trainBudget !== tb.trim())
      throw new InvalidArgumentError(
        "--train-budget",
        tb,
        `the same rule as --budget ${out.trainBudget} (give the fine-tuning budget once)`,
      );
    train(tb.trim(), "--train-budget");
  }
  out.surrogate = stringOption(a, "surrogate");
  out.surrogates = listOption(a, "surrogates");
  return out;
}
