import * as tf from "@tensorflow/tfjs";
import { ParamVector } from "../params/param-vector";
import { InvalidArgumentError } from "../util/errors";
import type { LossGrad } from "./loss-grad";
import type { FineTuneRecipe } from "./recipe";
import { networkLayout, validateNetSpec, type NetSpec } from "./spec";
import { anchorHeadLayout } from "./anchor";
import { FlatOptimizer } from "./simd/flat-optimizer";

/** One dense layer's place in the trainer's flat vector: kernel stored transposed ([out, in]), then bias. */
interface LayerSlot {
  readonly fanIn: number;
  readonly fanOut: number;
  readonly w: number;
  readonly b: number;
}

/** Rows of θ0's pretraining data added to a step ({@link MlpTrainer.step}): row-major `x` [m, inputSize] and their loss on the anchor head. */
export interface AnchorBatch {
  readonly x: Float32Array;
  readonly m: number;
  readonly loss: LossGrad;
}

/** Per-step timings (ms) by phase, summed since the last `resetProfile()`; filled only when `profile` is on. */
export type StepProfile = Record<"upload" | "forward" | "loss" | "backward" | "download" | "optimizer", number>;

/**
 * The training engine for our MLPs (encoder ReLU layers + one linear output layer): explicit forward and
 * backward passes in feature-major layout, and one flat SIMD optimizer step. Why not `optimizer.minimize`:
 * - on wasm every dense backward pass of tfjs autograd takes the transposed-matmul slow path (~10x);
 * - a weight that changes every step is re-packed by XNNPACK whenever it is the right-hand matmul operand;
 *   feature-major activations ([features, batch]) make the weights the LEFT operand, which is never packed;
 * - tfjs's Adam is ~12 ops per variable; the flat kernel is one pass over all parameters.
 * Parameters live in the optimizer's memory; each step uploads them as fresh tensors, so nothing stays on
 * the tfjs side between steps (no variables, no leaks by construction). Deterministic for a given input
 * order on one backend. Floats differ from autograd's by summation order only.
 *
 * @example
 * const tr = new MlpTrainer(spec, theta0, { optimizer: "adam", learningRate: 1e-3 }, { trainHead: false });
 * tr.step(xBatch, n, maskedSoftmaxGrad(units, tasks, labels));   // xBatch row-major [n, inputSize]
 * const theta = tr.params();
 *
 * With `tangent: true` it trains the LINEARIZED model f(x; θ0) + J(x; θ0)·(θ − θ0) ({@link linearizedForward}):
 * the forward pass carries θ0's activations and their tangents (one extra matmul per layer), and the backward
 * pass is the same explicit one with θ0's weights and ReLU masks (the linearized model is linear in θ).
 *
 * With `anchorHead` (a frozen pretraining output layer, {@link anchorHeadLayout}) a step may carry anchor rows
 * ({@link AnchorBatch}): they go through the same encoder (linearized too in tangent mode) and are scored on
 * the anchor head; the batch's loss is the mean over all n + m rows, so the anchors' gradient weighs m/(n + m).
 */
export class MlpTrainer {
  readonly opt: FlatOptimizer;
  private readonly layers: LayerSlot[];
  /** Entries updated per step: everything, or (head frozen) the encoder's, padded to a multiple of 4. */
  private readonly trainable: number;
  private dz: Float32Array = new Float32Array(0);
  /** tangent mode: θ0 in the trainer's flat layout (the point the model is linearized around). */
  private readonly base: Float32Array | null;
  /** The frozen anchor head, feature-major: kernel [units, width] then bias [units]. */
  private readonly anchor: { w: Float32Array; b: Float32Array; units: number } | null;
  private dza: Float32Array = new Float32Array(0);
  profile: StepProfile | null = null;

