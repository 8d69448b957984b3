import { InvalidArgumentError } from "../util/errors";

/** Row-wise softmax of n × C logits, in Float64 (log-sum-exp shifted by the row maximum). */
export function softmaxRows(logits: ArrayLike<number>, n: number, c: number): Float64Array {
  if (!Number.isInteger(n) || !Number.isInteger(c) || c < 1 || logits.length !== n * c)
    throw new InvalidArgumentError("logits.length", logits.length, `n × C = ${n} × ${c}`);
  const p = new Float64Array(n * c);
  for (let i = 0; i < n; i++) {
    let mx = -Infinity;
    for (let k = 0; k < c; k++) mx = Math.max(mx, logits[i * c + k]);
    let s = 0;
    for (let k = 0; k < c; k++) s += p[i * c + k] = Math.exp(logits[i * c + k] - mx);
    for (let k = 0; k < c; k++) p[i * c + k] /= s;
  }
  return p;
}

/**
 * The ensemble baseline (output space, no merge; MixMin, arXiv 2502.10510): mixture S predicts
 * p̄ = Σ_{i∈S} wᵢ pᵢ / Σ_{i∈S} wᵢ, the weighted average of its members' class probabilities (wᵢ: training
 * sizes). Scores every non-empty subset in Gray-code order with a running Float64 sum, so each mixture
 * costs one n × C update: accuracy (argmax, ties to the lowest class) and mean cross-entropy −log p̄[y].
 * Index = mask; index 0 is NaN.
 *
 * @example
 * const probs = singles.map((z) => softmaxRows(z, n, C));
 * const { acc, loss } = ensembleScores(probs, y, C, sizes);   // loss[0b101]: members 0 and 2
 */
export function ensembleScores(
  probs: readonly Float64Array[],
  y: ArrayLike<number>,
  c: number,
  weights: readonly number[],
): { acc: number[]; loss: number[] } {
  const m = probs.length,
    n = y.length;
  if (m < 1 || m > 24) throw new InvalidArgumentError("models", m, "1 … 24 models");
  if (weights.length !== m || weights.some((w) => !(w > 0) || !Number.isFinite(w)))
    throw new InvalidArgumentError("weights", weights, `${m} positive finite weights`);
  for (const p of probs)
    if (p.length !== n * c) throw new InvalidArgumentError("probabilities.length", p.length, `n × C = ${n} × ${c}`);
  const len = 2 ** m;
  const acc = new Array<number>(len).fill(NaN),
    loss = new Array<number>(len).fill(NaN);
  const sum = new Float64Array(n * c);
  let wSum = 0,
    prev = 0;
  for (let g = 1; g < len; g++) {
    const mask = g ^ (g >>> 1);
    const bit = 31 - Math.clz32(mask ^ prev);
    const sign = (mask >>> bit) & 1 ? 1 : -1;
    const w = sign * weights[bit],
      p = probs[bit];
    for (let j = 0; j < sum.length; j++) sum[j] += w * p[j];
    wSum += w;
    prev = mask;
    let correct = 0,
      nll = 0;
    for (let i = 0; i < n; i++) {
      let best = 0;
      for (let k = 1; k < c; k++) if (sum[i * c + k] > sum[i * c + best]) best = k;
      if (best === y[i]) correct++;
      nll -= Math.log(Math.max(sum[i * c + y[i]] / wSum, 1e-300));
    }
    acc[mask] = n ? correct / n : NaN;
    loss[mask] = n ? nll / n : NaN;
  }
  return { acc, loss };
}
