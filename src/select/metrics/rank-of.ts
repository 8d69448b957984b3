import { InvalidArgumentError } from "../../util/errors";

/** Throw unless `mask` indexes a mixture of `values` (masks 1 … values.length − 1). */
function checkMask(mask: number, values: ArrayLike<number>, name = "mask"): void {
  if (!Number.isInteger(mask) || mask < 1 || mask >= values.length) {
    throw new InvalidArgumentError(name, mask, `a mixture mask in 1 … ${values.length - 1}`);
  }
}

/**
 * The mask with the highest value among masks 1 … values.length − 1 (index 0, the empty mixture, is
 * ignored), ties → lowest mask, NaN values skipped. Returns −1 when no value is finite.
 *
 * @example
 * argmaxMask([NaN, 0.2, 0.9, 0.9]); // 2
 */
export function argmaxMask(values: ArrayLike<number>): number {
  let best = -1,
    bestValue = -Infinity;
  for (let m = 1; m < values.length; m++) {
    const v = values[m];
    if (v === v && (best < 0 || v > bestValue)) {
      best = m;
      bestValue = v;
    }
  }
  return best;
}

/**
 * 1-based rank of mixture `mask` among all mixtures by `truth` (indexed by mask; index 0 ignored;
 * higher is better, so the best mixture has rank 1). Ties share their average rank; NaN entries
 * (mixtures without a ground truth) are not ranked, and a NaN `truth[mask]` gives NaN.
 *
 * @example
 * rankOf(2, [NaN, 0.5, 0.9, 0.7]);   // 1
 * rankOf(1, [NaN, 0.5, 0.5, 0.9]);   // 2.5 (tied with mask 2 for 2nd/3rd)
 */
export function rankOf(mask: number, truth: ArrayLike<number>): number {
  checkMask(mask, truth);
  const v = truth[mask];
  if (v !== v) return NaN;
  let greater = 0,
    equal = 0;
  for (let m = 1; m < truth.length; m++) {
    const t = truth[m];
    if (t > v) greater++;
    else if (t === v) equal++;
  }
  return greater + (equal + 1) / 2;
}

/**
 * Regret of choosing `mask`: values[oracle] − values[mask], where `oracle` defaults to the argmax of
 * `values` (then regret ≥ 0). Pass the oracle chosen on validation data to measure test regret, which
 * can then be negative when validation and test disagree.
 *
 * @example
 * regret(1, [NaN, 0.7, 0.9]);        // 0.2
 * regret(1, [NaN, 0.7, 0.9], 1);     // 0
 */
export function regret(mask: number, values: ArrayLike<number>, oracle: number = argmaxMask(values)): number {
  checkMask(mask, values);
  if (oracle < 0) return NaN;
  checkMask(oracle, values, "oracle");
  return values[oracle] - values[mask];
}
