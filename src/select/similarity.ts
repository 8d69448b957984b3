import { InvalidArgumentError } from "../util/errors";
import { Rng } from "../util/rng";

/** n examples embedded in d dimensions by θ0, row-major (example i = data[i*dim … (i+1)*dim)). */
export interface Embeddings {
  readonly data: Float32Array;
  readonly dim: number;
}

/** Validate and return the number of rows. */
function rowsOf(e: Embeddings, name: string): number {
  if (!e || !(e.data instanceof Float32Array))
    throw new InvalidArgumentError(`${name}.data`, e && e.data, "a Float32Array (n × dim, row-major)");
  if (!Number.isInteger(e.dim) || e.dim < 1) throw new InvalidArgumentError(`${name}.dim`, e.dim, "a positive integer");
  if (e.data.length === 0 || e.data.length % e.dim !== 0) {
    throw new InvalidArgumentError(`${name}.data.length`, e.data.length, `a positive multiple of dim = ${e.dim}`);
  }
  return e.data.length / e.dim;
}

/**
 * Mean of the L2-normalised rows, in Float64. A zero row has no direction: it is an error.
 *
 * @example
 * meanUnitEmbedding({ data: new Float32Array([3, 4, 0, 2]), dim: 2 }); // Float64Array [0.3, 0.9]
 */
export function meanUnitEmbedding(e: Embeddings, name = "embeddings"): Float64Array {
  const n = rowsOf(e, name),
    d = e.dim,
    x = e.data;
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    let ss = 0;
    for (let k = 0; k < d; k++) ss += x[i * d + k] * x[i * d + k];
    if (!(ss > 0) || !Number.isFinite(ss))
      throw new InvalidArgumentError(`${name} row ${i} norm`, Math.sqrt(ss), "a finite non-zero norm");
    const inv = 1 / Math.sqrt(ss);
    for (let k = 0; k < d; k++) mean[k] += x[i * d + k] * inv;
  }
  for (let k = 0; k < d; k++) mean[k] /= n;
  return mean;
}

/**
 * Cosine "average of average" similarity: ⟨mean of unit target rows, mean of unit candidate rows⟩.
 * This equals the mean of all n·m pairwise cosines exactly (bilinearity), at O((n+m)·d) cost.
 * Higher = more similar.
 *
 * @example
 * cosineSimilarity(targetVal, candidateTrain); // in [−1, 1]
 */
export function cosineSimilarity(target: Embeddings, candidate: Embeddings): number {
  if (target.dim !== candidate.dim)
    throw new InvalidArgumentError("candidate.dim", candidate.dim, `the target's dim ${target.dim}`);
  const a = meanUnitEmbedding(target, "target"),
    b = meanUnitEmbedding(candidate, "candidate");
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k] * b[k];
  return s;
}

/** Options of {@link l2Distance}. */
export interface L2Options {
  /** Use at most this many rows per side, drawn without replacement with `seed` (default: all rows). */
  maxRows?: number;
  /** Seed of the subsample (default 0). */
  seed?: number;
}

/** Row indices to use: all, or a seeded subsample of `cap`. */
function sampleRows(n: number, cap: number | undefined, rng: Rng): number[] {
  const all = Array.from({ length: n }, (_, i) => i);
  if (cap === undefined || cap >= n) return all;
  return rng
    .shuffle(all)
    .slice(0, cap)
    .sort((a, b) => a - b);
}

/**
 * L2 "average of average": the mean Euclidean distance over all (target row, candidate row) pairs,
 * computed exactly from differences in Float64 (no ‖a‖²+‖b‖²−2ab cancellation). O(n·m·d): about a
 * second for 1000 × 1000 × 256; `maxRows` caps each side with a seeded subsample. Lower = more similar.
 *
 * @example
 * l2Distance(targetVal, candidateTrain, { maxRows: 500, seed: 1 });
 */
export function l2Distance(target: Embeddings, candidate: Embeddings, options: L2Options = {}): number {
  const n = rowsOf(target, "target"),
    m = rowsOf(candidate, "candidate");
  if (target.dim !== candidate.dim)
    throw new InvalidArgumentError("candidate.dim", candidate.dim, `the target's dim ${target.dim}`);
  const { maxRows, seed = 0 } = options;
  if (maxRows !== undefined && (!Number.isInteger(maxRows) || maxRows < 1))
    throw new InvalidArgumentError("maxRows", maxRows, "a positive integer");
  const rng = new Rng(seed);
  const ia = sampleRows(n, maxRows, rng),
    ib = sampleRows(m, maxRows, rng);
  const d = target.dim,
    x = target.data,
    y = candidate.data;
  const row = new Float64Array(d);
  let total = 0;
  for (const i of ia) {
    for (let k = 0; k < d; k++) row[k] = x[i * d + k];
    let rowTotal = 0; // per-row partial sums keep the accumulated error small
    for (const j of ib) {
      let ss = 0;
      const o = j * d;
      for (let k = 0; k < d; k++) {
        const t = row[k] - y[o + k];
        ss += t * t;
      }
      rowTotal += Math.sqrt(ss);
    }
    total += rowTotal;
  }
  return total / (ia.length * ib.length);
}
