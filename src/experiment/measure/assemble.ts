import type { Suite } from "../../data/types";
import { popcount } from "../../merge/subsets";
import { correlations, meanCorrelations } from "../../select/correlations";
import { mixtureSimilarity } from "../../select/mixture-similarity";
import { pickMixtures } from "../../select/select";
import type { FineTuneRecord } from "../finetune-pool";
import { toGlobalMask } from "./global-mask";
import type { BaseScore } from "./base-scores";
import { selectionScore } from "../../select/selection-score";
import { denseScores, type MixtureScores } from "./mixture-scores";
import type { BaseRow, CorrelationRow, CostRow, MixtureRow, RunResults, SelectionRow } from "../../results/results";
import type { DatasetSimilarity } from "./similarity-scores";
import type { ExperimentSpec } from "../spec";

import type { TruthRecord } from "./ground-truth";
export type { TruthRecord };

/** Everything measured by a run, as the driver hands it over. */
export interface RunMeasurements {
  spec: ExperimentSpec;
  suite: Suite;
  plans: Array<{ target: string; candidates: string[]; globalBits: number[] }>;
  base: Map<string, BaseScore>;
  sims: Record<string, DatasetSimilarity>;
  /** Key `${seed}/${target}`. */
  merged: Map<string, MixtureScores>;
  finetune(seed: number, globalMask: number): FineTuneRecord | undefined;
  truth(seed: number, globalMask: number, target: string): TruthRecord | undefined;
  started: string;
}

/** The run's search (every target of a run shares one; evaluations are per target in the cost rows). */
function searchOf(m: RunMeasurements): RunResults["search"] {
  const first = m.merged.values().next().value as MixtureScores | undefined;
  return first ? { strategy: first.search.strategy, budget: first.search.budget } : undefined;
}

/**
 * Turn stored measurements into the results tables: one MixtureRow per (seed, target, scored mixture),
 * the selections of every method, correlations per target and their mean, θ0 rows, and the cost of
 * Merge to Mix versus exhaustive mixture fine-tuning (CPU seconds of fine-tunes and evaluations).
 * Without a ground truth nothing is derived from one: no oracle or random rows, no correlations, and the
 * exhaustive side of the cost is NaN; such a run is complete once every merged score is in.
 *
 * @example
 * const results = assembleResults(measurements);
 */
