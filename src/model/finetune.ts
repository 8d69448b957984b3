import { mixtureName } from "../data/mixture-name";
import type { Task } from "../data/types";
import type { ParamVector } from "../params/param-vector";
import { InvalidArgumentError } from "../util/errors";
import { silentProgress, type Progress } from "../util/progress";
import { Rng } from "../util/rng";
import { maskedSoftmaxGrad } from "./loss-grad";
import { MlpTrainer } from "./mlp-trainer";
import { epochPlan, validateRecipe, type FineTuneRecipe } from "./recipe";
import { assertHeadRule, type HeadRule, type NetSpec } from "./spec";
import { TaskPool } from "./task-pool";
import { plannedSteps, runEpochs } from "./training";
import { runWeightedSteps } from "./weighted-batches";
import { anchorRows, validateAnchor, type Anchor } from "./anchor";
import { AnchorSampler } from "./anchor-sampler";
import { pretrainLoss, pretrainRows } from "./pretrain-loss";
import { gatherRows } from "./training";

/** The fine-tuning regime of {@link fineTune}: the default is standard fine-tuning, no anchors. */
export interface FineTuneRegime {
  /** Train the linearized model around `base` ({@link MlpTrainer}'s `tangent`) instead of the network. */
  readonly tangent?: boolean;
  /** A share of every batch drawn from θ0's pretraining data ({@link Anchor}); absent or share 0 = none. */
  readonly anchor?: Anchor;
}

/** What a fine-tune produced. */
export interface FineTuneResult {
  readonly params: ParamVector;
  /** Training samples processed (steps × batch, last batches partial). */
  readonly samples: number;
  readonly steps: number;
  readonly seconds: number;
}

/**
 * Fine-tune θ0 on a mixture: the members' train splits concatenated (size-proportional), shuffled with
 * `seed`, for the recipe's epochs (or its fixed `steps` budget) — or, when any member has a `weight`, batches
 * drawn with those mixture proportions for the same number of steps ({@link runWeightedSteps}), each sample scored by softmax within its own task's units. Under "shared" the whole network
 * trains; under "frozen"/"refit" only the encoder does (the output layer keeps θ0's fitted head).
 * `regime.tangent` trains the linearized model around `base`; `regime.anchor` adds rows of θ0's pretraining
 * data to every batch (a fixed share of it, drawn by a stream forked from `seed`, scored by the pretraining
 * loss on the frozen pretraining layer): the fine-tuning rows, steps and their order stay the same.
 * Runs on the {@link MlpTrainer} (explicit backward pass, flat SIMD Adam). Deterministic for a seed on
 * one backend; leaves no tensors behind.
 *
 * @example
 * const { params } = fineTune(theta0, spec, [{ task: mnist }], DEFAULT_FINETUNE_RECIPE, "shared", 1);
 */
export function fineTune(
  base: ParamVector,
  netSpec: NetSpec,
  mixture: ReadonlyArray<{ task: Task; weight?: number }>,
  recipe: FineTuneRecipe,
  headRule: HeadRule,
  seed: number,
  progress: Progress = silentProgress,
  regime: FineTuneRegime = {},
): FineTuneResult {
  validateRecipe(recipe);
  assertHeadRule(headRule);
  const t0 = Date.now();
  const pool = new TaskPool(
    mixture.map((m) => m.task),
    "train",
    netSpec,
    headRule,
  );
  if (headRule !== "shared" && netSpec.hidden.length === 0) {
    throw new InvalidArgumentError(
      "netSpec.hidden",
      netSpec.hidden,
      `at least one hidden layer (head rule "${headRule}" trains only the encoder)`,
    );
  }
  // "shared" trains the whole network; "frozen"/"refit" keep θ0's fitted output layer
  const anchor = regime.anchor && regime.anchor.share > 0 ? regime.anchor : undefined;
  if (anchor) validateAnchor(anchor, netSpec.inputSize, netSpec.hidden[netSpec.hidden.length - 1] ?? 0);
  const trainer = new MlpTrainer(netSpec, base, recipe, {
    trainHead: headRule === "shared",
    ...(regime.tangent ? { tangent: true } : {}),
    ...(anchor ? { anchorHead: anchor.head } : {}),
  });
  const label = `fine-tune ${mixtureName(mixture.map((m) => m.task.name))}`;
  // anchors come from their own stream: the fine-tuning rows and their order are those of the run without them
  const sampler = anchor
    ? new AnchorSampler(pretrainRows(anchor.data, netSpec.inputSize), new Rng(seed).fork("anchor"))
    : null;
  let axBuf = new Float32Array(0);
  try {
    const train = (idx: Int32Array) => {
      const b = pool.batch(idx);
      const loss = maskedSoftmaxGrad(pool.units, b.tasks, b.labels);
      if (!anchor) {
        trainer.step(b.x, b.n, loss);
        return;
      }
      const m = anchorRows(b.n, anchor.share);
      const rows = sampler!.next(m);
      if (axBuf.length < m * netSpec.inputSize) axBuf = new Float32Array(m * netSpec.inputSize);
      gatherRows(anchor.data.x, netSpec.inputSize, rows, axBuf);
      trainer.step(b.x, b.n, loss, { x: axBuf, m, loss: pretrainLoss(anchor.data, rows) });
    };
    const weighted = mixture.some((m) => m.weight !== undefined);
    const plan = epochPlan(recipe, pool.n);
    // weighted: the step budget the concatenated (binary) mixture would get, batches drawn by proportion
    const counts = weighted
      ? runWeightedSteps(
          mixture.map((m) => m.task.splits.train.n),
          mixture.map((m) => m.weight ?? 0),
          {
            batchSize: recipe.batchSize,
            steps: plannedSteps(pool.n, { batchSize: recipe.batchSize, ...plan }),
            rng: new Rng(seed),
            progress,
            label,
          },
          train,
        )
      : runEpochs(pool.n, { ...recipe, ...plan, rng: new Rng(seed), progress, label }, train);
    return {
      params: trainer.params(),
      samples: counts.samples,
      steps: counts.steps,
      seconds: (Date.now() - t0) / 1000,
    };
  } finally {
    trainer.dispose();
  }
}
