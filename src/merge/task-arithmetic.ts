import { ParamVector } from "../params/param-vector";
import { validateBase, validateLambda, validateModels } from "./validate";

/**
 * Task arithmetic (Ilharco et al. 2023): θ = θ0 + λ · Σ_i (θ_i − θ0), accumulated in Float64.
 * With λ = 1/n it equals the uniform mean; λ = 1 adds every task vector in full; negative λ negates.
 * Throws NonFiniteError when a large λ overflows float32.
 *
 * @example
 * const merged = taskArithmetic(base, [mnist, fashion], 0.4);
 */
export function taskArithmetic(base: ParamVector, models: readonly ParamVector[], lambda = 1): ParamVector {
  validateModels(models);
  validateBase(base, models);
  validateLambda(lambda);
  const size = base.size;
  const b = base.data;
  const acc = new Float64Array(size);
  for (const m of models) {
    const d = m.data;
    for (let j = 0; j < size; j++) acc[j] += d[j] - b[j];
  }
  const out = new Float32Array(size);
  for (let j = 0; j < size; j++) out[j] = b[j] + lambda * acc[j];
  const merged = new ParamVector(base.layout, out);
  merged.assertFinite("task arithmetic result");
  return merged;
}
