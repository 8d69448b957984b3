import { PRESET_NAMES, type PresetName } from "../data/presets";
import { HEAD_RULES, type HeadRule } from "../model/spec";
import { TRAIN_BUDGETS, validateRecipe, type FineTuneRecipe, type TrainBudget } from "../model/recipe";
import { assertFineTuneMode, DEFAULT_FINETUNE, type FineTuneMode } from "../model/finetune-mode";
import { checkAnchorShare } from "../model/anchor";
import type { SelectionScore } from "../select/selection-score";
import type { MixtureRule } from "../select/mixture-similarity";
import { DEFAULT_SURROGATES, parseSurrogate, surrogateName } from "../merge/surrogate";
import { InvalidArgumentError, UnknownNameError } from "../util/errors";

/** How θ0's encoder is pretrained (never on suite data). */
export interface PretrainSpec {
  readonly recipe: FineTuneRecipe;
  /** Vision: drawings per unused Quick, Draw! category (≤ 100). */
  readonly perClass: number;
  /** Vision: randomly shifted copies of each drawing added to the pretraining data (0 = none). */
  readonly shiftedCopies: number;
  /** Text: chunks of pooled unlabelled text (masked bag-of-words). */
  readonly maxChunks: number;
  readonly seed: number;
}

/**
 * Everything that decides the numbers of a leave-one-out run except which seeds and targets are run
 * (those only choose how much of the same work is done, so a run directory can grow by seeds/targets).
 */
export interface ProtocolSpec {
  readonly suite: string;
  readonly preset: PresetName;
  /** Seed of the data splits (fixed across training seeds, so seeds measure training noise). */
  readonly dataSeed: number;
  readonly headRule: HeadRule;
  readonly score: SelectionScore;
  /** Encoder widths. */
  readonly hidden: readonly number[];
  /** The one fine-tuning recipe, for single-dataset and mixture fine-tunes alike. */
  readonly recipe: FineTuneRecipe;
  readonly pretrain: PretrainSpec;
  /** Mixture-scoring rule of the similarity baselines, and k for "top-k". */
  readonly similarityRule: MixtureRule;
  readonly topK: number;
  /** Train every mixture for the ground truth (the oracle, correlations and real accuracies need it). */
  readonly groundTruth: boolean;
  /**
   * The fine-tuning budget rule: "epochs" — the recipe's epochs over the (concatenated) data, so a mixture
   * trains longer as it grows; "steps" — every fine-tune, single or mixture, gets the step count of
   * `recipe.epochs` passes over the suite's mean training split.
   */
  readonly trainBudget: TrainBudget;
  /** What Merge to Mix selects with (see `parseSurrogate`): "mean" (the paper's), "ta:0.5", "calibrated", … */
  readonly surrogate: string;
  /**
   * How every fine-tune of the run trains, and so how every model is evaluated: "standard", or "tangent" —
   * the linearized model around θ0, f(x; θ0) + J(x; θ0)·(θ − θ0), evaluated as such. Absent = "standard"
   * ({@link resolveSpec} leaves "standard" out, so standard runs keep their run-store hashes).
   */
  readonly finetune?: FineTuneMode;
  /**
   * The share of every fine-tune batch drawn from θ0's pretraining data, in [0, 0.9] (see `Anchor`).
   * Absent = 0, no anchors ({@link resolveSpec} leaves 0 out, so runs without anchors keep their hashes).
   */
  readonly anchorShare?: number;
}

/** A whole run: the protocol plus the seeds and targets to run. */
export interface ExperimentSpec extends ProtocolSpec {
  /** Training seeds (each a full repetition of fine-tunes and evaluation). */
  readonly seeds: readonly number[];
  /** Targets (leave-one-out); null = every task of the suite. */
  readonly targets: readonly string[] | null;
  /** Surrogates scored for comparison over the same single fine-tunes (runs with a ground truth). */
  readonly surrogates: readonly string[];
}

/**
 * The documented defaults per preset. quick is CI-sized (the whole vision8 run in a few minutes on 2 cores);
 * full is the reproduction scale. Chosen by `merge-to-mix calibrate` (README "The reproduction"): on both
 * vision8 and text8 quick, 3 seeds, the cell refit × epochs is the one where the truth repeats across seeds
 * (val-loss r 0.88 / 0.86), the best mixture beats θ0 (+1.3 / +3.4 points) and the mixture matters above the
 * noise (oracle − random 1.4 [0.6, 2.3] / 2.0 [0.6, 3.4]); under "shared" every vision8 mixture hurt the target
 * (oracle − θ0 −1.4) and the text8 truth repeated at only 0.58.
 */
export const PRESET_DEFAULTS: { readonly [P in PresetName]: Omit<ProtocolSpec, "suite" | "preset"> } = {
  quick: {
    dataSeed: 0,
    headRule: "refit",
    score: "loss",
    hidden: [256, 256],
    recipe: { optimizer: "adam", learningRate: 1e-3, batchSize: 32, epochs: 5 },
    pretrain: {
      recipe: { optimizer: "adam", learningRate: 1e-3, batchSize: 128, epochs: 4 },
      perClass: 40,
      shiftedCopies: 3,
      maxChunks: 6000,
      seed: 0,
    },
    similarityRule: "mean",
    topK: 2,
    groundTruth: true,
    trainBudget: "epochs",
    surrogate: "mean",
  },
  full: {
    dataSeed: 0,
    headRule: "refit",
    score: "loss",
    hidden: [256, 256],
    recipe: { optimizer: "adam", learningRate: 1e-3, batchSize: 32, epochs: 5 },
    pretrain: {
      recipe: { optimizer: "adam", learningRate: 1e-3, batchSize: 128, epochs: 10 },
      perClass: 100,
      shiftedCopies: 3,
      maxChunks: 40000,
      seed: 0,
    },
    similarityRule: "mean",
    topK: 2,
    groundTruth: true,
    trainBudget: "epochs",
    surrogate: "mean",
  },
};

