import { ParamVector } from "../params/param-vector";
import { validateModels } from "./validate";

/**
 * The paper's merge: the plain, unweighted average θ̃ = (1/n) Σ θ_i, accumulated in Float64.
 * A single model comes back as an equal copy.
 *
 * @example
 * const merged = uniformMean([mnist, fashion, kmnist]);
 */
export function uniformMean(models: readonly ParamVector[]): ParamVector {
  validateModels(models);
  return meanUnchecked(models);
}

/**
 * The mean without validation, for callers that validated once (the subset sweep, mergeMask).
 *
 * @example
 * validateModels(models);
 * const merged = meanUnchecked(models);
 */
export function meanUnchecked(models: readonly ParamVector[]): ParamVector {
  const n = models.length;
  if (n === 1) return models[0].clone();
  const size = models[0].size;
  const acc = new Float64Array(models[0].data);
  for (let i = 1; i < n; i++) {
    const d = models[i].data;
    for (let j = 0; j < size; j++) acc[j] += d[j];
  }
  const out = new Float32Array(size);
  const inv = 1 / n;
  for (let j = 0; j < size; j++) out[j] = acc[j] * inv;
  return new ParamVector(models[0].layout, out);
}
