import { Adder, fsum } from "./fsum";
import { checkPaired, finitePairs } from "./check";

/**
 * Pearson's correlation coefficient r of paired samples. Pairs where either value is not finite
 * (NaN, ±Infinity, e.g. a mixture not trained yet) are dropped. Returns NaN when undefined:
 * fewer than 2 pairs, or zero variance in x or y. Two passes with exact sums, clamped to [−1, 1].
 *
 * @example
 * pearson([1, 2, 3], [2, 4, 7]);   // 0.9933…
 * pearson([1, 1, 1], [1, 2, 3]);   // NaN (x is constant)
 */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  checkPaired(x, y);
  const keep = finitePairs(x, y);
  const n = keep.length;
  if (n < 2) return NaN;
  const mx = fsum(keep, (i) => x[i]) / n;
  const my = fsum(keep, (i) => y[i]) / n;
  const sxy = new Adder(),
    sxx = new Adder(),
    syy = new Adder();
  for (const i of keep) {
    const dx = x[i] - mx,
      dy = y[i] - my;
    sxy.add(dx * dy);
    sxx.add(dx * dx);
    syy.add(dy * dy);
  }
  const vx = +sxx,
    vy = +syy;
  if (!(vx > 0) || !(vy > 0)) return NaN;
  const r = +sxy / Math.sqrt(vx * vy);
  return Math.max(-1, Math.min(1, r));
}
