import { UnknownNameError } from "../util/errors";

/**
 * How θ0 is fine-tuned: "standard" trains the network itself; "tangent" trains its linearization around θ0,
 * f(x; θ0) + J(x; θ0)·(θ − θ0) ({@link linearizedForward}), in which a merge of task vectors adds the models'
 * functions exactly (to float rounding).
 */
export type FineTuneMode = "standard" | "tangent";
export const FINETUNE_MODES: readonly FineTuneMode[] = ["standard", "tangent"];

/**
 * The default mode: the cell calibrate's fixed rule picked on the protocol grids of vision8 and text8 (truth
 * repeats across seeds, best mixture beats θ0, mixtures matter above noise; then the highest claim-1 r, averaged
 * over the two suites) — docs/protocol.md "The regimes on the protocol grid".
 */
export const DEFAULT_FINETUNE: FineTuneMode = "tangent";

/**
 * Check a fine-tuning mode, throwing UnknownNameError naming the value and the modes.
 *
 * @example
 * assertFineTuneMode("tangent");   // ok
 * assertFineTuneMode("other");     // UnknownNameError: fine-tuning mode "other", expected standard or tangent
 */
export function assertFineTuneMode(mode: unknown, what = "fine-tuning mode"): asserts mode is FineTuneMode {
  if (!(FINETUNE_MODES as readonly unknown[]).includes(mode))
    throw new UnknownNameError(what, String(mode), FINETUNE_MODES);
}
