import * as tf from "@tensorflow/tfjs";
import type { SplitName, Task } from "../data/types";
import type { ParamVector } from "../params/param-vector";
import { InvalidArgumentError } from "../util/errors";
import { Network, setNetworkParams } from "../model/network";
import { assertHeadRule, featureSize, networkLayout, taskUnits, type HeadRule, type NetSpec } from "../model/spec";
import { linearizedEncoder, linearizedHead } from "../model/linearized";
import { scoreLogits } from "./logit-score";
import { NcmHead, type NcmOptions } from "./ncm-head";

/** Accuracy and mean cross-entropy of one model on one split. */
export interface EvalResult {
  readonly accuracy: number;
  /** Mean cross-entropy (nats) of the softmax within the task's classes. */
  readonly loss: number;
  readonly n: number;
}

/** Evaluator options. */
export interface EvaluatorOptions {
  /** Rows per forward pass (default 1024). */
  readonly batchSize?: number;
  /** The "refit" head's metric and temperature. */
  readonly ncm?: NcmOptions;
  /**
   * Tangent mode: evaluate a loaded θ as the LINEARIZED model around this θ0, f(x; θ0) + J(x; θ0)·(θ − θ0)
   * ({@link linearizedForward}), the model tangent fine-tunes train. Own-unit logits are the linearized
   * logits; the "refit" head's features (and `embed`) are the linearized encoder output, primal + tangent of
   * the last hidden layer. θ0's tensors stay resident until `dispose()`.
   */
  readonly linearizeAround?: ParamVector;
}

/**
 * One resident network that scores many parameter vectors: `load` writes into the existing
 * variables, `evaluate` runs batched forward passes inside tf.tidy. Under "shared"/"frozen" a task's
 * logits are the outputs at its own units (softmax within its classes); under "refit" they come from a
 * nearest-class-mean head fitted on the task's `headfit` split with the loaded encoder (cached until
 * the next `load`). With `linearizeAround: θ0` every score is the linearized model's (tangent fine-tuning).
 *
 * @example
 * const ev = new Evaluator(spec, "refit");
 * ev.load(merged);
 * const { accuracy, loss } = ev.evaluate(target, "val");
 * ev.dispose();
 */
export class Evaluator {
  private readonly net: Network;
  private loaded = false;
  // keyed by the Task object, not its name: two tasks may share a name (e.g. other seeds' splits)
  private readonly heads = new Map<Task, NcmHead>();
  private readonly batchSize: number;
  /** Tangent mode: θ0's kernels [in, out] and biases, resident (layer order, the output layer last). */
  private readonly theta0: { W: tf.Tensor2D[]; b: tf.Tensor1D[] } | null;

  constructor(
    readonly netSpec: NetSpec,
    readonly headRule: HeadRule,
    readonly options: EvaluatorOptions = {},
  ) {
    assertHeadRule(headRule);
    this.batchSize = options.batchSize ?? 1024;
    if (!Number.isInteger(this.batchSize) || this.batchSize <= 0)
      throw new InvalidArgumentError("options.batchSize", options.batchSize, "a positive integer");
    const around = options.linearizeAround;
    if (around !== undefined) networkLayout(netSpec).assertSame(around.layout, "evaluator and linearizeAround layouts");
    this.net = new Network(netSpec, 0);
    this.theta0 = around
      ? {
          W: this.net.layout.entries
            .filter((e) => e.name.endsWith("/kernel"))
            .map((e) => tf.tensor2d(around.view(e.name).slice(), e.shape as [number, number])),
          b: this.net.layout.entries
            .filter((e) => e.name.endsWith("/bias"))
            .map((e) => tf.tensor1d(around.view(e.name).slice())),
        }
      : null;
  }

  /** True in tangent mode (`linearizeAround` given). */
  get linearized(): boolean {
    return this.theta0 !== null;
  }

  /** Encoder features [n, f] of the loaded model (linearized in tangent mode: a + t). Call inside tf.tidy. */
  private features(x: tf.Tensor2D): tf.Tensor2D {
    if (!this.theta0) return this.net.features(x);
    const { a, t } = this.encoder(x);
    return t ? (tf.add(a, t) as tf.Tensor2D) : a;
  }

  /** Logits [n, units] of the loaded model (the linearized logits in tangent mode). Call inside tf.tidy. */
  private allLogits(x: tf.Tensor2D): tf.Tensor2D {
    if (!this.theta0) return this.net.logits(x);
    const { a, t } = this.encoder(x);
    const L = this.theta0.W.length,
      v = this.net.variables;
    return linearizedHead(a, t, this.theta0.W[L - 1], v[2 * (L - 1)] as tf.Tensor2D, v[2 * (L - 1) + 1]);
  }

  /** The linearized encoder's primal and tangent of the last hidden layer (tangent mode). Call inside tf.tidy. */
  private encoder(x: tf.Tensor2D): { a: tf.Tensor2D; t: tf.Tensor2D | null } {
    const th = this.theta0!,
      L = th.W.length,
      v = this.net.variables;
    const W = v.filter((_, i) => i % 2 === 0).slice(0, L - 1) as tf.Tensor2D[];
    const b = v.filter((_, i) => i % 2 === 1).slice(0, L - 1) as tf.Tensor1D[];
    return linearizedEncoder(th.W.slice(0, L - 1), th.b.slice(0, L - 1), W, b, x);
  }

  /** Copy `params` into the resident network (LayoutMismatchError when the layout differs). */
  load(params: ParamVector): this {
    setNetworkParams(this.net, params);
    this.loaded = true;
    this.clearHeads();
    return this;
  }

