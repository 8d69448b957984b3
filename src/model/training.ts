import * as tf from "@tensorflow/tfjs";
import type { Rng } from "../util/rng";
import type { Progress } from "../util/progress";

/**
 * Shared pieces of every training loop here: minibatch epochs over a shuffled index,
 * and the cross-entropy of each sample within its own task's output units.
 */

/** Logit added to units outside a sample's task: exp(−1e9) is exactly 0 in float32. */
export const MASKED_LOGIT = -1e9;

/**
 * A [tasks, units] additive mask: 0 at each task's own units, MASKED_LOGIT elsewhere.
 *
 * @example
 * maskTable([Int32Array.of(0, 1), Int32Array.of(1, 2)], 3);   // [[0, 0, -1e9], [-1e9, 0, 0]]
 */
export function maskTable(unitsPerTask: readonly Int32Array[], numUnits: number): Float32Array {
  const m = new Float32Array(unitsPerTask.length * numUnits).fill(MASKED_LOGIT);
  unitsPerTask.forEach((units, t) =>
    units.forEach((u) => {
      m[t * numUnits + u] = 0;
    }),
  );
  return m;
}

/**
 * Mean cross-entropy of `logits` [n, U] with softmax restricted to each sample's task units.
 * `mask` is [n, U] (rows of a mask table), `labels` [n] unit indices. Call inside tf.tidy.
 *
 * @example
 * const loss = tf.tidy(() => maskedCrossEntropy(net.logits(x), tf.gather(table, taskIds), labels));
 */
export function maskedCrossEntropy(logits: tf.Tensor2D, mask: tf.Tensor2D, labels: tf.Tensor1D): tf.Scalar {
  const logp = tf.logSoftmax(tf.add(logits, mask));
  const picked = tf.sum(tf.mul(oneHot(labels, logits.shape[1]), logp), 1);
  return tf.neg(tf.mean(picked)) as tf.Scalar;
}

/**
 * tf.oneHot, also for depth 1 (which tf.oneHot rejects). Call inside tf.tidy.
 *
 * @example
 * oneHot(tf.tensor1d([0, 0], "int32"), 1);   // [[1], [1]]
 */
export function oneHot(labels: tf.Tensor1D, depth: number): tf.Tensor2D {
  return (depth === 1 ? tf.ones([labels.shape[0], 1]) : tf.oneHot(labels, depth)) as tf.Tensor2D;
}

/**
 * Copy rows `idx` of a row-major matrix with `width` columns into `out` (length ≥ idx.length·width).
 *
 * @example
 * gatherRows(Float32Array.of(1, 2, 3, 4), 2, [1, 0], new Float32Array(4));   // [3, 4, 1, 2]
 */
export function gatherRows(x: Float32Array, width: number, idx: ArrayLike<number>, out: Float32Array): Float32Array {
  for (let i = 0; i < idx.length; i++) out.set(x.subarray(idx[i] * width, (idx[i] + 1) * width), i * width);
  return out;
}

/**
 * How many steps {@link runEpochs} takes over n samples: `epochs` passes of ⌈n / batchSize⌉ batches, capped at `maxSteps`.
 *
 * @example
 * plannedSteps(1000, { batchSize: 64, epochs: 2 });   // 32
 */
export function plannedSteps(n: number, o: { batchSize: number; epochs: number; maxSteps?: number }): number {
  return Math.min(Math.ceil(n / o.batchSize) * o.epochs, o.maxSteps ?? Infinity);
}

/**
 * Run `epochs` shuffled passes of minibatches over n samples (the last batch may be smaller),
 * stopping after `maxSteps` steps. `step` receives the batch's sample indices. Returns counts.
 *
 * @example
 * runEpochs(1000, { batchSize: 64, epochs: 2, rng: new Rng(0), progress: silentProgress, label: "train" }, (idx) => { … });
 */
export function runEpochs(
  n: number,
  o: { batchSize: number; epochs: number; maxSteps?: number; rng: Rng; progress: Progress; label: string },
  step: (idx: Int32Array) => void,
): { steps: number; samples: number } {
  const cap = o.maxSteps === undefined ? Infinity : o.maxSteps;
  o.progress.start(o.label, plannedSteps(n, o));
  const order = Array.from({ length: n }, (_, i) => i);
  let steps = 0,
    samples = 0;
  outer: for (let e = 0; e < o.epochs; e++) {
    o.rng.shuffle(order);
    for (let b = 0; b < n; b += o.batchSize) {
      if (steps >= cap) break outer;
      const idx = Int32Array.from(order.slice(b, Math.min(n, b + o.batchSize)));
      step(idx);
      steps++;
      samples += idx.length;
      o.progress.tick(1);
    }
  }
  o.progress.done();
  return { steps, samples };
}
