import * as tf from "@tensorflow/tfjs";
import type { Split, SplitName, Task } from "../data/types";
import { ParamLayout } from "../params/layout";
import { ParamVector } from "../params/param-vector";
import { InvalidArgumentError } from "../util/errors";
import { networkLayout, taskUnits, type HeadRule, type NetSpec, assertHeadRule } from "../model/spec";
import type { EvalResult, EvaluatorOptions } from "./evaluator";
import { scoreLogits } from "./logit-score";
import { NcmHead } from "./ncm-head";
import { linearizedHead } from "../model/linearized";

/** θ0's path over one row set in tangent mode: its first-layer projection, activations and ReLU masks by layer. */
interface Primal {
  p0: tf.Tensor2D;
  a: tf.Tensor2D[];
  mask: tf.Tensor2D[];
}

/**
 * Scores LINEAR combinations of models (uniform or weighted merges, task arithmetic) on one task split
 * without the first layer's matmul. For fixed inputs X the first layer's pre-activation is linear in the
 * weights: X·(Σ wᵢ W1ⁱ) = Σ wᵢ (X·W1ⁱ). So each candidate model is `project`ed once — its first kernel
 * replaced by X·W1 over the split's rows (and, under "refit", the headfit rows) — and any linear
 * combination of projected vectors, e.g. one step of the Gray-code sweep, is scored by `evaluate`, which
 * runs only the layers after the first. On the 784-256-256 MLP that skips ~75% of the forward FLOPs and
 * the largest weight upload of every merge-evaluation. Results equal `Evaluator` on the merged
 * parameters up to float rounding (the first layer sums in another order).
 *
 * @example
 * const pe = new ProjectedEvaluator(spec, "refit", target);
 * const projected = singles.map((s) => pe.project(s));
 * for (const step of sweepSubsets(projected)) scores[step.mask] = pe.evaluate(step.params).loss;
 * pe.dispose();
 */
export class ProjectedEvaluator {
  /** The projected vectors' layout: "proj" [rows, width of layer 1], then every network entry but "enc0/kernel". */
  readonly layout: ParamLayout;
  /** Rows projected: the headfit rows first (refit only), then the split's. */
  readonly rows: number;
  private readonly headRows: number;
  private readonly x: tf.Tensor2D;
  private readonly units: Int32Array | null;
  private readonly split: Split;
  private readonly full: ParamLayout;
  /**
   * Tangent mode: θ0's kernels and biases by layer, θ0's projection and θ0's primal activations of every hidden
   * layer over the headfit rows and the split's rows (constant: the linearized model's primal path is θ0's).
   */
  private readonly tangent: {
    W0: tf.Tensor2D[];
    b0: tf.Tensor1D[];
    head: Primal;
    split: Primal;
  } | null = null;

