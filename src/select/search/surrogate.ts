import { InvalidArgumentError } from "../../util/errors";
import { silentProgress } from "../../util/progress";
import { Rng } from "../../util/rng";
import { BudgetedObjective, type Objective, type SearchOptions, type SearchResult } from "./objective";

/** Options of {@link surrogateSearch}. */
export interface SurrogateOptions extends SearchOptions {
  /** "linear": score ≈ w0 + Σ wi; "pairwise": + Σ wij for pairs in the mixture (default "pairwise"). */
  model?: "linear" | "pairwise";
  /** Random mixtures evaluated to fit the model (default: 2 × the number of model terms, at most 2^N − 1). */
  samples?: number;
  /** Top predicted, not yet evaluated mixtures to verify with the real objective (default 3). */
  verify?: number;
  /** Ridge penalty on the non-intercept weights (default 1e-3). */
  ridge?: number;
  seed?: number;
}

/** A fitted additive(+pairwise) surrogate of the mixture score. */
export interface SurrogateFit {
  intercept: number;
  /** wi per dataset. */
  linear: Float64Array;
  /** wij at [i*n + j] for i < j (zeros for the linear model). */
  pairwise: Float64Array;
}

/** Predicted score of a mixture under a fit. */
export function predictSurrogate(fit: SurrogateFit, mask: number): number {
  const n = fit.linear.length;
  let s = fit.intercept;
  for (let i = 0; i < n; i++) {
    if (!(mask & (1 << i))) continue;
    s += fit.linear[i];
    for (let j = i + 1; j < n; j++) if (mask & (1 << j)) s += fit.pairwise[i * n + j];
  }
  return s;
}

/** Solve the symmetric positive-definite system A x = b (Cholesky, in place on a copy). */
function solveSpd(a: Float64Array, b: Float64Array, p: number): Float64Array {
  const l = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * p + j];
      for (let k = 0; k < j; k++) s -= l[i * p + k] * l[j * p + k];
      if (i === j) l[i * p + i] = Math.sqrt(Math.max(s, 1e-300));
      else l[i * p + j] = s / l[j * p + j];
    }
  }
  const y = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i * p + k] * y[k];
    y[i] = s / l[i * p + i];
  }
  const x = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let s = y[i];
    for (let k = i + 1; k < p; k++) s -= l[k * p + i] * x[k];
    x[i] = s / l[i * p + i];
  }
  return x;
}

/**
 * Ridge least-squares fit of a linear or pairwise surrogate to (mask, score) samples.
 *
 * @example
 * const fit = fitSurrogate(5, [1, 2, 3, 7], [0.1, 0.2, 0.35, 0.5], "linear");
 */
export function fitSurrogate(
  n: number,
  masks: readonly number[],
  scores: readonly number[],
  model: "linear" | "pairwise" = "pairwise",
  ridge = 1e-3,
): SurrogateFit {
  if (masks.length !== scores.length)
    throw new InvalidArgumentError("scores.length", scores.length, `one score per mask (${masks.length})`);
  const pairs: Array<[number, number]> = [];
  if (model === "pairwise") for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) pairs.push([i, j]);
  const p = 1 + n + pairs.length;
  const ata = new Float64Array(p * p),
    atb = new Float64Array(p),
    row = new Float64Array(p);
  masks.forEach((mask, r) => {
    if (!Number.isFinite(scores[r])) return; // an undefined score carries no information
    row.fill(0);
    row[0] = 1;
    for (let i = 0; i < n; i++) if (mask & (1 << i)) row[1 + i] = 1;
    pairs.forEach(([i, j], k) => {
      if (mask & (1 << i) && mask & (1 << j)) row[1 + n + k] = 1;
    });
    for (let a = 0; a < p; a++) {
      if (!row[a]) continue;
      atb[a] += scores[r];
      for (let b = 0; b < p; b++) if (row[b]) ata[a * p + b] += 1;
    }
  });
  for (let a = 1; a < p; a++) ata[a * p + a] += ridge;
  ata[0] += 1e-12; // keeps the intercept solvable with no samples
  const w = solveSpd(ata, atb, p);
  const pairwise = new Float64Array(n * n);
  pairs.forEach(([i, j], k) => {
    pairwise[i * n + j] = w[1 + n + k];
  });
  return { intercept: w[0], linear: w.slice(1, 1 + n), pairwise };
}

