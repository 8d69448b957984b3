import { InvalidArgumentError } from "../util/errors";

/**
 * A loss and its gradient with respect to the logits, computed in plain JS (the logits of a batch are
 * small: units × batch). Logits and gradient are column-major — element (unit u, sample i) at u·n + i —
 * the layout the trainer's feature-major forward pass produces. Writes the gradient of the MEAN loss
 * over the batch into `grad` (length units·n) and returns that mean loss.
 */
export type LossGrad = (logits: Float32Array, n: number, grad: Float32Array) => number;

/**
 * Cross-entropy of each sample's softmax restricted to its own task's units — the gradient of
 * `maskedCrossEntropy` (units outside a sample's task get exactly zero gradient, as the −1e9 mask gives).
 * `unitsPerTask[t]` lists task t's output units; `tasks[i]` and `labels[i]` (a unit index) describe sample i.
 *
 * @example
 * const loss = maskedSoftmaxGrad([Int32Array.of(0, 1, 2)], Int32Array.of(0, 0), Int32Array.of(2, 0));
 * loss(logits, 2, grad);   // logits: 3 units × 2 samples, column-major
 */
export function maskedSoftmaxGrad(
  unitsPerTask: readonly Int32Array[],
  tasks: Int32Array,
  labels: Int32Array,
): LossGrad {
  return (z, n, grad) => {
    if (tasks.length < n || labels.length < n)
      throw new InvalidArgumentError("batch size", n, `≤ ${Math.min(tasks.length, labels.length)} (labels given)`);
    grad.fill(0);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const us = unitsPerTask[tasks[i]];
      let mx = -Infinity;
      for (let k = 0; k < us.length; k++) mx = Math.max(mx, z[us[k] * n + i]);
      let s = 0;
      for (let k = 0; k < us.length; k++) s += Math.exp(z[us[k] * n + i] - mx);
      const logS = Math.log(s);
      total += logS + mx - z[labels[i] * n + i];
      // softmax − one-hot in float64 before rounding, so a one-unit task gets exactly 0
      for (let k = 0; k < us.length; k++) {
        const j = us[k] * n + i;
        grad[j] = (Math.exp(z[j] - mx - logS) - (us[k] === labels[i] ? 1 : 0)) / n;
      }
    }
    return total / n;
  };
}

/**
 * Sigmoid cross-entropy against multi-hot targets (row-major [n, units], as stored), averaged over every
 * element like `tf.losses.sigmoidCrossEntropy`: gradient (σ(z) − t) / (n · units).
 *
 * @example
 * const loss = sigmoidGrad(targets, 1024);   // targets of this batch, n × 1024
 */
export function sigmoidGrad(targets: Float32Array, units: number): LossGrad {
  return (z, n, grad) => {
    if (targets.length < n * units)
      throw new InvalidArgumentError("targets.length", targets.length, `≥ ${n} × ${units}`);
    const scale = 1 / (n * units);
    let total = 0;
    for (let u = 0; u < units; u++) {
      for (let i = 0; i < n; i++) {
        const j = u * n + i,
          x = z[j],
          t = targets[i * units + u];
        // max(x, 0) − x·t + log(1 + e^−|x|): stable for large |x|
        total += Math.max(x, 0) - x * t + Math.log1p(Math.exp(-Math.abs(x)));
        grad[j] = (1 / (1 + Math.exp(-x)) - t) * scale;
      }
    }
    return total * scale;
  };
}