  constructor(
    readonly netSpec: NetSpec,
    readonly headRule: HeadRule,
    readonly task: Task,
    readonly splitName: SplitName = "val",
    private readonly options: EvaluatorOptions = {},
  ) {
    assertHeadRule(headRule);
    if (netSpec.hidden.length === 0)
      throw new InvalidArgumentError(
        "netSpec.hidden",
        netSpec.hidden,
        "at least one hidden layer (the projection skips the first of them)",
      );
    if (task.inputSize !== netSpec.inputSize)
      throw new InvalidArgumentError(
        `inputSize of task ${task.name}`,
        task.inputSize,
        `${netSpec.inputSize} (the network's)`,
      );
    const s = task.splits[splitName];
    if (!s) throw new InvalidArgumentError("split", splitName, `one of ${Object.keys(task.splits).join(", ")}`);
    this.split = s;
    const hf = headRule === "refit" ? task.splits.headfit : undefined;
    if (headRule === "refit" && (!hf || hf.n === 0))
      throw new InvalidArgumentError(
        `${task.name}.splits.headfit.n`,
        hf ? hf.n : 0,
        'labelled examples (head rule "refit" fits the target head on them)',
      );
    this.headRows = hf ? hf.n : 0;
    this.rows = this.headRows + s.n;
    this.full = networkLayout(netSpec);
    this.layout = ParamLayout.fromShapes([
      ["proj", [this.rows, netSpec.hidden[0]]],
      ...this.full.entries.filter((e) => e.name !== "enc0/kernel").map((e) => [e.name, e.shape] as const),
    ]);
    const d = netSpec.inputSize;
    const xs = new Float32Array(this.rows * d);
    if (hf) xs.set(hf.x.subarray(0, hf.n * d), 0);
    xs.set(s.x.subarray(0, s.n * d), this.headRows * d);
    this.x = tf.tensor2d(xs, [this.rows, d]);
    this.units = headRule === "refit" ? null : taskUnits(task, netSpec, headRule);
    const around = options.linearizeAround;
    if (around !== undefined) {
      this.full.assertSame(around.layout, "projected evaluator and linearizeAround layouts");
      const kernels = this.full.entries.filter((e) => e.name.endsWith("/kernel"));
      const W0 = kernels.map((e) => tf.tensor2d(around.view(e.name).slice(), e.shape as [number, number]));
      const b0 = this.full.entries
        .filter((e) => e.name.endsWith("/bias"))
        .map((e) => tf.tensor1d(around.view(e.name).slice()));
      const proj0 = this.project(around).view("proj");
      const w1 = netSpec.hidden[0];
      const primal = (from: number, rows: number): Primal =>
        tf.tidy(() => {
          const p0 = tf.tensor2d(proj0.subarray(from * w1, (from + rows) * w1), [rows, w1]);
          const a = [tf.relu(tf.add(p0, b0[0])) as tf.Tensor2D];
          for (let l = 1; l < netSpec.hidden.length; l++)
            a.push(tf.relu(tf.add(tf.matMul(a[l - 1], W0[l]), b0[l])) as tf.Tensor2D);
          return { p0, a, mask: a.map((x) => tf.step(x) as tf.Tensor2D) };
        });
      this.tangent = { W0, b0, head: primal(0, this.headRows), split: primal(this.headRows, s.n) };
    }
  }

  /** A model's projected vector: X·W1 over the rows, then its other parameters as they are. */
  project(params: ParamVector): ParamVector {
    this.full.assertSame(params.layout, "projected evaluator and model layouts");
    const out = ParamVector.zeros(this.layout);
    const [fanIn, width] = this.full.entry("enc0/kernel").shape;
    const z = tf.tidy(() => tf.matMul(this.x, tf.tensor2d(params.view("enc0/kernel"), [fanIn, width])));
    out.view("proj").set(z.dataSync() as Float32Array);
    z.dispose();
    for (const e of this.layout.entries) if (e.name !== "proj") out.view(e.name).set(params.view(e.name));
    return out;
  }

  /** Accuracy and mean loss on the split of the model whose projection is `projected`. */
  evaluate(projected: ParamVector): EvalResult {
    this.layout.assertSame(projected.layout, "projected vector layouts");
    const s = this.split;
    if (s.n === 0) return { accuracy: NaN, loss: NaN, n: 0 };
    const t = (name: string) => tf.tensor(projected.view(name), this.layout.entry(name).shape as number[]);
    if (this.tangent) return this.score(tf.tidy(() => this.linearizedLogits(projected, t)));
    const logits = tf.tidy(() => {
      // headfit rows and split rows as two tensors: no slicing copies, and the second matmul of each
      // layer reuses the weights the first one packed
      const w0 = this.netSpec.hidden[0],
        proj = projected.view("proj");
      const layerInputs = (from: number, rows: number): tf.Tensor2D => {
        let h = tf.relu(
          tf.add(tf.tensor2d(proj.subarray(from * w0, (from + rows) * w0), [rows, w0]), bias[0]),
        ) as tf.Tensor2D;
        for (let i = 1; i < this.netSpec.hidden.length; i++)
          h = tf.fused.matMul({ a: h, b: kernel[i], bias: bias[i], activation: "relu" }) as tf.Tensor2D;
        return h;
      };
      const kernel = this.netSpec.hidden.map((_, i) =>
        i === 0 ? (null as unknown as tf.Tensor2D) : (t(`enc${i}/kernel`) as tf.Tensor2D),
      );
      const bias = this.netSpec.hidden.map((_, i) => t(`enc${i}/bias`));
      const feats = layerInputs(this.headRows, s.n);
      if (!this.units) {
        const hf = this.task.splits.headfit;
        const head = NcmHead.fit(
          layerInputs(0, this.headRows),
          hf.y.subarray(0, this.headRows),
          this.task.classes.length,
          this.options.ncm,
        );
        try {
          return head.logits(feats);
        } finally {
          head.dispose();
        }
      }
      const all = tf.fused.matMul({ a: feats, b: t("out/kernel") as tf.Tensor2D, bias: t("out/bias") }) as tf.Tensor2D;
      return tf.gather(all, tf.tensor1d(this.units, "int32"), 1) as tf.Tensor2D;
    });
    return this.score(logits);
  }

