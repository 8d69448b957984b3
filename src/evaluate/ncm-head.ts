import * as tf from "@tensorflow/tfjs";
import { InvalidArgumentError } from "../util/errors";
import { oneHot } from "../model/training";

/**
 * How a nearest-class-mean head turns distances to class means into logits.
 *
 * Default measured (wasm, MNIST: encoder 784-256-256 pretrained on digits 5–9, target digits 0–4 with
 * 20 headfit examples per class, 800 val images; θ0, two fine-tunes and their merge): cosine beat
 * squared-Euclidean in accuracy on every model (0.805/0.926/0.881/0.915 vs 0.781/0.850/0.811/0.859),
 * and its temperature is scale-free (merging shrinks feature norms). Val cross-entropy by τ for θ0 / ft:
 * 0.02 → 0.62/0.21, 0.03 → 0.55/0.21, 0.05 → 0.60/0.29, 0.1 → 0.87/0.58. Hence cosine, τ = 0.03.
 */
export interface NcmOptions {
  /** "cosine": cos(f, μ_c)/τ (scale-free, the default); "sqeuclidean": −‖f − μ_c‖²/τ. */
  readonly metric?: "cosine" | "sqeuclidean";
  /** Temperature τ > 0 (default 0.03). Only the loss depends on it, not the accuracy. */
  readonly temperature?: number;
}

export const DEFAULT_NCM: Required<NcmOptions> = Object.freeze({ metric: "cosine", temperature: 0.03 });

/** Logit of a class with no headfit example: it never wins. */
const EMPTY_CLASS_LOGIT = -1e9;

/**
 * A nearest-class-mean head: class means of (optionally normalised) features. Holds the means transposed
 * (`meansT` [f, C], so scoring is a plain matmul whose right operand never changes: on wasm it is packed
 * once per head, not once per batch) and an empty-class bias; `dispose()` frees them.
 *
 * @example
 * const head = NcmHead.fit(features, labels, 10);   // features [n, f] tensor, labels Int32Array
 * const logits = tf.tidy(() => head.logits(testFeatures));
 * head.dispose();
 */
export class NcmHead {
  private constructor(
    readonly meansT: tf.Tensor2D,
    private readonly bias: tf.Tensor1D,
    readonly options: Required<NcmOptions>,
  ) {}

  static fit(features: tf.Tensor2D, labels: Int32Array, numClasses: number, options: NcmOptions = {}): NcmHead {
    const o = { ...DEFAULT_NCM, ...options };
    if (o.metric !== "cosine" && o.metric !== "sqeuclidean")
      throw new InvalidArgumentError("ncm.metric", o.metric, '"cosine" or "sqeuclidean"');
    if (!(o.temperature > 0)) throw new InvalidArgumentError("ncm.temperature", o.temperature, "a positive number");
    if (labels.length !== features.shape[0])
      throw new InvalidArgumentError("labels.length", labels.length, `${features.shape[0]} (rows of features)`);
    const counts = new Float32Array(numClasses);
    for (const y of labels) {
      if (!(y >= 0 && y < numClasses)) throw new InvalidArgumentError("label", y, `a class in [0, ${numClasses})`);
      counts[y]++;
    }
    const bias = new Float32Array(numClasses).map((_, c) => (counts[c] > 0 ? 0 : EMPTY_CLASS_LOGIT));
    const means = tf.tidy(() => {
      const f = o.metric === "cosine" ? normalizeRows(features) : features;
      const sums = tf.matMul(tf.transpose(oneHot(tf.tensor1d(labels, "int32"), numClasses)), f); // [C, f]
      const m = tf.div(sums, tf.reshape(tf.tensor1d(counts.map((c) => Math.max(c, 1))), [numClasses, 1]));
      return tf.transpose(o.metric === "cosine" ? normalizeRows(m as tf.Tensor2D) : m) as tf.Tensor2D;
    });
    return new NcmHead(means, tf.tensor1d(bias), o);
  }

  /** The head as plain arrays: class means [C, f] row-major, and the bias [C] (0, or a never-winning logit for a class without examples). */
  arrays(): { means: Float32Array; bias: Float32Array } {
    const t = tf.transpose(this.meansT);
    const means = t.dataSync() as Float32Array;
    t.dispose();
    return { means, bias: this.bias.dataSync() as Float32Array };
  }

  /** Logits [n, C] of features [n, f]. Call inside tf.tidy. */
  logits(features: tf.Tensor2D): tf.Tensor2D {
    const { metric, temperature } = this.options;
    let s: tf.Tensor2D;
    if (metric === "cosine") {
      s = tf.matMul(normalizeRows(features), this.meansT);
    } else {
      // −‖f−μ‖² = 2 f·μ − ‖f‖² − ‖μ‖²
      const fm = tf.mul(2, tf.matMul(features, this.meansT));
      const ff = tf.sum(tf.square(features), 1, true);
      const mm = tf.sum(tf.square(this.meansT), 0, true);
      s = tf.sub(tf.sub(fm, ff), mm) as tf.Tensor2D;
    }
    return tf.add(tf.mul(s, 1 / temperature), this.bias) as tf.Tensor2D;
  }

  dispose(): void {
    this.meansT.dispose();
    this.bias.dispose();
  }
}

// ‖x‖ via square + sum + sqrt, and a multiply by the [n, 1] reciprocal: tf.norm goes through Pow and a
// broadcast RealDiv, both scalar kernels on wasm (together ~1.3 ms of a 6 ms evaluation here)
function normalizeRows(x: tf.Tensor2D): tf.Tensor2D {
  return tf.mul(x, tf.reciprocal(tf.add(tf.sqrt(tf.sum(tf.square(x), 1, true)), 1e-12))) as tf.Tensor2D;
}