  constructor(
    readonly spec: NetSpec,
    init: ParamVector,
    recipe: Pick<FineTuneRecipe, "optimizer" | "learningRate">,
    readonly options: { trainHead: boolean; tangent?: boolean; anchorHead?: ParamVector },
  ) {
    validateNetSpec(spec);
    networkLayout(spec).assertSame(init.layout, "trainer and initial parameter layouts");
    const widths = [spec.inputSize, ...spec.hidden, spec.units.length];
    const layers: LayerSlot[] = [];
    let at = 0;
    for (let l = 0; l + 1 < widths.length; l++) {
      if (l === widths.length - 2) at = Math.ceil(at / 4) * 4; // the head starts on a 4-float boundary
      layers.push({ fanIn: widths[l], fanOut: widths[l + 1], w: at, b: at + widths[l] * widths[l + 1] });
      at += widths[l] * widths[l + 1] + widths[l + 1];
    }
    this.layers = layers;
    const head = layers[layers.length - 1];
    if (!options.trainHead && layers.length === 1)
      throw new InvalidArgumentError(
        "spec.hidden",
        spec.hidden,
        "at least one hidden layer when the output layer is frozen",
      );
    this.trainable = options.trainHead ? at : head.w;
    this.opt = new FlatOptimizer(at, { optimizer: recipe.optimizer, learningRate: recipe.learningRate });
    // kernels [in, out] (network layout) → [out, in]; biases as they are
    layers.forEach((s, l) => {
      const name = l === layers.length - 1 ? "out" : `enc${l}`;
      transposeInto(init.view(`${name}/kernel`), s.fanIn, s.fanOut, this.opt.params.subarray(s.w, s.b));
      this.opt.params.set(init.view(`${name}/bias`), s.b);
    });
    this.base = options.tangent ? this.opt.params.slice() : null;
    if (options.anchorHead) {
      if (spec.hidden.length === 0)
        throw new InvalidArgumentError(
          "spec.hidden",
          spec.hidden,
          "at least one hidden layer (anchors score its features)",
        );
      const width = spec.hidden[spec.hidden.length - 1],
        head = options.anchorHead;
      const units = head.layout.has("pretrain/bias") ? head.view("pretrain/bias").length : 0;
      if (units === 0 || !head.layout.equals(anchorHeadLayout(width, units)))
        throw new InvalidArgumentError(
          "options.anchorHead",
          head.layout.entries.map((e) => `${e.name} ${JSON.stringify(e.shape)}`).join(", "),
          `an anchor head on the last hidden layer's ${width} features (pretrain/kernel [${width}, units], pretrain/bias [units])`,
        );
      const k = head.view("pretrain/kernel");
      const w = new Float32Array(units * width);
      transposeInto(k, width, units, w);
      this.anchor = { w, b: head.view("pretrain/bias").slice(), units };
    } else this.anchor = null;
  }

