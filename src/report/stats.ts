/**
 * Small correlation statistics for figure titles and widgets (pairs with a non-finite value are dropped).
 * NaN when fewer than 2 pairs remain or a side is constant.
 */

function finitePairs(x: readonly number[], y: readonly number[]): [number[], number[]] {
  const a: number[] = [], b: number[] = [];
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) if (Number.isFinite(x[i]) && Number.isFinite(y[i])) { a.push(x[i]); b.push(y[i]); }
  return [a, b];
}

/**
 * Pearson correlation coefficient.
 *
 * @example
 * pearson([1, 2, 3], [2, 4, 7]); // → 0.993…
 */
export function pearson(x: readonly number[], y: readonly number[]): number {
  const [a, b] = finitePairs(x, y);
  const n = a.length;
  if (n < 2) return NaN;
  let ma = 0, mb = 0;
  for (let i = 0; i < n; i++) { ma += a[i]; mb += b[i]; }
  ma /= n; mb /= n;
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i] - ma, db = b[i] - mb;
    sab += da * db; saa += da * da; sbb += db * db;
  }
  return saa === 0 || sbb === 0 ? NaN : sab / Math.sqrt(saa * sbb);
}

/** Average ranks (1-based, ties share their mean rank). */
export function ranks(x: readonly number[]): number[] {
  const order = x.map((v, i) => i).sort((i, j) => x[i] - x[j]);
  const r = new Array<number>(x.length);
  for (let s = 0; s < order.length; ) {
    let e = s;
    while (e + 1 < order.length && x[order[e + 1]] === x[order[s]]) e++;
    for (let k = s; k <= e; k++) r[order[k]] = (s + e) / 2 + 1;
    s = e + 1;
  }
  return r;
}

/**
 * Spearman rank correlation (Pearson on average ranks).
 *
 * @example
 * spearman([1, 2, 3], [1, 10, 100]); // → 1
 */
export function spearman(x: readonly number[], y: readonly number[]): number {
  const [a, b] = finitePairs(x, y);
  return pearson(ranks(a), ranks(b));
}

/**
 * Kendall's tau-b (tie-corrected), O(n²): fine for the ≤ a few thousand mixtures of one target.
 *
 * @example
 * kendall([1, 2, 3], [3, 2, 1]); // → -1
 */
export function kendall(x: readonly number[], y: readonly number[]): number {
  const [a, b] = finitePairs(x, y);
  let conc = 0, disc = 0, tx = 0, ty = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = i + 1; j < a.length; j++) {
      const dx = Math.sign(a[i] - a[j]), dy = Math.sign(b[i] - b[j]);
      if (dx === 0 && dy === 0) continue;
      if (dx === 0) tx++;
      else if (dy === 0) ty++;
      else if (dx === dy) conc++;
      else disc++;
    }
  }
  const den = Math.sqrt((conc + disc + tx) * (conc + disc + ty));
  return den === 0 ? NaN : (conc - disc) / den;
}

/**
 * Mean of the finite values; NaN when there are none.
 *
 * @example
 * mean([1, 2, NaN, 3]); // → 2
 */
export function mean(x: readonly number[]): number {
  let s = 0, n = 0;
  for (const v of x) if (Number.isFinite(v)) { s += v; n++; }
  return n === 0 ? NaN : s / n;
}
