import { mergeScorer } from "../../evaluate/merge-scorer";
import { normaliseWeights } from "../../util/normalise-weights";
import { weightedMean } from "../../merge/weighted-mean";
import { fineTuneRegime } from "../finetune-job";
import { fineTune } from "../../model/finetune";
import { argmaxMask } from "../../select/metrics/rank-of";
import { simplexSearch, uniformOver, type WeightedPoint } from "../../select/weighted/simplex-search";
import { InvalidArgumentError } from "../../util/errors";
import { hashSeed } from "../../util/rng";
import type { TruthRecord } from "./ground-truth";
import type { Engine } from "../engine";
import { toGlobalMask } from "./global-mask";
import { selectionScore } from "../../select/selection-score";
import { denseScores, type MixtureScores } from "./mixture-scores";
import type { TargetPlan } from "../plan";
import { singlesOf } from "./single-fine-tunes";
import type { WeightedRow } from "../../results/weighted-row";
import type { WeightedTruth } from "../../results/weighted-row";

/** Default merge-evaluations the weighted search may spend per (seed, target). */
export const DEFAULT_WEIGHTED_BUDGET = 200;

/** Check a weighted-search budget (undefined = the default). */
export function checkWeightedBudget(budget: number | undefined): void {
  if (budget !== undefined && (!Number.isInteger(budget) || budget < 1))
    throw new InvalidArgumentError("weighted budget", budget, "an integer ≥ 1 (merge-evaluations)");
}

/** Check user-given mixture weights: finite, ≥ 0, one per candidate, positive sum (typed errors naming the value). */
export function checkWeights(weights: readonly number[], n: number): number[] {
  return Array.from(normaliseWeights(weights, n));
}

/** Fine-tune θ0 with sampling proportions `w` (members with w > 0) and evaluate it on the target (stored). */
function weightedFineTune(e: Engine, seed: number, p: TargetPlan, kind: string, w: readonly number[]): WeightedTruth {
  const key = `${seed}/${p.target.name}/${kind}`;
  const hit = e.store.get<WeightedTruth & { weights: number[] }>("weighted-truth", key);
  if (hit && hit.weights.every((v, i) => Math.abs(v - w[i]) < 1e-12)) return hit;
  const members = p.candidates.map((task, i) => ({ task, weight: w[i] })).filter((m) => m.weight > 0);
  const r = fineTune(
    e.theta0,
    e.ctx.netSpec,
    members,
    e.ctx.recipe,
    e.ctx.headRule,
    hashSeed(`finetune-weighted:${seed}:${p.target.name}:${kind}`),
    undefined,
    fineTuneRegime(e.ctx), // tangent / anchored runs fine-tune their weighted mixtures the same way
  );
  e.ev.load(r.params);
  const val = e.ev.evaluate(p.target, "val"),
    test = e.ev.evaluate(p.target, "test");
  const rec = {
    weights: [...w],
    val_acc: val.accuracy,
    val_loss: val.loss,
    test_acc: test.accuracy,
    seconds: r.seconds,
  };
  e.store.put("weighted-truth", key, rec);
  return rec;
}

/**
 * Weighted mixing for one (seed, target): starting from Merge to Mix's binary pick (uniform weights over
 * its members), a seeded pattern search on the simplex over every candidate maximises the weighted merge
 * Σ wᵢ θⁱ's validation score (first-layer projections: each point costs one evaluation of the later
 * layers) within `budget` merge-evaluations. With `truth`, fine-tunes θ0 with sampling proportions — the
 * optimised w, uniform and size-proportional over the binary pick — for the binary pick's step budget,
 * and evaluates them on the target. Stored, so resumed runs reuse it.
 *
 * @example
 * const row = await weightedMixture(engine, 0, engine.plans[0], merged, { budget: 200, truth: true });
 * row.weights;   // e.g. [0.62, 0.31, 0.07, 0, 0, 0, 0]
 */
export async function weightedMixture(
  e: Engine,
  seed: number,
  p: TargetPlan,
  merged: MixtureScores,
  o: { budget?: number; truth: boolean },
): Promise<WeightedRow> {
  checkWeightedBudget(o.budget);
  const budget = o.budget ?? DEFAULT_WEIGHTED_BUDGET;
  const n = p.candidates.length;
  const key = `${seed}/${p.target.name}/${budget}`;
  let row = e.store.get<WeightedRow>("weighted", key);
  if (!row) {
    const dense = denseScores(merged, n);
    const binary = argmaxMask(dense.acc.map((a, m) => selectionScore(e.spec.score, a, dense.loss[m])));
    const singles = singlesOf(e, seed, p);
    const scorer = mergeScorer(e.ev, p.target);
    try {
      const models = singles.map((s) => scorer.prepare(s));
      const score = (w: ArrayLike<number>) => scorer.score(weightedMean(models, w));
      const last = new Map<string, { accuracy: number; loss: number }>();
      const objective = (w: Float64Array) => {
        const r = score(w);
        last.set(Array.from(w).join(","), r);
        return selectionScore(e.spec.score, r.accuracy, r.loss);
      };
      const res = simplexSearch(objective, n, {
        start: uniformOver(binary, n),
        budget,
        seed: hashSeed(`weighted:${seed}:${p.target.name}`),
      });
      const best = last.get(res.weights.join(",")) ?? score(res.weights);
      row = {
        seed,
        target: p.target.name,
        candidates: p.candidates.map((c) => c.name),
        binary_mask: binary,
        binary_merged_loss: dense.loss[binary],
        binary_merged_acc: dense.acc[binary],
        weights: [...res.weights],
        merged_loss: best.loss,
        merged_acc: best.accuracy,
        evaluations: res.evaluations,
        path: [...res.path],
        truth: null,
      };
    } finally {
      scorer.dispose();
    }
    e.store.put("weighted", key, row);
  }
  const done: WeightedRow = row;
  if (!o.truth || done.truth) return done;
  const sizes = p.candidates.map((c, i) => ((done.binary_mask >> i) & 1 ? c.splits.train.n : 0));
  const binaryTruth = e.store.get<TruthRecord>(
    "truth",
    `${seed}/${toGlobalMask(done.binary_mask, p.globalBits)}/${p.target.name}`,
  );
  const withTruth: WeightedRow = {
    ...done,
    truth: {
      weighted: weightedFineTune(e, seed, p, "weighted", done.weights),
      uniform: weightedFineTune(e, seed, p, "uniform", uniformOver(done.binary_mask, n)),
      proportional: weightedFineTune(e, seed, p, "proportional", checkWeights(sizes, n)),
      binary: binaryTruth ? { val_acc: binaryTruth.val_acc, test_acc: binaryTruth.test_acc } : null,
    },
  };
  e.store.put("weighted", key, withTruth);
  return withTruth;
}