  /**
   * One optimizer step on a batch: `x` row-major [n, inputSize], `loss` the loss-gradient of the logits.
   * Returns the batch's mean loss (before the update). `anchor`: rows of θ0's pretraining data scored on the
   * anchor head (needs `anchorHead`); the loss and gradient are then the mean over all n + m rows.
   */
  step(x: Float32Array, n: number, loss: LossGrad, anchor?: AnchorBatch): number {
    const D = this.spec.inputSize,
      L = this.layers.length,
      U = this.spec.units.length,
      p = this.opt.params,
      g = this.opt.grads;
    if (!Number.isInteger(n) || n < 1 || x.length < n * D)
      throw new InvalidArgumentError("batch", { n, length: x.length }, `n ≥ 1 rows of ${D} inputs`);
    if (this.dz.length !== U * n) this.dz = new Float32Array(U * n);
    const m = anchor ? anchor.m : 0,
      ah = this.anchor;
    if (anchor && (!ah || !Number.isInteger(m) || m < 0 || anchor.x.length < m * D))
      throw new InvalidArgumentError(
        "anchor batch",
        { m, length: anchor.x.length, head: !!ah },
        `m ≥ 0 rows of ${D} inputs, with an anchorHead given to the trainer`,
      );
    if (ah && this.dza.length !== ah.units * m) this.dza = new Float32Array(ah.units * m);
    const prof = this.profile;
    let t = prof ? performance.now() : 0;
    const lap = (k: keyof StepProfile) => {
      if (prof) {
        const now = performance.now();
        prof[k] += now - t;
        t = now;
      }
    };
    let value = 0;
    tf.tidy(() => {
      const W = this.layers.map((s) => tf.tensor2d(p.subarray(s.w, s.b), [s.fanOut, s.fanIn]));
      const B = this.layers.map((s) => tf.tensor2d(p.subarray(s.b, s.b + s.fanOut), [s.fanOut, 1]));
      const base = this.base;
      // tangent: θ0's weights give the activations, the masks and the backward pass; θ only enters through the tangents
      const W0 = base ? this.layers.map((s) => tf.tensor2d(base.subarray(s.w, s.b), [s.fanOut, s.fanIn])) : W;
      const B0 = base ? this.layers.map((s) => tf.tensor2d(base.subarray(s.b, s.b + s.fanOut), [s.fanOut, 1])) : B;
      let xb = tf.tensor2d(x.subarray(0, n * D), [n, D]);
      // anchors: their rows follow the batch's through the encoder (columns n … n + m − 1)
      if (m > 0) xb = tf.concat([xb, tf.tensor2d(anchor!.x.subarray(0, m * D), [m, D])], 0);
      lap("upload");
      // forward, feature-major: a[l] is layer l's input [fanIn, n (+ m)] (at θ0 in tangent mode)
      const a: tf.Tensor2D[] = [tf.transpose(xb)];
      let tg: tf.Tensor2D | null = null;
      for (let l = 0; l < L - 1; l++) {
        a.push(tf.relu(tf.add(tf.matMul(W0[l], a[l]), B0[l])) as tf.Tensor2D);
        if (base) {
          // tangent of layer l's pre-activation: (W − W0) a + (b − b0) + W0 t, masked by the ReLU at θ0
          let d = tf.add(tf.matMul(tf.sub(W[l], W0[l]) as tf.Tensor2D, a[l]), tf.sub(B[l], B0[l])) as tf.Tensor2D;
          if (tg) d = tf.add(d, tf.matMul(W0[l], tg)) as tf.Tensor2D;
          tg = tf.mul(d, tf.step(a[l + 1])) as tf.Tensor2D;
        }
      }
      const H = a[L - 1].shape[0];
      const cols = (t: tf.Tensor2D, from: number, k: number) => (m > 0 ? tf.slice(t, [0, from], [H, k]) : t);
      const hT = cols(a[L - 1], 0, n),
        tgT = tg ? cols(tg, 0, n) : null;
      let logits = tf.add(tf.matMul(W[L - 1], hT), B[L - 1]);
      if (tgT) logits = tf.add(logits, tf.matMul(W0[L - 1], tgT));
      const z = logits.dataSync() as Float32Array;
      // anchor logits: the frozen pretraining layer on the (linearized) features, WA (a + t) + bA
      let WA: tf.Tensor2D | null = null;
      let za: Float32Array | null = null;
      if (m > 0) {
        WA = tf.tensor2d(ah!.w, [ah!.units, H]);
        let hA = cols(a[L - 1], n, m);
        if (tg) hA = tf.add(hA, cols(tg, n, m));
        za = tf.add(tf.matMul(WA, hA), tf.tensor2d(ah!.b, [ah!.units, 1])).dataSync() as Float32Array;
      }
      lap("forward");
      value = loss(z, n, this.dz);
      const dz = this.dz;
      if (m > 0) {
        // one mean over the n + m rows: each part's mean-gradient weighed by its share of the rows
        const va = anchor!.loss(za!, m, this.dza),
          wt = n / (n + m),
          wa = m / (n + m);
        for (let i = 0; i < dz.length; i++) dz[i] *= wt;
        for (let i = 0; i < this.dza.length; i++) this.dza[i] *= wa;
        value = wt * value + wa * va;
      }
      const head = this.layers[L - 1];
      if (this.options.trainHead)
        for (let u = 0; u < U; u++) {
          let s = 0;
          for (let i = 0; i < n; i++) s += dz[u * n + i];
          g[head.b + u] = s;
        }
      let d: tf.Tensor2D = tf.tensor2d(dz, [U, n]);
      lap("loss");
      // backward: layer l's kernel gradient is d · a[l]ᵀ (a[0]ᵀ is the row-major batch itself)
      const grads: Array<[tf.Tensor, number]> = [];
      for (let l = L - 1; l >= 0; l--) {
        if (l < L - 1 || this.options.trainHead)
          grads.push([tf.matMul(d, l === 0 ? xb : tf.transpose(l === L - 1 ? hT : a[l])), this.layers[l].w]);
        if (l === 0) break;
        let dh = tf.matMul(tf.transpose(W0[l]), d);
        if (l === L - 1 && m > 0)
          dh = tf.concat([dh, tf.matMul(tf.transpose(WA!), tf.tensor2d(this.dza, [ah!.units, m]))], 1);
        d = tf.mul(dh, tf.step(a[l])) as tf.Tensor2D;
        grads.push([tf.sum(d, 1), this.layers[l - 1].b]);
      }
      lap("backward");
      for (const [gt, at] of grads) g.set(gt.dataSync() as Float32Array, at);
      lap("download");
    });
    this.opt.step(this.trainable);
    lap("optimizer");
    return value;
  }

  /** The current parameters in the network's layout (a copy). */
  params(): ParamVector {
    const pv = ParamVector.zeros(networkLayout(this.spec));
    this.layers.forEach((s, l) => {
      const name = l === this.layers.length - 1 ? "out" : `enc${l}`;
      transposeInto(this.opt.params.subarray(s.w, s.b), s.fanOut, s.fanIn, pv.view(`${name}/kernel`));
      pv.view(`${name}/bias`).set(this.opt.params.subarray(s.b, s.b + s.fanOut));
    });
    return pv;
  }

  /** Free the optimizer's memory for reuse (the trainer cannot step afterwards; `params()` is gone too). */
  dispose(): void {
    this.opt.dispose();
  }

  resetProfile(): void {
    this.profile = { upload: 0, forward: 0, loss: 0, backward: 0, download: 0, optimizer: 0 };
  }
}

/** out[c, r] = src[r, c] for a row-major rows × cols matrix. */
function transposeInto(src: Float32Array, rows: number, cols: number, out: Float32Array): void {
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = src[r * cols + c];
}
