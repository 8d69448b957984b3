import { ParamLayout } from "../params/layout";
import type { ParamVector } from "../params/param-vector";
import { InvalidArgumentError } from "../util/errors";
import { pretrainUnits, type PretrainData } from "./pretrain-loss";

/** The largest anchor share: at 0.9 nine of every ten rows of a batch are θ0's pretraining data. */
export const MAX_ANCHOR_SHARE = 0.9;

/**
 * Anchored fine-tuning: a fixed `share` of every fine-tune batch drawn from θ0's pretraining data, scored by
 * the pretraining loss on the pretraining output layer (`head`, frozen: {@link anchorHeadLayout}) on top of
 * the encoder being fine-tuned. Keeps fine-tunes near θ0's function (DeMix, arXiv 2602.00747).
 */
export interface Anchor {
  /** Fraction of every batch's rows that are anchor rows, in (0, {@link MAX_ANCHOR_SHARE}]. */
  readonly share: number;
  /** θ0's pretraining data (the rows anchors are drawn from). */
  readonly data: PretrainData;
  /** The pretraining output layer, frozen: "pretrain/kernel" [last hidden width, units], "pretrain/bias" [units]. */
  readonly head: ParamVector;
}

/**
 * The layout of a pretraining output layer on `width` features with `units` outputs.
 *
 * @example
 * anchorHeadLayout(256, 295).size;   // 256 × 295 + 295
 */
export function anchorHeadLayout(width: number, units: number): ParamLayout {
  return ParamLayout.fromShapes([
    ["pretrain/kernel", [width, units]],
    ["pretrain/bias", [units]],
  ]);
}

/**
 * Check an anchor share: a finite number in [0, {@link MAX_ANCHOR_SHARE}] (0 = no anchors), else an
 * InvalidArgumentError naming the value.
 *
 * @example
 * checkAnchorShare(0.5);   // 0.5
 * checkAnchorShare(1);     // InvalidArgumentError: anchor share = 1, expected a fraction in [0, 0.9] …
 */
export function checkAnchorShare(share: unknown, what = "anchor share"): number {
  if (typeof share !== "number" || !Number.isFinite(share) || share < 0 || share > MAX_ANCHOR_SHARE)
    throw new InvalidArgumentError(
      what,
      share,
      `a fraction in [0, ${MAX_ANCHOR_SHARE}] of every fine-tune batch drawn from θ0's pretraining data (0 = none)`,
    );
  return share;
}

/**
 * Anchor rows added to a batch of `n` fine-tuning rows so that they make `share` of it: round(n·s/(1−s)).
 * The fine-tuning rows (and so the steps and epochs) stay what they are without anchors.
 *
 * @example
 * anchorRows(32, 0.5);   // 32
 * anchorRows(32, 0.2);   // 8
 */
export function anchorRows(n: number, share: number): number {
  return share > 0 ? Math.round((n * share) / (1 - share)) : 0;
}

/**
 * Check an anchor against a network whose last hidden layer has `width` units and inputs `inputSize`.
 *
 * @example
 * validateAnchor(anchor, 784, 256);
 */
export function validateAnchor(a: Anchor, inputSize: number, width: number): void {
  checkAnchorShare(a.share);
  const units = pretrainUnits(a.data);
  anchorHeadLayout(width, units).assertSame(a.head.layout, "anchor head and pretraining data layouts");
  if (a.data.x.length === 0 || a.data.x.length % inputSize !== 0)
    throw new InvalidArgumentError(
      "anchor.data.x.length",
      a.data.x.length,
      `a positive multiple of the network's inputSize ${inputSize}`,
    );
}
