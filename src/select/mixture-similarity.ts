import { InvalidArgumentError, TooLargeError } from "../util/errors";

/**
 * How a mixture's similarity is built from its datasets' similarities:
 * - "mean": the plain mean over the datasets in S. Its argmax is ALWAYS the single most similar dataset
 *   (a mean never exceeds its largest term), so as a selector it can only pick singletons.
 * - "pooled": the similarity of the union's examples pooled, i.e. the size-weighted mean. For both the
 *   cosine and the L2 "average of average" this is exact: they are means over pairs, and the union's
 *   pairs are the datasets' pairs.
 * - "top-k": the mean of the best k datasets in S (all of S when |S| ≤ k).
 */
export type MixtureRule = "mean" | "pooled" | "top-k";

/** Options of {@link mixtureSimilarity}. */
export interface MixtureSimilarityOptions {
  rule?: MixtureRule;
  /** Dataset sizes (train examples), required for "pooled". */
  sizes?: ArrayLike<number>;
  /** k of "top-k" (default 1). */
  k?: number;
  /** "higher" for cosine, "lower" for L2 distance: which datasets are "best" for top-k (default "higher"). */
  better?: "higher" | "lower";
}

/**
 * Per-mixture similarity, indexed by mask (index 0, the empty mixture, is NaN), from one similarity per
 * candidate dataset (bit i of the mask = dataset i).
 *
 * @example
 * mixtureSimilarity([0.9, 0.5], { rule: "mean" });                    // [NaN, 0.9, 0.5, 0.7]
 * mixtureSimilarity([0.9, 0.5], { rule: "pooled", sizes: [1, 3] });   // [NaN, 0.9, 0.5, 0.6]
 */
export function mixtureSimilarity(
  datasetScores: ArrayLike<number>,
  options: MixtureSimilarityOptions = {},
): Float64Array {
  const { rule = "mean", sizes, k = 1, better = "higher" } = options;
  const n = datasetScores.length;
  if (n < 1) throw new InvalidArgumentError("datasetScores.length", n, "at least one dataset");
  if (n > 24) throw new TooLargeError(`mixtureSimilarity over ${n} datasets: 2^${n} mixtures is too many (at most 24)`);
  if (rule !== "mean" && rule !== "pooled" && rule !== "top-k")
    throw new InvalidArgumentError("rule", rule, '"mean", "pooled" or "top-k"');
  if (rule === "pooled") {
    if (!sizes || sizes.length !== n)
      throw new InvalidArgumentError("sizes", sizes, `${n} dataset sizes for the "pooled" rule`);
    for (let i = 0; i < n; i++)
      if (!(sizes[i] > 0)) throw new InvalidArgumentError(`sizes[${i}]`, sizes[i], "a positive number");
  }
  if (rule === "top-k" && (!Number.isInteger(k) || k < 1)) throw new InvalidArgumentError("k", k, "a positive integer");
  if (better !== "higher" && better !== "lower")
    throw new InvalidArgumentError("better", better, '"higher" or "lower"');
  const out = new Float64Array(1 << n);
  out[0] = NaN;
  const members: number[] = [];
  for (let mask = 1; mask < out.length; mask++) {
    members.length = 0;
    for (let i = 0; i < n; i++) if (mask & (1 << i)) members.push(datasetScores[i]);
    if (rule === "pooled") {
      let s = 0,
        w = 0;
      for (let i = 0; i < n; i++)
        if (mask & (1 << i)) {
          s += sizes![i] * datasetScores[i];
          w += sizes![i];
        }
      out[mask] = s / w;
    } else {
      if (rule === "top-k") {
        members.sort((a, b) => (better === "higher" ? b - a : a - b));
        members.length = Math.min(k, members.length);
      }
      out[mask] = members.reduce((a, b) => a + b, 0) / members.length;
    }
  }
  return out;
}

/**
 * The mixture a similarity baseline selects, without enumerating 2^N mixtures: under every rule
 * ("mean", "pooled", "top-k") a mixture's similarity is a (weighted) mean of some of its datasets'
 * similarities, so it never beats its best member and the argmax (ties → lowest mask) is the singleton
 * of the first most similar dataset. Equals `argmaxMask(mixtureSimilarity(...))` (negated for "lower").
 *
 * @example
 * similarityPick([0.2, 0.9, 0.9]);            // 0b010
 * similarityPick([3.1, 2.5], "lower");        // 0b10 (smaller distance)
 */
export function similarityPick(datasetScores: ArrayLike<number>, better: "higher" | "lower" = "higher"): number {
  if (datasetScores.length < 1 || datasetScores.length > 30)
    throw new InvalidArgumentError("datasetScores.length", datasetScores.length, "1 … 30 datasets");
  let best = -1;
  for (let i = 0; i < datasetScores.length; i++) {
    const v = datasetScores[i];
    if (v !== v) continue;
    if (best < 0 || (better === "higher" ? v > datasetScores[best] : v < datasetScores[best])) best = i;
  }
  return best < 0 ? -1 : 1 << best;
}
