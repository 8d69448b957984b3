import { InvalidArgumentError } from "../../util/errors";

/**
 * The exact expectation of random best-of-K: draw K distinct mixtures uniformly, verify them, keep the
 * one with the best real score (`real`, higher is better, ties → lowest mask, NaN = worst) and read
 * `value` (e.g. its test accuracy) of it. With the mixtures sorted best first, the j-th (0-based) is kept
 * with probability C(M−1−j, K−1) / C(M, K); the ratio of consecutive terms, (M−j−K)/(M−1−j), keeps it
 * exact in floating point for any M.
 *
 * @example
 * randomBestOfK([NaN, 0.1, 0.3, 0.2], [NaN, 60, 80, 70], 2);   // (2·80 + 1·70 + 0·60) / 3 = 76.67
 */
export function randomBestOfK(real: ArrayLike<number>, value: ArrayLike<number>, k: number): number {
  const m = real.length - 1;
  if (value.length !== real.length)
    throw new InvalidArgumentError("value.length", value.length, `${real.length} (as real, indexed by mask)`);
  if (!Number.isInteger(k) || k < 1 || k > m)
    throw new InvalidArgumentError("k", k, `a whole number of mixtures in 1 … ${m}`);
  const key = (i: number) => (Number.isFinite(real[i]) ? real[i] : -Infinity);
  const order = Array.from({ length: m }, (_, i) => i + 1).sort((a, b) => key(b) - key(a) || a - b);
  let p = k / m,
    sum = 0;
  for (let j = 0; j < m && p > 0; j++) {
    sum += p * value[order[j]];
    p *= (m - j - k) / (m - 1 - j);
  }
  return sum;
}
