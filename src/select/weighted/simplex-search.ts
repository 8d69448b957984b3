import { InvalidArgumentError } from "../../util/errors";
import { Rng } from "../../util/rng";

/** One evaluated point of a weighted search. */
export interface WeightedPoint {
  readonly weights: readonly number[];
  readonly score: number;
}

/** What {@link simplexSearch} returns: the best point, the evaluations spent, and the path of accepted points. */
export interface WeightedSearchResult extends WeightedPoint {
  readonly evaluations: number;
  /** The start, then every accepted improvement, in order (for the widget's path). */
  readonly path: readonly WeightedPoint[];
}

/** Options of {@link simplexSearch}. */
export interface SimplexSearchOptions {
  /** Starting weights (e.g. uniform over the best binary mixture's members); normalised. */
  readonly start: ArrayLike<number>;
  /** Most objective evaluations, the start included (≥ 1). */
  readonly budget: number;
  readonly seed: number;
  /** First amount of weight moved between two datasets (default 0.25). */
  readonly step?: number;
  /** Stop once the move size halves below this (default 1/64). */
  readonly minStep?: number;
}

/**
 * Pattern search on the probability simplex for mixture proportions w (wᵢ ≥ 0, Σ w = 1) maximising a
 * black-box objective, e.g. −(validation loss) of the merged model Σ wᵢ θⁱ. A move shifts up to `step` of
 * weight from dataset j to dataset i; the pairs are tried in a seeded random order, the first improving
 * move is taken, and after a full pass without one the step halves. Every point stays on the simplex and
 * weights can reach exactly 0 (a dataset dropped) — the search starts from the best binary mixture and
 * can only improve on it. Deterministic for a seed; evaluations never exceed `budget`.
 *
 * @example
 * const r = simplexSearch((w) => -mergedLoss(w), 7, { start: uniformOver(bestMask, 7), budget: 200, seed: 0 });
 * r.weights;   // e.g. [0.5, 0, 0.375, 0.125, 0, 0, 0]
 */
export function simplexSearch(
  objective: (w: Float64Array) => number,
  n: number,
  o: SimplexSearchOptions,
): WeightedSearchResult {
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("n", n, "a positive number of datasets");
  if (!Number.isInteger(o.budget) || o.budget < 1)
    throw new InvalidArgumentError("budget", o.budget, "an integer ≥ 1 (merge-evaluations)");
  if (!o.start || o.start.length !== n)
    throw new InvalidArgumentError("start.length", o.start && o.start.length, `${n} (one weight per dataset)`);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const w = o.start[i];
    if (typeof w !== "number" || !Number.isFinite(w) || w < 0)
      throw new InvalidArgumentError(`start[${i}]`, w, "a finite weight ≥ 0");
    sum += w;
  }
  if (!(sum > 0)) throw new InvalidArgumentError("start", Array.from(o.start), "weights with a positive sum");
  let step = o.step ?? 0.25;
  const minStep = o.minStep ?? 1 / 64;
  if (!(step > 0 && step <= 1)) throw new InvalidArgumentError("step", step, "a move size in (0, 1]");
  if (!(minStep > 0)) throw new InvalidArgumentError("minStep", minStep, "a positive number");
  const rng = new Rng(o.seed);
  let w = Float64Array.from(o.start, (v) => v / sum);
  let best = objective(w);
  let evaluations = 1;
  const path: WeightedPoint[] = [{ weights: Array.from(w), score: best }];
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) pairs.push([i, j]);
  while (evaluations < o.budget && step >= minStep && n > 1) {
    let moved = false;
    for (const [i, j] of rng.shuffle(pairs)) {
      if (w[j] <= 0) continue;
      if (evaluations >= o.budget) break;
      const t = Math.min(step, w[j]);
      const cand = Float64Array.from(w);
      cand[i] += t;
      cand[j] -= t;
      if (cand[j] < 1e-12) cand[j] = 0;
      const s = objective(cand);
      evaluations++;
      if (s > best) {
        best = s;
        w = cand;
        moved = true;
        path.push({ weights: Array.from(w), score: best });
        break;
      }
    }
    if (!moved) step /= 2;
  }
  return { weights: Array.from(w), score: best, evaluations, path };
}

/**
 * Uniform weights over a mixture's members (bit i of `mask` = dataset i), length n.
 *
 * @example
 * uniformOver(0b101, 3);   // [0.5, 0, 0.5]
 */
export function uniformOver(mask: number, n: number): number[] {
  const k = [...Array(n).keys()].filter((i) => (mask >> i) & 1).length;
  if (k === 0) throw new InvalidArgumentError("mask", mask, `a non-empty mixture of ${n} datasets`);
  return Array.from({ length: n }, (_, i) => ((mask >> i) & 1 ? 1 / k : 0));
}
