import { MAX_ANCHOR_SHARE } from "../model/anchor";
import { FINETUNE_MODES, type FineTuneMode } from "../model/finetune-mode";
import { InvalidArgumentError } from "../util/errors";
import { listOption, stringOption, type ParsedArgs } from "./args";

/** The fine-tuning regime options of `run` and `select`. */
export const REGIME_OPTIONS = ["finetune", "anchor-share"] as const;

/** Usage text of {@link REGIME_OPTIONS}. */
export const REGIME_USAGE = `[--finetune standard|tangent] [--anchor-share s]`;

/** Usage text of calibrate's regime axes. */
export const REGIME_AXES_USAGE = `[--finetunes standard,tangent] [--anchor-shares 0,0.5]`;

/** One fine-tuning mode, refused by value otherwise. */
function mode(text: string, flag: string): FineTuneMode {
  const t = text.trim();
  if (!(FINETUNE_MODES as readonly string[]).includes(t))
    throw new InvalidArgumentError(flag, text, `a fine-tuning mode: ${FINETUNE_MODES.join(" or ")}`);
  return t as FineTuneMode;
}

/** One anchor share in [0, 0.9], refused by value otherwise (a number, not "abc"; not 1; not −0.1). */
function share(text: string, flag: string): number {
  const v = Number(text);
  if (text.trim() === "" || !Number.isFinite(v) || v < 0 || v > MAX_ANCHOR_SHARE)
    throw new InvalidArgumentError(
      flag,
      text,
      `a fraction in [0, ${MAX_ANCHOR_SHARE}] of every fine-tune batch drawn from θ0's pretraining data (0 = none)`,
    );
  return v;
}

/**
 * Read `--finetune standard|tangent` and `--anchor-share s` (absent: undefined, the defaults tangent and 0).
 *
 * @example
 * regimeOptions(parseArgs(["--finetune", "tangent", "--anchor-share", "0.5"]));   // { finetune: "tangent", anchorShare: 0.5 }
 * @throws InvalidArgumentError naming the flag and the value.
 */
export function regimeOptions(a: ParsedArgs): { finetune?: FineTuneMode; anchorShare?: number } {
  const f = stringOption(a, "finetune"),
    s = stringOption(a, "anchor-share");
  return {
    ...(f === undefined ? {} : { finetune: mode(f, "--finetune") }),
    ...(s === undefined ? {} : { anchorShare: share(s, "--anchor-share") }),
  };
}

/**
 * Read calibrate's regime axes `--finetunes standard,tangent` and `--anchor-shares 0,0.5` (absent: undefined).
 *
 * @example
 * regimeAxes(parseArgs(["--finetunes", "standard,tangent"]));   // { finetunes: ["standard", "tangent"] }
 * @throws InvalidArgumentError naming the flag and the value.
 */
export function regimeAxes(a: ParsedArgs): { finetunes?: FineTuneMode[]; anchorShares?: number[] } {
  const f = listOption(a, "finetunes"),
    text = stringOption(a, "anchor-shares");
  return {
    ...(f === undefined ? {} : { finetunes: f.map((t) => mode(t, "--finetunes")) }),
    ...(text === undefined ? {} : { anchorShares: text.split(",").map((t) => share(t, "--anchor-shares")) }),
  };
}
