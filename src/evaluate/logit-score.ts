import type * as tf from "@tensorflow/tfjs";

/**
 * Summed cross-entropy (nats) and the number of correct argmax predictions of `logits` [m, C] against
 * labels `y` (class indices). The logits of a batch are small, so this reads them once and scores them
 * in plain JS (float64 log-sum-exp) instead of ~10 tensor ops. Leaves `logits` to the caller.
 * Ties in the argmax go to the lowest class, as tf.argMax does.
 *
 * @example
 * const { lossSum, correct } = scoreLogits(logits, split.y.subarray(0, m));
 */
export function scoreLogits(logits: tf.Tensor2D, y: Int32Array): { lossSum: number; correct: number } {
  const [m, c] = logits.shape;
  const z = logits.dataSync() as Float32Array;
  let lossSum = 0,
    correct = 0;
  for (let i = 0; i < m; i++) {
    let best = 0,
      mx = z[i * c];
    for (let k = 1; k < c; k++)
      if (z[i * c + k] > mx) {
        mx = z[i * c + k];
        best = k;
      }
    let s = 0;
    for (let k = 0; k < c; k++) s += Math.exp(z[i * c + k] - mx);
    lossSum += Math.log(s) + mx - z[i * c + y[i]];
    if (best === y[i]) correct++;
  }
  return { lossSum, correct };
}
