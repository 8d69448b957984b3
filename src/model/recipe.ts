import { InvalidArgumentError } from "../util/errors";

/**
 * One fine-tuning recipe, used alike for single-dataset and mixture fine-tunes (so a mixture's
 * budget grows with its size: epochs over the concatenated data, size-proportional sampling).
 */
export interface FineTuneRecipe {
  readonly optimizer: "adam" | "sgd";
  readonly learningRate: number;
  readonly batchSize: number;
  /** Passes over the (concatenated) training data. */
  readonly epochs: number;
  /** Optional cap on optimizer steps. */
  readonly maxSteps?: number;
  /**
   * A fixed step budget: exactly this many optimizer steps whatever the data size (epochs repeat as
   * needed, the last one cut short), so a mixture trains as long as a single dataset. Overrides `epochs`.
   * Unset: `epochs` passes over the (concatenated) data, so a mixture's budget grows with its size.
   */
  readonly steps?: number;
}

/**
 * The documented default: Adam, lr 1e-3, batch 64, 5 epochs, no step cap.
 * (The method prototype used Adam 1e-3, batch 64, and measured 5 vs 20 epochs; 5 is the cheaper one.)
 */
export const DEFAULT_FINETUNE_RECIPE: FineTuneRecipe = Object.freeze({
  optimizer: "adam",
  learningRate: 1e-3,
  batchSize: 64,
  epochs: 5,
});

/**
 * Check a recipe, throwing InvalidArgumentError naming the bad field.
 *
 * @example
 * validateRecipe({ optimizer: "adam", learningRate: 1e-3, batchSize: 64, epochs: 5 });
 */
export function validateRecipe(r: FineTuneRecipe): void {
  if (r.optimizer !== "adam" && r.optimizer !== "sgd")
    throw new InvalidArgumentError("recipe.optimizer", r.optimizer, '"adam" or "sgd"');
  if (!(r.learningRate > 0) || !Number.isFinite(r.learningRate))
    throw new InvalidArgumentError("recipe.learningRate", r.learningRate, "a positive finite number");
  if (!Number.isInteger(r.batchSize) || r.batchSize <= 0)
    throw new InvalidArgumentError("recipe.batchSize", r.batchSize, "a positive integer");
  if (!Number.isInteger(r.epochs) || r.epochs < 0)
    throw new InvalidArgumentError("recipe.epochs", r.epochs, "a non-negative integer");
  if (r.maxSteps !== undefined && (!Number.isInteger(r.maxSteps) || r.maxSteps < 0)) {
    throw new InvalidArgumentError("recipe.maxSteps", r.maxSteps, "a non-negative integer or undefined");
  }
  if (r.steps !== undefined && (!Number.isInteger(r.steps) || r.steps < 1)) {
    throw new InvalidArgumentError("recipe.steps", r.steps, "a positive integer (a fixed step budget) or undefined");
  }
}

/**
 * The epochs and step cap a recipe means for `n` training samples: `steps` (a fixed budget) becomes
 * enough epochs to reach it and a cap at it; otherwise the recipe's own epochs and cap.
 *
 * @example
 * epochPlan({ optimizer: "adam", learningRate: 1e-3, batchSize: 32, epochs: 5, steps: 35 }, 1400);   // { epochs: 1, maxSteps: 35 }
 */
export function epochPlan(r: FineTuneRecipe, n: number): { epochs: number; maxSteps?: number } {
  if (r.steps === undefined) return { epochs: r.epochs, maxSteps: r.maxSteps };
  const perEpoch = Math.max(1, Math.ceil(n / r.batchSize));
  const steps = r.maxSteps === undefined ? r.steps : Math.min(r.steps, r.maxSteps);
  return { epochs: Math.ceil(steps / perEpoch), maxSteps: steps };
}

/** See {@link ProtocolSpec.trainBudget}. */
export type TrainBudget = "epochs" | "steps";
export const TRAIN_BUDGETS: readonly TrainBudget[] = ["epochs", "steps"];
