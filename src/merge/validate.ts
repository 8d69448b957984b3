import { InvalidArgumentError, LayoutMismatchError } from "../util/errors";
import { ParamVector } from "../params/param-vector";

/**
 * Shared checks for the merge operators. Each throws a typed error that names the offending
 * value (model index, tensor and element) and what was expected.
 */

/**
 * Check a non-empty list of ParamVectors with one layout and only finite values.
 *
 * @example
 * validateModels([a, b]);   // throws LayoutMismatchError / NonFiniteError / InvalidArgumentError
 */
export function validateModels(models: readonly ParamVector[], argument = "models"): void {
  if (!Array.isArray(models)) throw new InvalidArgumentError(argument, models, "an array of ParamVectors");
  if (models.length === 0) throw new InvalidArgumentError(argument, models, "at least one model");
  models.forEach((m, i) => {
    if (!(m instanceof ParamVector)) throw new InvalidArgumentError(`${argument}[${i}]`, m, "a ParamVector");
  });
  const layout = models[0].layout;
  for (let i = 1; i < models.length; i++) {
    const diff = layout.firstDifference(models[i].layout);
    if (diff !== undefined) throw new LayoutMismatchError(`${argument}[${i}] does not match ${argument}[0]: ${diff}`);
  }
  models.forEach((m, i) => m.assertFinite(`${argument}[${i}]`));
}

/**
 * Check a base model against the (already validated) models: same layout, finite values.
 *
 * @example
 * validateBase(theta0, models);
 */
export function validateBase(base: ParamVector, models: readonly ParamVector[]): void {
  if (!(base instanceof ParamVector)) throw new InvalidArgumentError("base", base, "a ParamVector");
  const diff = base.layout.firstDifference(models[0].layout);
  if (diff !== undefined) throw new LayoutMismatchError(`models[0] does not match base: ${diff}`);
  base.assertFinite("base");
}

/**
 * Check merge weights and return them normalised to sum 1 (each divided by their sum).
 * Weights must be finite and ≥ 0, one per model, and not all zero.
 *
 * @example
 * normaliseWeights([1, 3], 2);   // Float64Array [0.25, 0.75]
 */
export function normaliseWeights(weights: ArrayLike<number>, count: number): Float64Array {
  if (weights == null || typeof weights.length !== "number") throw new InvalidArgumentError("weights", weights, `an array of ${count} numbers`);
  if (weights.length !== count) throw new InvalidArgumentError("weights.length", weights.length, `${count} (one weight per model)`);
  let sum = 0;
  for (let i = 0; i < count; i++) {
    const w = weights[i];
    if (typeof w !== "number" || !Number.isFinite(w) || w < 0) throw new InvalidArgumentError(`weights[${i}]`, w, "a finite number ≥ 0");
    sum += w;
  }
  if (!(sum > 0)) throw new InvalidArgumentError("weights", Array.from(weights), "at least one positive weight (they are divided by their sum)");
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) out[i] = weights[i] / sum;
  return out;
}

/**
 * Check a scaling coefficient λ: any finite number (negative λ subtracts task vectors).
 *
 * @example
 * validateLambda(0.5);
 */
export function validateLambda(lambda: unknown, argument = "lambda"): number {
  if (typeof lambda !== "number" || !Number.isFinite(lambda)) throw new InvalidArgumentError(argument, lambda, "a finite number");
  return lambda;
}

/**
 * Check TIES' k: the percent of largest-magnitude entries kept per task vector, in (0, 100].
 *
 * @example
 * validateK(20);
 */
export function validateK(k: unknown): number {
  if (typeof k !== "number" || !(k > 0 && k <= 100)) throw new InvalidArgumentError("k", k, "a percentage in (0, 100]");
  return k;
}

/**
 * Check DARE's drop probability p in [0, 1).
 *
 * @example
 * validateP(0.9);
 */
export function validateP(p: unknown): number {
  if (typeof p !== "number" || !(p >= 0 && p < 1)) throw new InvalidArgumentError("p", p, "a probability in [0, 1)");
  return p;
}

/**
 * Check a seed: an integer.
 *
 * @example
 * validateSeed(42);
 */
export function validateSeed(seed: unknown): number {
  if (typeof seed !== "number" || !Number.isInteger(seed)) throw new InvalidArgumentError("seed", seed, "an integer");
  return seed;
}
