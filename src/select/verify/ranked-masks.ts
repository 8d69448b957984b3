/**
 * The mixtures with a finite score, best first: higher is better, ties → lowest mask; index 0 (the empty
 * mixture) and NaN scores (mixtures a search did not score) are left out.
 *
 * @example
 * rankedMasks([NaN, 0.2, 0.9, 0.9, NaN]);   // [2, 3, 1]
 */
export function rankedMasks(scores: ArrayLike<number>): number[] {
  const masks: number[] = [];
  for (let m = 1; m < scores.length; m++) if (Number.isFinite(scores[m])) masks.push(m);
  return masks.sort((a, b) => scores[b] - scores[a] || a - b);
}