  /** Accuracy, mean loss and size of `task`'s split under the loaded parameters. */
  evaluate(task: Task, split: SplitName = "val"): EvalResult {
    this.assertLoaded();
    const s = task.splits[split];
    if (!s) throw new InvalidArgumentError("split", split, `one of ${Object.keys(task.splits).join(", ")}`);
    if (task.inputSize !== this.netSpec.inputSize)
      throw new InvalidArgumentError(
        `inputSize of task ${task.name}`,
        task.inputSize,
        `${this.netSpec.inputSize} (the network's)`,
      );
    if (s.n === 0) return { accuracy: NaN, loss: NaN, n: 0 };
    const head = this.headRule === "refit" ? this.ncmHead(task) : undefined;
    const units = head ? undefined : taskUnits(task, this.netSpec, this.headRule);
    let lossSum = 0,
      correct = 0;
    const d = this.netSpec.inputSize;
    for (let b = 0; b < s.n; b += this.batchSize) {
      const m = Math.min(this.batchSize, s.n - b);
      const logits = tf.tidy(() => {
        const x = tf.tensor2d(s.x.subarray(b * d, (b + m) * d), [m, d]);
        return head
          ? head.logits(this.features(x))
          : (tf.gather(this.allLogits(x), tf.tensor1d(units!, "int32"), 1) as tf.Tensor2D);
      });
      const r = scoreLogits(logits, s.y.subarray(b, b + m));
      logits.dispose();
      lossSum += r.lossSum;
      correct += r.correct;
    }
    return { accuracy: correct / s.n, loss: lossSum / s.n, n: s.n };
  }

  /**
   * The logits `evaluate` scores `task`'s split with (the same head rule: own units, or the refit head), as
   * n × C floats row-major (C = the task's classes). Their softmax is the model's predicted class probabilities.
   *
   * @example
   * const z = ev.load(model).logits(target, "val");   // z[i * C + c]
   */
  logits(task: Task, split: SplitName = "val"): Float32Array {
    this.assertLoaded();
    const s = task.splits[split];
    if (!s) throw new InvalidArgumentError("split", split, `one of ${Object.keys(task.splits).join(", ")}`);
    const c = task.classes.length,
      d = this.netSpec.inputSize;
    const out = new Float32Array(s.n * c);
    if (s.n === 0) return out;
    const head = this.headRule === "refit" ? this.ncmHead(task) : undefined;
    const units = head ? undefined : taskUnits(task, this.netSpec, this.headRule);
    for (let b = 0; b < s.n; b += this.batchSize) {
      const m = Math.min(this.batchSize, s.n - b);
      const t = tf.tidy(() => {
        const x = tf.tensor2d(s.x.subarray(b * d, (b + m) * d), [m, d]);
        return head
          ? head.logits(this.features(x))
          : (tf.gather(this.allLogits(x), tf.tensor1d(units!, "int32"), 1) as tf.Tensor2D);
      });
      out.set(t.dataSync() as Float32Array, b * c);
      t.dispose();
    }
    return out;
  }

  /** Penultimate (encoder) features of n row-major inputs, as n × featureSize floats (linearized in tangent mode). */
  embed(x: Float32Array, n: number): Float32Array {
    this.assertLoaded();
    const d = this.netSpec.inputSize,
      f = featureSize(this.netSpec);
    if (!Number.isInteger(n) || n < 0 || x.length !== n * d)
      throw new InvalidArgumentError("x.length", x.length, `n × inputSize = ${n} × ${d}`);
    const out = new Float32Array(n * f);
    for (let b = 0; b < n; b += this.batchSize) {
      const m = Math.min(this.batchSize, n - b);
      const t = tf.tidy(() => this.features(tf.tensor2d(x.subarray(b * d, (b + m) * d), [m, d])));
      out.set(t.dataSync() as Float32Array, b * f);
      t.dispose();
    }
    return out;
  }

  /** The "refit" head of the loaded model on `task`, the one `evaluate` scores with, as arrays ({@link NcmHead.arrays}). */
  headArrays(task: Task): { means: Float32Array; bias: Float32Array } {
    this.assertLoaded();
    return this.ncmHead(task).arrays();
  }

  /** Free the resident network, θ0's tensors (tangent mode) and cached heads. The evaluator cannot be used afterwards. */
  dispose(): void {
    this.clearHeads();
    if (this.theta0 && !this.net.isDisposed) tf.dispose([...this.theta0.W, ...this.theta0.b]);
    this.net.dispose();
  }

  private ncmHead(task: Task): NcmHead {
    let head = this.heads.get(task);
    if (head) return head;
    const hf = task.splits.headfit;
    if (!hf || hf.n === 0)
      throw new InvalidArgumentError(
        `${task.name}.splits.headfit.n`,
        hf ? hf.n : 0,
        'labelled examples (head rule "refit" fits the target head on them)',
      );
    const feats = tf.tensor2d(this.embed(hf.x, hf.n), [hf.n, featureSize(this.netSpec)]);
    try {
      head = NcmHead.fit(feats, hf.y, task.classes.length, this.options.ncm);
    } finally {
      feats.dispose();
    }
    this.heads.set(task, head);
    return head;
  }

  private clearHeads(): void {
    for (const h of this.heads.values()) h.dispose();
    this.heads.clear();
  }

  private assertLoaded(): void {
    if (this.net.isDisposed)
      throw new InvalidArgumentError("evaluator", "disposed", "a live Evaluator (dispose() was called)");
    if (!this.loaded)
      throw new InvalidArgumentError("evaluator", "no parameters", "load(params) before evaluate/embed");
  }
}