/** Options accepted by {@link resolveSpec}: a suite and anything to override. */
export type SpecInput = {
  suite: string;
  preset?: PresetName;
  seeds?: readonly number[] | number;
  targets?: readonly string[] | null;
  surrogates?: readonly string[];
} & Partial<Omit<ProtocolSpec, "suite" | "preset" | "recipe" | "pretrain">> & {
    recipe?: Partial<FineTuneRecipe>;
    pretrain?: Partial<Omit<PretrainSpec, "recipe">> & { recipe?: Partial<FineTuneRecipe> };
  };

/**
 * Fill a spec from the preset's defaults and validate it.
 *
 * @example
 * resolveSpec({ suite: "vision8", preset: "quick", seeds: 3 });   // seeds [0, 1, 2]
 * resolveSpec({ suite: "vision8", headRule: "refit", score: "accuracy" });
 */
export function resolveSpec(input: SpecInput): ExperimentSpec {
  const preset = input.preset ?? "quick";
  if (!(PRESET_NAMES as readonly string[]).includes(preset)) throw new UnknownNameError("preset", preset, PRESET_NAMES);
  const d = PRESET_DEFAULTS[preset];
  const seeds =
    typeof input.seeds === "number" ? Array.from({ length: input.seeds }, (_, i) => i) : [...(input.seeds ?? [0])];
  if (typeof input.seeds === "number" && (!Number.isInteger(input.seeds) || input.seeds < 1))
    throw new InvalidArgumentError("seeds", input.seeds, "a positive integer count or a list of seeds");
  if (seeds.length === 0 || seeds.some((s) => !Number.isInteger(s) || s < 0))
    throw new InvalidArgumentError("seeds", seeds, "a non-empty list of non-negative integers");
  if (new Set(seeds).size !== seeds.length) throw new InvalidArgumentError("seeds", seeds, "distinct seeds");
  let spec: ExperimentSpec = {
    suite: input.suite,
    preset,
    dataSeed: input.dataSeed ?? d.dataSeed,
    headRule: input.headRule ?? d.headRule,
    score: input.score ?? d.score,
    hidden: [...(input.hidden ?? d.hidden)],
    recipe: { ...d.recipe, ...(input.recipe ?? {}) },
    pretrain: {
      ...d.pretrain,
      ...(input.pretrain ?? {}),
      recipe: { ...d.pretrain.recipe, ...(input.pretrain?.recipe ?? {}) },
    },
    similarityRule: input.similarityRule ?? d.similarityRule,
    topK: input.topK ?? d.topK,
    groundTruth: input.groundTruth ?? d.groundTruth,
    trainBudget: input.trainBudget ?? d.trainBudget,
    surrogate: input.surrogate === undefined ? d.surrogate : surrogateName(parseSurrogate(input.surrogate)),
    seeds,
    targets: input.targets ? [...input.targets] : null,
    surrogates: [...new Set((input.surrogates ?? DEFAULT_SURROGATES).map((n) => surrogateName(parseSurrogate(n))))],
  };
  // the regimes enter the spec only when they differ from the default (so default specs hash as before)
  const finetune = input.finetune ?? DEFAULT_FINETUNE;
  assertFineTuneMode(finetune, "fine-tuning mode (finetune)");
  const anchorShare = checkAnchorShare(input.anchorShare ?? 0, "anchorShare (--anchor-share)");
  if (finetune !== "standard") spec = { ...spec, finetune };
  if (anchorShare > 0) spec = { ...spec, anchorShare };
  if (typeof spec.suite !== "string" || !spec.suite)
    throw new InvalidArgumentError("suite", spec.suite, "a suite name");
  if (!(HEAD_RULES as readonly string[]).includes(spec.headRule))
    throw new UnknownNameError("head rule", spec.headRule, HEAD_RULES);
  if (spec.score !== "accuracy" && spec.score !== "loss")
    throw new UnknownNameError("score", spec.score, ["accuracy", "loss"]);
  if (!["mean", "pooled", "top-k"].includes(spec.similarityRule))
    throw new UnknownNameError("similarity rule", spec.similarityRule, ["mean", "pooled", "top-k"]);
  if (!Number.isInteger(spec.topK) || spec.topK < 1)
    throw new InvalidArgumentError("topK", spec.topK, "a positive integer");
  if (spec.hidden.length === 0 || spec.hidden.some((h) => !Number.isInteger(h) || h < 1))
    throw new InvalidArgumentError("hidden", spec.hidden, "one or more positive layer widths");
  if (!(TRAIN_BUDGETS as readonly string[]).includes(spec.trainBudget))
    throw new UnknownNameError("fine-tuning budget", spec.trainBudget, TRAIN_BUDGETS);
  validateRecipe(spec.recipe);
  validateRecipe(spec.pretrain.recipe);
  // 0 epochs would make every fine-tune (and the exported "final model") θ0 itself
  if (spec.recipe.epochs < 1)
    throw new InvalidArgumentError(
      "recipe.epochs (--epochs)",
      spec.recipe.epochs,
      "at least 1 pass over the data (with 0 every fine-tune would be θ0 itself)",
    );
  return spec;
}

/** The part of a spec that a run directory is pinned to (seeds, targets and compared surrogates may grow). */
export function protocolOf(spec: ExperimentSpec): ProtocolSpec {
  const { seeds: _s, targets: _t, surrogates: _c, ...protocol } = spec;
  return protocol;
}
