import { InvalidArgumentError } from "../util/errors";
import { argmaxMask, rankOf } from "./metrics/rank-of";
import { membersOf } from "../merge/subsets";

/** Methods that select a mixture for a target. */
export type MethodName =
  | "merge-to-mix" // argmax of the merged model's validation score
  | "cosine" // average-of-average cosine similarity to the target
  | "l2" // average-of-average L2 distance (negated)
  | "random" // exact expectation over all mixtures (not a draw)
  | "all" // every candidate
  | "best-single" // the single dataset whose fine-tune scores best on the target's validation split
  | "oracle"; // argmax of the mixture-fine-tuned validation score (upper bound)

/** The mixture one method chose for one (seed, target), and how good it really is. */
export interface SelectionRow {
  seed: number;
  target: string;
  method: MethodName;
  /** Chosen mixture (for "random": -1, the value is an expectation over all mixtures). */
  mask: number;
  members: string[];
  /** Test accuracy of the mixture-fine-tuned model for the chosen mixture (random: mean over mixtures). */
  test_acc: number;
  /** oracle test_acc − this test_acc (≥ 0 up to val/test disagreement). */
  regret: number;
  /** 1-based rank of the chosen mixture among all mixtures by true validation score (random: expected rank). */
  rank: number;
}

/** Per-mixture numbers for one (seed, target): arrays indexed by mask, length 2^N (index 0 ignored). */
export interface SelectionInput {
  seed: number;
  target: string;
  /** The target's candidate list (bit i of a mask = candidates[i]). */
  candidates: readonly string[];
  /** Merged model's validation score (higher = better). */
  merged: ArrayLike<number>;
  /** Cosine similarity (higher = more similar). */
  cosine: ArrayLike<number>;
  /** L2 distance (lower = more similar). */
  l2: ArrayLike<number>;
  /** Mixture fine-tune's validation accuracy (null/NaN when not trained). */
  trueVal: ArrayLike<number | null>;
  /** Mixture fine-tune's test accuracy (null/NaN when not trained). */
  trueTest: ArrayLike<number | null>;
}

/** null → NaN, checked length. */
function toNumbers(name: string, values: ArrayLike<number | null>, length: number): Float64Array {
  if (!values || values.length !== length)
    throw new InvalidArgumentError(`${name}.length`, values && values.length, `${length} (2^N, indexed by mask)`);
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const v = values[i];
    out[i] = v == null ? NaN : v;
  }
  return out;
}

/** Methods in the order of the paper's main table. */
export const METHODS: readonly MethodName[] = [
  "merge-to-mix",
  "cosine",
  "l2",
  "random",
  "all",
  "best-single",
  "oracle",
];

/**
 * The mixture each method picks for one (seed, target), with its test accuracy, test regret versus the
 * oracle (the argmax of the true validation score) and its 1-based rank by true validation score.
 * - merge-to-mix: argmax of the merged score; cosine: argmax; l2: argmin (lower distance = better);
 *   ties → lowest mask throughout.
 * - random: the exact expectation over all 2^N − 1 mixtures (mask −1): mean test accuracy, mean rank.
 * - all: mask 2^N − 1. best-single: the singleton with the best merged score (= its own fine-tune).
 * - oracle: argmax of the true validation score.
 * Mixtures without ground truth (null) count as unknown: a method that picks one gets NaN test_acc.
 *
 * @example
 * const rows = pickMixtures({ seed: 0, target: "mnist", candidates, merged, cosine, l2, trueVal, trueTest });
 * rows.find((r) => r.method === "merge-to-mix")!.regret;
 */
export function pickMixtures(input: SelectionInput): SelectionRow[] {
  const { seed, target, candidates } = input;
  const n = candidates.length;
  if (n < 1 || n > 30) throw new InvalidArgumentError("candidates.length", n, "1 … 30 candidates");
  const len = 2 ** n;
  const merged = toNumbers("merged", input.merged, len);
  const cosine = toNumbers("cosine", input.cosine, len);
  const negL2 = toNumbers("l2", input.l2, len).map((v) => -v);
  const val = toNumbers("trueVal", input.trueVal, len);
  const test = toNumbers("trueTest", input.trueTest, len);

  const singles = new Float64Array(len).fill(NaN);
  for (let i = 0; i < n; i++) singles[1 << i] = merged[1 << i];
  const oracle = argmaxMask(val);
  const oracleTest = oracle > 0 ? test[oracle] : NaN;

  const row = (method: MethodName, mask: number): SelectionRow => {
    const acc = mask > 0 ? test[mask] : NaN;
    return {
      seed,
      target,
      method,
      mask,
      members: mask > 0 ? membersOf(mask, candidates) : [],
      test_acc: acc,
      regret: oracleTest - acc,
      rank: mask > 0 ? rankOf(mask, val) : NaN,
    };
  };

  // Exact expectation over a uniform draw of a mixture. Average ranks of k values always sum to
  // k(k+1)/2, so the expected rank is (k+1)/2; NaN when some mixture lacks a ground truth.
  const count = len - 1;
  let testSum = 0,
    missing = false;
  for (let m = 1; m < len; m++) {
    testSum += test[m];
    if (val[m] !== val[m]) missing = true;
  }
  const randomRow: SelectionRow = {
    seed,
    target,
    method: "random",
    mask: -1,
    members: [],
    test_acc: testSum / count,
    regret: oracleTest - testSum / count,
    rank: missing ? NaN : (count + 1) / 2,
  };

  return [
    row("merge-to-mix", argmaxMask(merged)),
    row("cosine", argmaxMask(cosine)),
    row("l2", argmaxMask(negL2)),
    randomRow,
    row("all", len - 1),
    row("best-single", argmaxMask(singles)),
    row("oracle", oracle),
  ];
}
