import { rankedMasks } from "./ranked-masks";

/** A verified mixture: its surrogate score and its real score (both higher is better, in the same units). */
export interface VerifiedScore {
  readonly mask: number;
  readonly score: number;
  readonly real: number;
}

/**
 * How optimistic the corrected score is: mean residual + Z × their standard deviation (≈ the 97.5th
 * percentile of a normal). With fewer than two verified mixtures there is no spread to estimate, so the
 * rule always verifies a second one (when K allows): one residual cannot tell a constant offset (harmless
 * to the ranking) from a scrambled ranking.
 */
const Z = 2;

/**
 * The `adaptive` rule's next step: walking down the surrogate's ranking (`order`), the next unverified
 * mixture, or null to stop — stop when its score, corrected by the residuals (real − surrogate) of the
 * mixtures verified so far (mean + Z·sd), cannot beat the best real score. The caller stops at K anyway.
 *
 * @example
 * adaptiveNext([4, 2, 1], [NaN, 0.1, 0.5, NaN, 0.9], []);   // 4
 */
export function adaptiveNext(
  order: readonly number[],
  scores: ArrayLike<number>,
  verified: readonly VerifiedScore[],
): number | null {
  const done = new Set(verified.map((v) => v.mask));
  const next = order.find((m) => !done.has(m));
  if (next === undefined) return null;
  if (verified.length < 2) return next;
  const res = verified.map((v) => v.real - v.score).filter(Number.isFinite);
  if (res.length < 2) return next; // mixtures without a real score say nothing: keep going
  const mean = res.reduce((a, b) => a + b, 0) / res.length;
  const sd = Math.sqrt(res.reduce((a, r) => a + (r - mean) ** 2, 0) / (res.length - 1));
  const best = Math.max(...verified.map((v) => v.real).filter(Number.isFinite));
  return scores[next] + mean + Z * sd > best ? next : null;
}

/**
 * The whole `adaptive` shortlist where every real score is known (a run's ground truth): the mixtures
 * the rule would verify, in order, until it stops — a prefix of the surrogate's ranking; with a limit K
 * the first K of it.
 *
 * @example
 * adaptiveOrder(merged, trueScore).slice(0, 3);
 */
export function adaptiveOrder(scores: ArrayLike<number>, real: ArrayLike<number>): number[] {
  const order = rankedMasks(scores),
    verified: VerifiedScore[] = [];
  for (let m = adaptiveNext(order, scores, verified); m !== null; m = adaptiveNext(order, scores, verified)) {
    verified.push({ mask: m, score: scores[m], real: real[m] });
  }
  return verified.map((v) => v.mask);
}