export function assembleResults(m: RunMeasurements): RunResults {
  const { spec, suite } = m;
  const mixtures: MixtureRow[] = [],
    selections: SelectionRow[] = [],
    corr: CorrelationRow[] = [],
    cost: CostRow[] = [],
    base: BaseRow[] = [];
  let complete = true;
  for (const seed of spec.seeds) {
    const seedCorr: CorrelationRow[] = [];
    const allCost = {
      m2mFt: new Set<number>(),
      m2mSamples: 0,
      m2mSeconds: 0,
      evals: 0,
      searchEvals: 0,
      mergeSeconds: 0,
      exFt: new Set<number>(),
      exSamples: 0,
      exSeconds: 0,
    };
    for (const p of m.plans) {
      const n = p.candidates.length,
        len = 2 ** n;
      const ms = m.merged.get(`${seed}/${p.target}`)!;
      const dense = denseScores(ms, n);
      const sim = m.sims[p.target];
      const sizes = p.globalBits.map((b) => suite.tasks[b].splits.train.n);
      const cosine = mixtureSimilarity(
        p.candidates.map((c) => sim.cosine[c]),
        { rule: spec.similarityRule, sizes, k: spec.topK, better: "higher" },
      );
      const l2 = mixtureSimilarity(
        p.candidates.map((c) => sim.l2[c]),
        { rule: spec.similarityRule, sizes, k: spec.topK, better: "lower" },
      );
      const tv = new Array<number | null>(len).fill(null),
        tl = new Array<number | null>(len).fill(null),
        tt = new Array<number | null>(len).fill(null);
      let exSamples = 0,
        exSeconds = 0,
        exCount = 0;
      const truths = new Array<TruthRecord | undefined>(len);
      for (let mask = 1; mask < len && spec.groundTruth; mask++) {
        const g = toGlobalMask(mask, p.globalBits);
        const t = (truths[mask] = m.truth(seed, g, p.target));
        const ft = m.finetune(seed, g);
        if (t) {
          tv[mask] = t.val_acc;
          tl[mask] = t.val_loss;
          tt[mask] = t.test_acc;
        } else complete = false;
        if (ft && t) {
          exSamples += ft.samples;
          exSeconds += ft.seconds + t.val_seconds;
          exCount++;
        }
        if (ft && !allCost.exFt.has(g)) {
          allCost.exFt.add(g);
          allCost.exSamples += ft.samples;
          allCost.exSeconds += ft.seconds;
        }
        if (t) allCost.exSeconds += t.val_seconds;
      }
      // One row per mixture with a merged score (all of them under exhaustive search).
      for (const mask of ms.masks) {
        const t = truths[mask];
        mixtures.push({
          seed,
          target: p.target,
          mask,
          members: p.candidates.filter((_, i) => (mask >> i) & 1),
          size: popcount(mask),
          merged_val_acc: dense.acc[mask],
          merged_val_loss: dense.loss[mask],
          cosine: cosine[mask],
          l2: l2[mask],
          true_val_acc: tv[mask],
          true_val_loss: tl[mask],
          true_test_acc: tt[mask],
          true_test_loss: t ? t.test_loss : null,
        });
      }
      const score = dense.acc.map((a, m) => selectionScore(spec.score, a, dense.loss[m]));
      const picks = pickMixtures({
        seed,
        target: p.target,
        candidates: p.candidates,
        merged: score,
        cosine,
        l2,
        trueVal: tv,
        trueTest: tt,
      });
      // Without a ground truth there is no oracle and no expectation over truths: those rows are left out.
      selections.push(
        ...(spec.groundTruth ? picks : picks.filter((r) => r.method !== "oracle" && r.method !== "random")),
      );
      if (spec.groundTruth)
        seedCorr.push(
          ...correlations({
            seed,
            target: p.target,
            merged: dense.acc,
            mergedLoss: dense.loss,
            cosine,
            l2,
            trueValAcc: tv,
            trueValLoss: tl,
          }),
        );
      const b = m.base.get(p.target)!;
      base.push({ seed, target: p.target, val_acc: b.val, val_loss: b.valLoss, test_acc: b.test });

      let m2mSamples = 0,
        m2mSeconds = ms.seconds;
      for (const bit of p.globalBits) {
        const ft = m.finetune(seed, 1 << bit);
        if (ft) {
          m2mSamples += ft.samples;
          m2mSeconds += ft.seconds;
        }
        if (ft && !allCost.m2mFt.has(bit)) {
          allCost.m2mFt.add(bit);
          allCost.m2mSamples += ft.samples;
          allCost.m2mSeconds += ft.seconds;
        }
      }
      allCost.m2mSeconds += ms.seconds;
      allCost.evals += ms.masks.length;
      allCost.searchEvals += ms.searchEvaluations;
      allCost.mergeSeconds += ms.seconds;
      const full = exCount === len - 1;
      cost.push({
        seed,
        target: p.target,
        m2m_finetunes: n,
        m2m_finetune_samples: m2mSamples,
        m2m_merge_evals: ms.masks.length,
        m2m_search_evals: ms.searchEvaluations,
        m2m_merge_seconds: ms.seconds,
        m2m_seconds: m2mSeconds,
        exhaustive_finetunes: len - 1,
        exhaustive_finetune_samples: full ? exSamples : NaN,
        exhaustive_seconds: full ? exSeconds : NaN,
        speedup: full ? exSeconds / m2mSeconds : NaN,
      });
    }
    corr.push(...seedCorr, ...meanCorrelations(seedCorr));
    const ok = spec.groundTruth && complete;
    cost.push({
      seed,
      target: "all",
      m2m_finetunes: allCost.m2mFt.size,
      m2m_finetune_samples: allCost.m2mSamples,
      m2m_merge_evals: allCost.evals,
      m2m_search_evals: allCost.searchEvals,
      m2m_merge_seconds: allCost.mergeSeconds,
      m2m_seconds: allCost.m2mSeconds,
      exhaustive_finetunes: allCost.exFt.size,
      exhaustive_finetune_samples: ok ? allCost.exSamples : NaN,
      exhaustive_seconds: ok ? allCost.exSeconds : NaN,
      speedup: ok ? allCost.exSeconds / allCost.m2mSeconds : NaN,
    });
  }
  const tasks: RunResults["tasks"] = {};
  for (const t of suite.tasks) tasks[t.name] = { title: t.title, classes: [...t.classes] };
  return {
    version: 1,
    spec: JSON.parse(JSON.stringify(spec)),
    suite: suite.name,
    targets: m.plans.map((p) => p.target),
    candidates: Object.fromEntries(m.plans.map((p) => [p.target, p.candidates])),
    tasks,
    seeds: [...spec.seeds],
    groundTruth: spec.groundTruth,
    search: searchOf(m),
    mixtures,
    selections,
    correlations: corr,
    base,
    cost,
    complete,
    started: m.started,
    finished: new Date().toISOString(),
  };
}
