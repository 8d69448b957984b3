import { InvalidArgumentError } from "../../util/errors";
import { Rng } from "../../util/rng";
import { fsum } from "./fsum";

/** A headline number with its 95% interval. `lo`/`hi` are NaN when there is nothing to resample. */
export interface Interval {
  estimate: number;
  lo: number;
  hi: number;
  /** Targets with at least one finite value. */
  targets: number;
  /** Finite cells (target × seed) used. */
  cells: number;
}

/** Options of {@link bootstrapMean}. */
export interface BootstrapOptions {
  /** Resamples (default 2000). */
  readonly resamples?: number;
  /** Seed of the resampling (default 0): same table, same seed → same interval. */
  readonly seed?: number;
  /** Coverage (default 0.95). */
  readonly level?: number;
}

/** The p-quantile of sorted values, linearly interpolated (as d3.quantile). */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p,
    i = Math.floor(h);
  return i + 1 < n ? sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]) : sorted[n - 1];
}

const cellMean = (xs: readonly number[]): number => (xs.length ? fsum(xs) / xs.length : NaN);

/**
 * The mean of a targets × seeds table (`table[t][s]`), each target weighted equally (the mean over its
 * seeds, then over targets), with a percentile-bootstrap interval: each resample draws targets with
 * replacement and, within each drawn target, its seeds with replacement — two stages, so both the
 * target-to-target spread and the seed-to-seed (training) noise widen the interval. Non-finite cells are
 * left out. With one target and one seed there is nothing to resample: lo = hi = NaN.
 *
 * @example
 * bootstrapMean([[0.8, 0.82], [0.7, 0.74], [0.9, 0.88]]);   // { estimate: 0.807, lo: …, hi: …, targets: 3, cells: 6 }
 */
export function bootstrapMean(table: ReadonlyArray<ArrayLike<number>>, options: BootstrapOptions = {}): Interval {
  const rows = table.map((r) => Array.from(r).filter((v) => Number.isFinite(v))).filter((r) => r.length > 0);
  return bootstrapRows(rows, (picked) => cellMean(picked.map(cellMean)), options, false);
}

/**
 * A ratio of means, num / den, over the same targets × seeds cells (each target weighted equally, as in
 * {@link bootstrapMean}), with a percentile-bootstrap interval that resamples targets and seeds together
 * for both. A ratio of means is stable where per-cell ratios are not (a target whose denominator is near
 * zero cannot blow the estimate up). Cells where either side is non-finite are left out.
 *
 * @example
 * bootstrapRatio(regret, oracleMinusRandom);   // normalised regret: Σ regret / Σ (oracle − random)
 */
export function bootstrapRatio(
  num: ReadonlyArray<ArrayLike<number>>,
  den: ReadonlyArray<ArrayLike<number>>,
  options: BootstrapOptions = {},
): Interval {
  if (num.length !== den.length)
    throw new InvalidArgumentError("den.length", den.length, `${num.length} targets (as num)`);
  const rows: Array<Array<[number, number]>> = [];
  num.forEach((row, t) => {
    if (row.length !== den[t].length)
      throw new InvalidArgumentError(`den[${t}].length`, den[t].length, `${row.length} seeds (as num[${t}])`);
    const cells: Array<[number, number]> = [];
    for (let s = 0; s < row.length; s++)
      if (Number.isFinite(row[s]) && Number.isFinite(den[t][s])) cells.push([row[s], den[t][s]]);
    if (cells.length) rows.push(cells);
  });
  const ratio = (picked: ReadonlyArray<ReadonlyArray<[number, number]>>) => {
    let n = 0,
      d = 0;
    for (const r of picked) {
      n += fsum(r.map((c) => c[0])) / r.length;
      d += fsum(r.map((c) => c[1])) / r.length;
    }
    return d > 0 ? n / d : NaN;
  };
  return bootstrapRows(rows, ratio, options, true);
}

/**
 * The shared percentile bootstrap of {@link bootstrapMean} and {@link bootstrapRatio}: `rows` are the
 * targets (each a non-empty list of its seeds' cells), `stat` the statistic of a table of rows (the
 * estimate is `stat(rows)`). Each resample draws as many targets as there are, with replacement, and
 * within each drawn target as many of its cells, with replacement — target first, then its cells, in
 * that order. With `dropNonFinite`, resamples whose statistic is not finite are left out of the quantiles.
 */
function bootstrapRows<C>(
  rows: ReadonlyArray<ReadonlyArray<C>>,
  stat: (picked: ReadonlyArray<ReadonlyArray<C>>) => number,
  options: BootstrapOptions,
  dropNonFinite: boolean,
): Interval {
  const resamples = options.resamples ?? 2000,
    level = options.level ?? 0.95;
  if (!Number.isInteger(resamples) || resamples < 1)
    throw new InvalidArgumentError("resamples", resamples, "a positive integer");
  if (!(level > 0 && level < 1)) throw new InvalidArgumentError("level", level, "a coverage in (0, 1)");
  const cells = rows.reduce((k, r) => k + r.length, 0);
  const estimate = stat(rows);
  if (rows.length === 0 || (rows.length === 1 && rows[0].length === 1))
    return { estimate, lo: NaN, hi: NaN, targets: rows.length, cells };
  const rng = new Rng(options.seed ?? 0);
  const stats = new Float64Array(resamples);
  let kept = 0;
  for (let b = 0; b < resamples; b++) {
    const picked = rows.map(() => {
      const r = rows[rng.int(rows.length)];
      return r.map(() => r[rng.int(r.length)]);
    });
    const v = stat(picked);
    if (!dropNonFinite || Number.isFinite(v)) stats[kept++] = v;
  }
  const sorted = stats.subarray(0, kept).sort();
  const a = (1 - level) / 2;
  return { estimate, lo: quantileSorted(sorted, a), hi: quantileSorted(sorted, 1 - a), targets: rows.length, cells };
}

/** A paired comparison of two methods over the same targets × seeds. */
export interface PairedComparison extends Interval {
  /** Targets where a's per-target mean beats b's, equals it, or falls below it. */
  wins: number;
  ties: number;
  losses: number;
}

/**
 * a − b cell by cell (the same target and seed), its bootstrapped mean, and wins/ties/losses over
 * targets (by each target's mean difference; a tie is |difference| ≤ `tieTolerance`, default 1e-9).
 *
 * @example
 * pairedDifference(m2mTestAcc, cosineTestAcc);   // { estimate: 0.012, lo: 0.003, hi: 0.02, wins: 6, ties: 1, losses: 1, … }
 */
export function pairedDifference(
  a: ReadonlyArray<ArrayLike<number>>,
  b: ReadonlyArray<ArrayLike<number>>,
  options: BootstrapOptions & { tieTolerance?: number } = {},
): PairedComparison {
  if (a.length !== b.length) throw new InvalidArgumentError("b.length", b.length, `${a.length} targets (as a)`);
  const diff = a.map((row, t) => {
    if (row.length !== b[t].length)
      throw new InvalidArgumentError(`b[${t}].length`, b[t].length, `${row.length} seeds (as a[${t}])`);
    return Array.from(row, (v, s) => v - b[t][s]);
  });
  const tol = options.tieTolerance ?? 1e-9;
  let wins = 0,
    ties = 0,
    losses = 0;
  for (const row of diff) {
    const m = cellMean(row.filter((v) => Number.isFinite(v)));
    if (!Number.isFinite(m)) continue;
    if (Math.abs(m) <= tol) ties++;
    else if (m > 0) wins++;
    else losses++;
  }
  return { ...bootstrapMean(diff, options), wins, ties, losses };
}