  /** Accuracy and mean loss of the split's logits (disposed). */
  private score(logits: tf.Tensor2D): EvalResult {
    const s = this.split;
    const r = scoreLogits(logits, s.y.subarray(0, s.n));
    logits.dispose();
    return { accuracy: r.correct / s.n, loss: r.lossSum / s.n, n: s.n };
  }

  /**
   * Tangent mode: the linearized model's logits over the split from a projected vector. The first layer's
   * tangent is (P − P0) + (b1 − b0_1), P = X·W1 being linear in θ; the later layers follow
   * {@link linearizedEncoder} on θ0's stored primal activations. Call inside tf.tidy.
   */
  private linearizedLogits(projected: ParamVector, t: (name: string) => tf.Tensor): tf.Tensor2D {
    const { W0, b0, head: headPrimal, split } = this.tangent!;
    const hidden = this.netSpec.hidden,
      w1 = hidden[0],
      proj = projected.view("proj");
    // θ's parameter changes are the same for both row sets: compute them once
    const dW = hidden.map((_, l) => (l === 0 ? null : (tf.sub(t(`enc${l}/kernel`), W0[l]) as tf.Tensor2D)));
    const db = hidden.map((_, l) => tf.sub(t(`enc${l}/bias`), b0[l]));
    const features = (from: number, rows: number, { p0, a, mask }: Primal): tf.Tensor2D => {
      const dP = tf.sub(tf.tensor2d(proj.subarray(from * w1, (from + rows) * w1), [rows, w1]), p0);
      let tan = tf.mul(tf.add(dP, db[0]), mask[0]) as tf.Tensor2D;
      for (let l = 1; l < hidden.length; l++) {
        const dpre = tf.add(tf.add(tf.matMul(a[l - 1], dW[l]!), db[l]), tf.matMul(tan, W0[l]));
        tan = tf.mul(dpre, mask[l]) as tf.Tensor2D;
      }
      return tan;
    };
    const L = hidden.length;
    const act = { head: headPrimal.a, split: split.a };
    const tanSplit = features(this.headRows, this.split.n, split);
    if (!this.units) {
      const hf = this.task.splits.headfit;
      const head = NcmHead.fit(
        tf.add(act.head[L - 1], features(0, this.headRows, headPrimal)) as tf.Tensor2D,
        hf.y.subarray(0, this.headRows),
        this.task.classes.length,
        this.options.ncm,
      );
      try {
        return head.logits(tf.add(act.split[L - 1], tanSplit) as tf.Tensor2D);
      } finally {
        head.dispose();
      }
    }
    const all = linearizedHead(act.split[L - 1], tanSplit, W0[L], t("out/kernel") as tf.Tensor2D, t("out/bias"));
    return tf.gather(all, tf.tensor1d(this.units, "int32"), 1) as tf.Tensor2D;
  }

  dispose(): void {
    this.x.dispose();
    if (this.tangent) {
      const { W0, b0, head, split } = this.tangent;
      tf.dispose([...W0, ...b0, ...[head, split].flatMap((p) => [p.p0, ...p.a, ...p.mask])]);
    }
  }
}
