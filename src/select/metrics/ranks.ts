import { InvalidArgumentError } from "../../util/errors";

/**
 * 1-based ranks in ascending order, ties sharing their average rank (the "fractional" ranking used by
 * Spearman's ρ). NaN inputs get NaN ranks and are not counted.
 *
 * @example
 * ranks([10, 30, 20, 20]); // Float64Array [1, 4, 2.5, 2.5]
 */
export function ranks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const out = new Float64Array(n).fill(NaN);
  const idx: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (typeof v !== "number") throw new InvalidArgumentError(`values[${i}]`, v, "a number");
    if (!Number.isNaN(v)) idx.push(i);
  }
  idx.sort((a, b) => values[a] - values[b] || a - b);
  for (let start = 0; start < idx.length;) {
    let end = start + 1;
    while (end < idx.length && values[idx[end]] === values[idx[start]]) end++;
    const avg = (start + 1 + end) / 2; // mean of ranks start+1 … end
    for (let k = start; k < end; k++) out[idx[k]] = avg;
    start = end;
  }
  return out;
}