/** Mixtures ranked by predicted score (best first), exhaustive for n ≤ 20, 1-flip local search beyond. */
function rankPredictions(fit: SurrogateFit, n: number, rng: Rng, want: (mask: number) => boolean, k: number): number[] {
  const out: Array<[number, number]> = [];
  if (n <= 20) {
    // pred[mask] from pred[mask without its lowest bit]: O(2^n · n).
    const pred = new Float64Array(2 ** n);
    pred[0] = fit.intercept;
    for (let m = 1; m < pred.length; m++) {
      const low = 31 - Math.clz32(m & -m),
        rest = m & (m - 1);
      let s = pred[rest] + fit.linear[low];
      for (let j = low + 1; j < n; j++) if (rest & (1 << j)) s += fit.pairwise[low * n + j];
      pred[m] = s;
      if (want(m)) out.push([m, s]);
    }
  } else {
    const seen = new Set<number>();
    for (let r = 0; r < 8 * k; r++) {
      let m = rng.int(2 ** 30) & (2 ** n - 1) || 1,
        s = predictSurrogate(fit, m);
      for (let improved = true; improved;) {
        improved = false;
        for (let i = 0; i < n; i++) {
          const c = m ^ (1 << i);
          if (c === 0) continue;
          const cs = predictSurrogate(fit, c);
          if (cs > s) {
            m = c;
            s = cs;
            improved = true;
          }
        }
      }
      if (!seen.has(m) && want(m)) {
        seen.add(m);
        out.push([m, s]);
      }
    }
  }
  out.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  return out.slice(0, k).map((x) => x[0]);
}

/**
 * Regression-surrogate search: evaluate a seeded random sample of mixtures, fit a linear or pairwise
 * model of the score by ridge least squares, then evaluate the top `verify` mixtures the model
 * predicts (not already evaluated) and return the best evaluated mixture. Under a `budget`, the sample
 * shrinks to fit it (the verification keeps at most half of it).
 *
 * @example
 * const r = await surrogateSearch(score, 14, { model: "pairwise", seed: 3, verify: 5 });
 */
export async function surrogateSearch(
  score: Objective,
  n: number,
  options: SurrogateOptions = {},
): Promise<SearchResult> {
  const { model = "pairwise", verify = 3, ridge = 1e-3, seed = 0 } = options;
  if (model !== "linear" && model !== "pairwise")
    throw new InvalidArgumentError("model", model, '"linear" or "pairwise"');
  const progress = options.progress ?? silentProgress;
  const ev = new BudgetedObjective(score, n, progress, options.budget);
  const terms = 1 + n + (model === "pairwise" ? (n * (n - 1)) / 2 : 0);
  const total = 2 ** n - 1;
  if (options.samples !== undefined && (!Number.isInteger(options.samples) || options.samples < 1))
    throw new InvalidArgumentError("samples", options.samples, "a positive integer");
  if (!Number.isInteger(verify) || verify < 0)
    throw new InvalidArgumentError("verify", verify, "a non-negative integer");
  // Under a budget the verification keeps its share (at most half) and the fit sample takes the rest.
  const verifyN = Math.min(verify, Math.floor(ev.budget / 2));
  const samples = Math.max(1, Math.min(options.samples ?? 2 * terms, total, ev.budget - verifyN));
  const rng = new Rng(seed);
  progress.start(`surrogate search (${model})`, samples + verifyN);
  return ev.run(async () => {
    const masks: number[] = [],
      scores: number[] = [];
    const chosen = new Set<number>();
    while (chosen.size < samples) {
      const m = samples * 2 > total ? 1 + rng.int(total) : rng.int(2 ** 30) & total;
      if (m === 0 || chosen.has(m)) continue;
      chosen.add(m);
      masks.push(m);
      scores.push(await ev.score(m));
    }
    ev.step();
    const fit = fitSurrogate(n, masks, scores, model, ridge);
    for (const m of rankPredictions(fit, n, rng, (x) => !ev.has(x), verifyN)) await ev.score(m);
    ev.step();
  });
}
