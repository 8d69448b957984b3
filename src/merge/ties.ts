import { ParamVector } from "../params/param-vector";
import { validateBase, validateK, validateLambda, validateModels } from "./validate";

/** Options of {@link ties}. */
export interface TiesOptions {
  /** Percent of the largest-magnitude entries kept in each task vector, in (0, 100]. */
  k: number;
  /** Scale of the merged task vector (default 1). */
  lambda?: number;
}

/**
 * TIES-Merging (Yadav et al. 2023) on task vectors τ_i = θ_i − θ0:
 * 1. trim: keep the ⌈k/100 · P⌉ largest-|τ_i| entries of each task vector (over the whole vector,
 *    ties at the threshold broken by lower index so exactly that many are kept), zero the rest;
 * 2. elect: the sign of each entry is the sign of the sum of the trimmed values (0 when the sum is 0);
 * 3. disjoint mean: average, per entry, only the trimmed non-zero values whose sign agrees (0 if none);
 * then θ = θ0 + λ · τ_merged. Memory O(P) whatever the number of models (two passes over them).
 *
 * @example
 * const merged = ties(base, [mnist, fashion, kmnist], { k: 20, lambda: 1 });
 */
export function ties(base: ParamVector, models: readonly ParamVector[], options: TiesOptions): ParamVector {
  validateModels(models);
  validateBase(base, models);
  const k = validateK(options && options.k);
  const lambda = validateLambda(options.lambda === undefined ? 1 : options.lambda);
  const size = base.size;
  const b = base.data;
  const keep = Math.min(size, Math.ceil((k / 100) * size));
  const cuts = models.map((m) => trimThreshold(m.data, b, keep));

  // Pass 1: elected sign per entry from the sum of trimmed values.
  const sum = new Float64Array(size);
  models.forEach((m, i) => forEachKept(m.data, b, cuts[i], (j, t) => (sum[j] += t)));
  // Pass 2: disjoint mean over entries agreeing with the elected sign.
  const agreeSum = new Float64Array(size);
  const agreeCount = new Uint32Array(size);
  models.forEach((m, i) =>
    forEachKept(m.data, b, cuts[i], (j, t) => {
      if ((t > 0 && sum[j] > 0) || (t < 0 && sum[j] < 0)) {
        agreeSum[j] += t;
        agreeCount[j]++;
      }
    }),
  );
  const out = new Float32Array(size);
  for (let j = 0; j < size; j++) out[j] = agreeCount[j] ? b[j] + (lambda * agreeSum[j]) / agreeCount[j] : b[j];
  const merged = new ParamVector(base.layout, out);
  merged.assertFinite("TIES result");
  return merged;
}

/**
 * TIES's trim step alone: `model` with every entry outside the ⌈k/100 · P⌉ largest |θ − θ0| reset to
 * θ0's value (the kept entries are the model's own, bit for bit). Trimming does not depend on the other
 * models, so a sweep over many subsets trims each model once:
 * ties(θ0, models, { k }) equals ties(θ0, models.map((m) => tiesTrim(θ0, m, k)), { k: 100 }).
 *
 * @example
 * const trimmed = singles.map((m) => tiesTrim(theta0, m, 20));
 */
export function tiesTrim(base: ParamVector, model: ParamVector, k: number): ParamVector {
  validateModels([model]);
  validateBase(base, [model]);
  const kk = validateK(k);
  const b = base.data,
    d = model.data;
  const cut = trimThreshold(d, b, Math.min(b.length, Math.ceil((kk / 100) * b.length)));
  const out = Float32Array.from(b);
  forEachKept(d, b, cut, (j) => {
    out[j] = d[j];
  });
  return new ParamVector(base.layout, out);
}

/** Which entries a task vector keeps: all with |τ| > threshold, plus the first `ties` with |τ| = threshold. */
interface Cut {
  threshold: number;
  ties: number;
}

function trimThreshold(d: Float32Array, b: Float32Array, keep: number): Cut {
  const size = d.length;
  if (keep >= size) return { threshold: -1, ties: 0 };
  const mag = new Float64Array(size);
  for (let j = 0; j < size; j++) mag[j] = Math.abs(d[j] - b[j]);
  mag.sort();
  const threshold = mag[size - keep];
  let above = 0;
  for (let j = size - 1; j >= 0 && mag[j] > threshold; j--) above++;
  return { threshold, ties: keep - above };
}

function forEachKept(d: Float32Array, b: Float32Array, cut: Cut, visit: (j: number, t: number) => void): void {
  let ties = cut.ties;
  for (let j = 0; j < d.length; j++) {
    const t = d[j] - b[j];
    if (t === 0) continue; // a kept zero contributes nothing
    const a = Math.abs(t);
    if (a > cut.threshold || (a === cut.threshold && ties-- > 0)) visit(j, t);
  }
}
