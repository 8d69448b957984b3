import type { LossGrad } from "./loss-grad";
import { maskedSoftmaxGrad, sigmoidGrad } from "./loss-grad";
import { gatherRows } from "./training";

/** Pretraining data: labelled (softmax) or multi-hot targets (sigmoid multi-label, e.g. masked bag-of-words). */
export type PretrainData =
  | { readonly x: Float32Array; readonly y: Int32Array; readonly numClasses: number }
  | { readonly x: Float32Array; readonly targets: Float32Array; readonly dim: number };

/**
 * The pretraining output units of `data`: one per class (softmax), or one per target dimension (sigmoid).
 *
 * @example
 * pretrainUnits({ x, y, numClasses: 295 });   // 295
 */
export function pretrainUnits(data: PretrainData): number {
  return "targets" in data ? data.dim : data.numClasses;
}

/** Rows of x in `data` (x.length / inputSize). */
export function pretrainRows(data: PretrainData, inputSize: number): number {
  return data.x.length / inputSize;
}

const allUnitsCache = new Map<number, Int32Array>();

/**
 * The pretraining loss of rows `idx` of `data` on the pretraining units, as the trainer consumes it: softmax
 * cross-entropy over every class (labels are the pretraining classes), or sigmoid cross-entropy against the
 * multi-hot targets. Pretraining ({@link pretrainEncoder}) and anchored fine-tuning (a share of every batch
 * drawn from θ0's pretraining data) both score their pretraining rows with it.
 *
 * @example
 * trainer.step(xb, idx.length, pretrainLoss(data, idx));
 */
export function pretrainLoss(data: PretrainData, idx: ArrayLike<number>): LossGrad {
  if ("targets" in data) {
    const t = new Float32Array(idx.length * data.dim);
    gatherRows(data.targets, data.dim, idx, t);
    return sigmoidGrad(t, data.dim);
  }
  let all = allUnitsCache.get(data.numClasses);
  if (!all) {
    all = Int32Array.from({ length: data.numClasses }, (_, i) => i);
    allUnitsCache.set(data.numClasses, all);
  }
  return maskedSoftmaxGrad(
    [all],
    new Int32Array(idx.length),
    Int32Array.from(idx, (i) => data.y[i]),
  );
}
