import { InvalidArgumentError } from "./errors";

/**
 * Check weights — merge weights, or a mixture's sampling proportions — and return them normalised to sum 1
 * (each divided by their sum). Weights must be finite and ≥ 0, one per model (or dataset), and not all zero.
 * It lives in util/ because both merge/ (weighted merges) and model/ (weighted batches) need it.
 *
 * @example
 * normaliseWeights([1, 3], 2);   // Float64Array [0.25, 0.75]
 */
export function normaliseWeights(weights: ArrayLike<number>, count: number): Float64Array {
  if (weights == null || typeof weights.length !== "number")
    throw new InvalidArgumentError("weights", weights, `an array of ${count} numbers`);
  if (weights.length !== count)
    throw new InvalidArgumentError("weights.length", weights.length, `${count} (one weight per model)`);
  let sum = 0;
  for (let i = 0; i < count; i++) {
    const w = weights[i];
    if (typeof w !== "number" || !Number.isFinite(w) || w < 0)
      throw new InvalidArgumentError(`weights[${i}]`, w, "a finite number ≥ 0");
    sum += w;
  }
  if (!(sum > 0))
    throw new InvalidArgumentError(
      "weights",
      Array.from(weights),
      "at least one positive weight (they are divided by their sum)",
    );
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) out[i] = weights[i] / sum;
  return out;
}
