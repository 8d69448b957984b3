import { mean } from "../select/metrics/finite-stats";
import { argmaxMask, rankOf } from "../select/metrics/rank-of";
import type { RunResults } from "./results";

/** One target's ground truth averaged over the run's seeds, indexed by mask (index 0 unused; NaN = not trained). */
export interface SeedAveragedTruth {
  readonly target: string;
  readonly testAcc: Float64Array;
  readonly valAcc: Float64Array;
  readonly valLoss: Float64Array;
  /** argmax of the seed-averaged validation accuracy (ties → lowest mask); −1 without truth. */
  readonly oracle: number;
  readonly oracleTest: number;
  /** The expectation over a uniform draw of a mixture: mean seed-averaged test accuracy. */
  readonly randomTest: number;
}

/** How good a picked mixture really is, on the seed-averaged truth (accuracies as fractions). */
export interface JudgedPick {
  readonly testAcc: number;
  /** oracle − pick, test accuracy. */
  readonly regret: number;
  /** (oracle − pick) / (oracle − random): 0 = the oracle's mixture, 1 = no better than a random mixture. NaN when oracle ≤ random. */
  readonly normalisedRegret: number;
  /** oracle − random: the denominator (aggregate normalised regret as Σ regret / Σ gap). */
  readonly gap: number;
  /** 100 = the best mixture by seed-averaged validation accuracy, 0 = the worst, 50 = the median. */
  readonly percentile: number;
}

/**
 * Average the mixture fine-tunes' truth over seeds, per target. Training noise moves a single seed's test
 * accuracy by about as much as mixtures differ, so selections are judged on this average, not on the
 * seed whose merged scores chose them.
 *
 * @example
 * const truth = seedAveragedTruth(results).get("mnist")!;
 * judgePick(truth, mask).normalisedRegret;
 */
export function seedAveragedTruth(r: RunResults): Map<string, SeedAveragedTruth> {
  const out = new Map<string, SeedAveragedTruth>();
  for (const target of r.targets) {
    const len = 2 ** r.candidates[target].length;
    const acc = {
      test: Array.from({ length: len }, () => [] as number[]),
      val: Array.from({ length: len }, () => [] as number[]),
      loss: Array.from({ length: len }, () => [] as number[]),
    };
    for (const m of r.mixtures) {
      if (m.target !== target) continue;
      if (m.true_test_acc != null) acc.test[m.mask].push(m.true_test_acc);
      if (m.true_val_acc != null) acc.val[m.mask].push(m.true_val_acc);
      if (m.true_val_loss != null) acc.loss[m.mask].push(m.true_val_loss);
    }
    const testAcc = Float64Array.from(acc.test, (xs) => mean(xs)),
      valAcc = Float64Array.from(acc.val, (xs) => mean(xs)),
      valLoss = Float64Array.from(acc.loss, (xs) => mean(xs));
    testAcc[0] = valAcc[0] = valLoss[0] = NaN;
    const oracle = argmaxMask(valAcc);
    out.set(target, {
      target,
      testAcc,
      valAcc,
      valLoss,
      oracle,
      oracleTest: oracle > 0 ? testAcc[oracle] : NaN,
      randomTest: mean(testAcc.subarray(1)),
    });
  }
  return out;
}

/**
 * Judge a picked mixture on the seed-averaged truth. `mask` −1 stands for the random baseline (its
 * exact expectation: mean test accuracy, percentile 50).
 *
 * @example
 * judgePick(truth, 0b0101);   // { testAcc: 0.62, regret: 0.01, normalisedRegret: 0.3, percentile: 91.3 }
 */
export function judgePick(t: SeedAveragedTruth, mask: number): JudgedPick {
  const testAcc = mask === -1 ? t.randomTest : mask > 0 && mask < t.testAcc.length ? t.testAcc[mask] : NaN;
  const regret = t.oracleTest - testAcc;
  const gap = t.oracleTest - t.randomTest;
  const count = t.valAcc.length - 1;
  const percentile =
    mask === -1
      ? 50
      : mask > 0 && mask < t.valAcc.length && count > 1
        ? (100 * (count - rankOf(mask, t.valAcc))) / (count - 1)
        : NaN;
  return { testAcc, regret, normalisedRegret: gap > 0 ? regret / gap : NaN, gap, percentile };
}
