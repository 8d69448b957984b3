import { fsum } from "./fsum";

/** The values an average reads: a missing seed or cell is null, undefined or NaN, and is skipped. */
export type MaybeNumbers = Iterable<number | null | undefined>;

/** The finite values of `values`, in order (null, undefined, NaN and ±Infinity dropped). */
function finite(values: MaybeNumbers): number[] {
  const out: number[] = [];
  for (const v of values) if (typeof v === "number" && Number.isFinite(v)) out.push(v);
  return out;
}

/**
 * The mean of the finite values (exact sum, so the order of the values does not matter); NaN when there are
 * none. Non-finite values stand for a missing measurement and are skipped, as in d3's `mean`, and so are
 * ±Infinity (a diverged loss is not a number to average).
 *
 * @example
 * mean([1, NaN, 3]);   // 2
 * mean([null, 0.5]);   // 0.5
 * mean([]);            // NaN
 */
export function mean(values: MaybeNumbers): number {
  const xs = finite(values);
  return xs.length ? fsum(xs) / xs.length : NaN;
}

/**
 * The median of the finite values: the middle one, or the mean of the two middle ones for an even count;
 * NaN when there are none.
 *
 * @example
 * median([3, 1, 2]);      // 2
 * median([4, 1, 3, 2]);   // 2.5
 */
export function median(values: MaybeNumbers): number {
  const s = finite(values).sort((a, b) => a - b);
  const n = s.length;
  if (n === 0) return NaN;
  const h = n >> 1;
  return n % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}

/**
 * The lower median of the finite values: the middle one, or the smaller of the two middle ones for an even
 * count, so the result is always one of the values (a λ that some target chose, never a λ between two grid
 * points); NaN when there are none.
 *
 * @example
 * lowerMedian([4, 1, 3, 2]);   // 2
 * lowerMedian([3, 1, 2]);      // 2
 */
export function lowerMedian(values: MaybeNumbers): number {
  const s = finite(values).sort((a, b) => a - b);
  return s.length ? s[(s.length - 1) >> 1] : NaN;
}
