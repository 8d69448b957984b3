import { InvalidArgumentError } from "../util/errors";
import { stringOption, type ParsedArgs } from "./args";

/**
 * A positive finite number option (e.g. `--lr 3e-4`), undefined when absent; anything else — 0, negative,
 * NaN, Infinity, not a number — is an InvalidArgumentError naming the flag and the value, before anything runs.
 *
 * @example
 * positiveOption(parseArgs(["--lr", "3e-4"]), "lr");   // 0.0003
 */
export function positiveOption(a: ParsedArgs, name: string): number | undefined {
  const text = stringOption(a, name);
  if (text === undefined) return undefined;
  const v = Number(text);
  if (text.trim() === "" || !Number.isFinite(v) || !(v > 0))
    throw new InvalidArgumentError(`--${name}`, text, "a positive finite number");
  return v;
}

/**
 * A comma list of positive finite numbers (e.g. `--lrs 1e-4,1e-3`), undefined when absent.
 *
 * @example
 * positiveListOption(parseArgs(["--lrs", "1e-4,1e-3"]), "lrs");   // [0.0001, 0.001]
 */
export function positiveListOption(a: ParsedArgs, name: string): number[] | undefined {
  const text = stringOption(a, name);
  if (text === undefined) return undefined;
  return text.split(",").map((t) => {
    const v = Number(t);
    if (t.trim() === "" || !Number.isFinite(v) || !(v > 0))
      throw new InvalidArgumentError(`--${name}`, t, "positive finite numbers, comma-separated");
    return v;
  });
}
