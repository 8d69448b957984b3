import { checkPaired, finitePairs } from "./check";

/**
 * Kendall's τ-b (tie-corrected): (concordant − discordant) / √((n0 − tx)(n0 − ty)), with n0 = n(n−1)/2
 * and tx, ty the pairs tied in x, in y. Pairs with a non-finite value are dropped first. NaN when fewer
 * than 2 pairs or when either side is constant. O(n²): fine for the 2^N − 1 mixtures of N ≤ 12.
 *
 * @example
 * kendall([1, 2, 3], [1, 3, 2]);   // 0.333…
 * kendall([1, 1, 2], [1, 2, 3]);   // 0.8164… (tie in x)
 */
export function kendall(x: ArrayLike<number>, y: ArrayLike<number>): number {
  checkPaired(x, y);
  const keep = finitePairs(x, y);
  const n = keep.length;
  if (n < 2) return NaN;
  let s = 0,
    tx = 0,
    ty = 0;
  for (let a = 0; a < n; a++) {
    const xa = x[keep[a]],
      ya = y[keep[a]];
    for (let b = a + 1; b < n; b++) {
      const dx = Math.sign(xa - x[keep[b]]),
        dy = Math.sign(ya - y[keep[b]]);
      if (dx === 0) tx++;
      if (dy === 0) ty++;
      s += dx * dy; // +1 concordant, −1 discordant, 0 tied on either side
    }
  }
  const n0 = (n * (n - 1)) / 2;
  const den = Math.sqrt((n0 - tx) * (n0 - ty));
  if (!(den > 0)) return NaN;
  return Math.max(-1, Math.min(1, s / den));
}
