import * as tf from "@tensorflow/tfjs";
import type { Task } from "../data/types";
import { ParamVector } from "../params/param-vector";
import { InvalidArgumentError } from "../util/errors";
import { silentProgress, type Progress } from "../util/progress";
import { Rng } from "../util/rng";
import { Network, paramsOf } from "./network";
import { initParams } from "./init";
import { MlpTrainer } from "./mlp-trainer";
import { pretrainLoss, type PretrainData } from "./pretrain-loss";
import { validateRecipe, type FineTuneRecipe } from "./recipe";
import { encoderLayout, encoderShapeOf, netSpecFor, networkLayout, type HeadRule, type NetSpec } from "./spec";
import { TaskPool } from "./task-pool";
import { gatherRows, maskedCrossEntropy, runEpochs } from "./training";
import { anchorHeadLayout } from "./anchor";

export type { PretrainData } from "./pretrain-loss";

/**
 * Pretrain an MLP encoder with a throwaway output layer (softmax over `numClasses`, or sigmoid over
 * `dim` multi-hot targets) and return the encoder's weights only ("enc0/kernel", …).
 * Initialisation and shuffling follow `seed`.
 *
 * @example
 * const enc = pretrainEncoder({ inputSize: 784, hidden: [256, 256] }, { x, y, numClasses: 300 },
 *   { optimizer: "adam", learningRate: 1e-3, batchSize: 128, epochs: 3 }, 0);
 */
export function pretrainEncoder(
  spec0: Pick<NetSpec, "inputSize" | "hidden">,
  data: PretrainData,
  recipe: FineTuneRecipe,
  seed: number,
  progress: Progress = silentProgress,
): ParamVector {
  return pretrainNetwork(spec0, data, recipe, seed, progress).encoder;
}

/**
 * {@link pretrainEncoder}, also returning the pretraining output layer as `head` ("pretrain/kernel"
 * [last hidden width, units], "pretrain/bias" [units]; see {@link anchorHeadLayout}): the units anchored
 * fine-tunes score θ0's pretraining rows on. The encoder is the same as pretrainEncoder's.
 *
 * @example
 * const { encoder, head } = pretrainNetwork({ inputSize: 784, hidden: [256] }, data, recipe, 0);
 */
export function pretrainNetwork(
  spec0: Pick<NetSpec, "inputSize" | "hidden">,
  data: PretrainData,
  recipe: FineTuneRecipe,
  seed: number,
  progress: Progress = silentProgress,
): { encoder: ParamVector; head: ParamVector } {
  validateRecipe(recipe);
  const d = spec0.inputSize;
  if (data.x.length % d !== 0)
    throw new InvalidArgumentError("data.x.length", data.x.length, `a multiple of inputSize ${d}`);
  const n = data.x.length / d;
  const multi = "targets" in data;
  const outDim = multi ? data.dim : data.numClasses;
  if (!Number.isInteger(outDim) || outDim <= 0)
    throw new InvalidArgumentError(multi ? "data.dim" : "data.numClasses", outDim, "a positive integer");
  if (multi && data.targets.length !== n * outDim)
    throw new InvalidArgumentError("data.targets.length", data.targets.length, `${n} × ${outDim}`);
  if (!multi) {
    if (data.y.length !== n)
      throw new InvalidArgumentError("data.y.length", data.y.length, `${n} (one label per row of x)`);
    for (let i = 0; i < n; i++)
      if (!(data.y[i] >= 0 && data.y[i] < outDim))
        throw new InvalidArgumentError(`data.y[${i}]`, data.y[i], `a class in [0, ${outDim})`);
  }
  const units = Array.from({ length: outDim }, (_, i) => `pretrain:${i}`);
  const spec: NetSpec = { inputSize: d, hidden: [...spec0.hidden], units };
  const trainer = new MlpTrainer(
    spec,
    initParams(networkLayout(spec), new Rng(seed).fork("init").int(2 ** 31)),
    recipe,
    { trainHead: true },
  );
  const xb = new Float32Array(recipe.batchSize * d);
  try {
    runEpochs(n, { ...recipe, rng: new Rng(seed).fork("order"), progress, label: "pretrain encoder" }, (idx) => {
      gatherRows(data.x, d, idx, xb);
      trainer.step(xb, idx.length, pretrainLoss(data, idx));
    });
    const enc = encoderLayout(spec);
    const all = trainer.params();
    const out = all.view("out/kernel"),
      bias = all.view("out/bias");
    const headLayout = anchorHeadLayout(spec.hidden[spec.hidden.length - 1] ?? d, outDim);
    const head = new Float32Array(headLayout.size);
    head.set(out, 0);
    head.set(bias, out.length);
    return { encoder: new ParamVector(enc, all.data.slice(0, enc.size)), head: new ParamVector(headLayout, head) };
  } finally {
    trainer.dispose();
  }
}

