import { InvalidArgumentError } from "../util/errors";
import { ParamVector } from "../params/param-vector";
import { meanUnchecked } from "./uniform-mean";
import { validateModels } from "./validate";

/**
 * The uniform mean of the models whose bit is set in `mask` (bit i = models[i]), computed from
 * scratch: the naive reference for the Gray-code sweep, and handy for scoring one chosen mixture.
 *
 * @example
 * const merged = mergeMask([mnist, fashion, kmnist], 0b101);   // mean of mnist and kmnist
 */
export function mergeMask(models: readonly ParamVector[], mask: number): ParamVector {
  validateModels(models);
  return mergeMaskUnchecked(models, mask);
}

/**
 * {@link mergeMask} without validating the models (callers that validated once); the mask is still checked.
 *
 * @example
 * validateModels(models);
 * for (const mask of masks) score(mergeMaskUnchecked(models, mask));
 */
export function mergeMaskUnchecked(models: readonly ParamVector[], mask: number): ParamVector {
  const limit = 2 ** Math.min(models.length, 32) - 1;
  if (!Number.isInteger(mask) || mask < 1 || mask > limit) {
    throw new InvalidArgumentError(
      "mask",
      mask,
      `a non-empty subset of ${models.length} models, an integer in [1, ${limit}]`,
    );
  }
  const members: ParamVector[] = [];
  for (let i = 0; i < models.length; i++) if ((mask >>> i) & 1) members.push(models[i]);
  return meanUnchecked(members);
}
