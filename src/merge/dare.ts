import { ParamVector } from "../params/param-vector";
import { Rng, hashSeed } from "../util/rng";
import { validateBase, validateLambda, validateModels, validateP, validateSeed } from "./validate";

/** Options of {@link dare}. */
export interface DareOptions {
  /** Probability of dropping each task-vector entry, in [0, 1). */
  p: number;
  /** Seed of the drop masks (an integer). */
  seed: number;
  /** When given: θ0 + λ · Σ τ̂_i. When absent: θ0 + mean_i τ̂_i (the uniform mean of the rescaled models). */
  lambda?: number;
}

/**
 * DARE, "drop and rescale" (Yu et al. 2024): for each task vector τ_i = θ_i − θ0, drop every entry
 * independently with probability p and multiply the survivors by 1/(1 − p), so E[τ̂_i] = τ_i; then
 * combine: θ0 + (1/n) Σ τ̂_i by default (the paper's uniform merge of the sparsified models), or
 * θ0 + λ · Σ τ̂_i when `lambda` is given (task arithmetic). p = 0 drops nothing.
 * Model i's mask comes from its own stream seeded by hashSeed(`dare:${seed}:${i}`): the same seed
 * gives the same result; masks depend on each model's position in the list.
 *
 * @example
 * const merged = dare(base, [mnist, fashion], { p: 0.9, seed: 7 });
 */
export function dare(base: ParamVector, models: readonly ParamVector[], options: DareOptions): ParamVector {
  validateModels(models);
  validateBase(base, models);
  const p = validateP(options && options.p);
  const seed = validateSeed(options.seed);
  const scale = options.lambda === undefined ? 1 / models.length : validateLambda(options.lambda);
  const size = base.size;
  const b = base.data;
  const keepScale = 1 / (1 - p);
  const acc = new Float64Array(size);
  models.forEach((m, i) => {
    const rng = new Rng(hashSeed(`dare:${seed}:${i}`));
    const d = m.data;
    for (let j = 0; j < size; j++) {
      // Draw for every entry (even zero ones) so masks do not depend on the values.
      if (rng.next() >= p) acc[j] += (d[j] - b[j]) * keepScale;
    }
  });
  const out = new Float32Array(size);
  for (let j = 0; j < size; j++) out[j] = b[j] + scale * acc[j];
  const merged = new ParamVector(base.layout, out);
  merged.assertFinite("DARE result");
  return merged;
}
