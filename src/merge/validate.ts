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
 * Check a scaling coefficient λ: any finite number (negative λ subtracts task vectors).
 *
 * @example
 * validateLambda(0.5);
 */
export function validateLambda(lambda: unknown, argument = "lambda"): number {
  if (typeof lambda !== "number" || !Number.isFinite(lambda))
    throw new InvalidArgumentError(argument, lambda, "a finite number");
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
