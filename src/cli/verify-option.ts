import { InvalidArgumentError } from "../util/errors";
import { SHORTLIST_STRATEGIES, shortlistStrategy, type ShortlistStrategy } from "../select/verify/strategy";
import { stringOption, type ParsedArgs } from "./args";

/** The options of verifying a shortlist by real fine-tunes (`select`; `run` reads `--verify` as the K it pairs at). */
export const VERIFY_OPTIONS = ["verify", "verify-strategy"] as const;

/** Usage text of {@link VERIFY_OPTIONS}. */
export const VERIFY_USAGE = `[--verify K [--verify-strategy ${SHORTLIST_STRATEGIES.join("|")}]]`;

/**
 * Read `--verify K` (a whole number ≥ 1; K ≤ the mixtures scored is checked once they are known) and
 * `--verify-strategy` (only with `--verify`).
 *
 * @example
 * verifyOptions(parseArgs(["--verify", "3"]));   // { verify: 3 }
 */
export function verifyOptions(a: ParsedArgs): { verify?: number; verifyStrategy?: ShortlistStrategy } {
  const v = stringOption(a, "verify"),
    s = stringOption(a, "verify-strategy");
  if (v === undefined) {
    if (s !== undefined)
      throw new InvalidArgumentError(
        "--verify-strategy",
        s,
        "--verify K with it (the strategy picks which K mixtures to verify)",
      );
    return {};
  }
  const k = Number(v.trim());
  if (v.trim() === "" || !Number.isInteger(k) || k < 1)
    throw new InvalidArgumentError("--verify", v, "a whole number of mixtures to verify by real fine-tunes, ≥ 1");
  return { verify: k, ...(s !== undefined ? { verifyStrategy: shortlistStrategy(s.trim()) } : {}) };
}