/** Options of buildBase's head fit (multinomial logistic regression on frozen θ0 features). */
export interface HeadFitOptions {
  /** Full-batch optimizer steps (default 300). */
  readonly steps?: number;
  /** Adam learning rate (default 0.01). */
  readonly learningRate?: number;
  /** L2 penalty on the output kernel (default 1e-4). */
  readonly l2?: number;
}

/**
 * Build θ0: the pretrained encoder plus an output layer fitted on θ0's features of every task's
 * `headfit` split (full-batch Adam on the masked cross-entropy, output kernel and bias only; under
 * "shared" the units are pooled across tasks). The network spec is `netSpecFor(tasks, hidden, headRule)`
 * with the encoder's hidden widths: build your Evaluator and fine-tunes from that same spec.
 *
 * @example
 * const theta0 = buildBase(enc, suite.tasks, "refit", 0);
 * const spec = netSpecFor(suite.tasks, encoderShapeOf(enc.layout).hidden, "refit");
 */
export function buildBase(
  encoder: ParamVector,
  tasks: readonly Task[],
  headRule: HeadRule,
  seed: number,
  options: HeadFitOptions = {},
): ParamVector {
  const shape = encoderShapeOf(encoder.layout);
  encoderLayout(shape).assertSame(encoder.layout, "encoder layouts");
  const spec = netSpecFor(tasks, shape.hidden, headRule);
  const steps = options.steps ?? 300,
    lr = options.learningRate ?? 0.01,
    l2 = options.l2 ?? 1e-4;
  if (!Number.isInteger(steps) || steps < 0)
    throw new InvalidArgumentError("options.steps", steps, "a non-negative integer");
  const layout = networkLayout(spec);
  const theta = ParamVector.zeros(layout);
  theta.data.set(encoder.data, 0); // encoder entries come first in the network layout
  // the output layer starts at zero: the logistic regression is convex, so no random start is needed;
  // `seed` is kept for API symmetry and a future minibatch variant
  void seed;
  const pool = new TaskPool(tasks, "headfit", spec, headRule);
  if (pool.n === 0) throw new InvalidArgumentError("headfit splits", 0, "at least one labelled headfit example");
  const net = new Network(spec, theta);
  const optimizer = tf.train.adam(lr);
  const all = pool.batch(Int32Array.from({ length: pool.n }, (_, i) => i));
  const held = tf.tidy(() => {
    const f = net.features(tf.tensor2d(all.x, [all.n, spec.inputSize]));
    const mask = tf.gather(tf.tensor2d(pool.mask, [tasks.length, spec.units.length]), tf.tensor1d(all.tasks, "int32"));
    return { f, mask, y: tf.tensor1d(all.labels, "int32") };
  });
  try {
    const [k] = net.headVariables;
    for (let s = 0; s < steps; s++) {
      tf.tidy(() => {
        optimizer.minimize(
          () =>
            tf.add(
              maskedCrossEntropy(net.head(held.f as tf.Tensor2D), held.mask as tf.Tensor2D, held.y as tf.Tensor1D),
              tf.mul(l2, tf.sum(tf.square(k))),
            ) as tf.Scalar,
          false,
          net.headVariables,
        );
      });
    }
    return paramsOf(net);
  } finally {
    tf.dispose([held.f, held.mask, held.y]);
    optimizer.dispose();
    net.dispose();
  }
}
