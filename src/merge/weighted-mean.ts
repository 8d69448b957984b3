import { ParamVector } from "../params/param-vector";
import { normaliseWeights } from "../util/normalise-weights";
import { validateModels } from "./validate";

/**
 * A weighted average θ̃ = Σ w_i θ_i / Σ w_i: the weights are normalised by dividing each by their sum,
 * so `[1, 3]` and `[0.25, 0.75]` give the same model. Weights must be finite and ≥ 0, one per model,
 * and not all zero (InvalidArgumentError otherwise). A zero weight leaves that model out.
 * Accumulated in Float64.
 *
 * @example
 * const merged = weightedMean([mnist, fashion], [2, 1]);   // 2/3 mnist + 1/3 fashion
 */
export function weightedMean(models: readonly ParamVector[], weights: ArrayLike<number>): ParamVector {
  validateModels(models);
  const w = normaliseWeights(weights, models.length);
  const size = models[0].size;
  const acc = new Float64Array(size);
  models.forEach((m, i) => {
    const wi = w[i];
    if (wi === 0) return;
    const d = m.data;
    for (let j = 0; j < size; j++) acc[j] += wi * d[j];
  });
  return new ParamVector(models[0].layout, Float32Array.from(acc));
}
