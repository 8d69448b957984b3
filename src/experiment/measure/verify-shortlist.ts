import { selectionScore } from "../../select/selection-score";
import { adaptiveNext, type VerifiedScore } from "../../select/verify/adaptive";
import { shortlistOrder, type ShortlistStrategy } from "../../select/verify/strategy";
import type { ScoredMixture } from "../../results/recommendation";
import type { Verified, VerifiedMixture } from "../../results/verified";
import type { Engine } from "../engine";
import { ensureFineTunes, fineTuneKey, type FineTuneRecord } from "../finetune-pool";
import type { TargetPlan } from "../plan";
import { toGlobalMask } from "./global-mask";
import { mixtureSimilarity } from "../../select/mixture-similarity";
import { targetSimilarities } from "./similarity-scores";

/** Options of {@link verifyShortlist}. */
export interface VerifyShortlistOptions {
  k: number;
  strategy: ShortlistStrategy;
  /** `portfolio`: the other scorers' scores by mask (higher is better), taking turns after the merged model. */
  others: ReadonlyArray<ArrayLike<number>>;
}

/**
 * Fine-tune θ0 on a shortlist of the merged ranking (`ranked`, best first) and evaluate each on the target's
 * validation split: the first K of the strategy's order in parallel, or — `adaptive` — one at a time while
 * the rule says a next one could still win. The pick is the best real validation score (the run's
 * selection score; ties → the earlier verified). Fine-tunes are stored like any other (a rerun resumes;
 * the final model's fine-tune of the pick is then a cache hit).
 *
 * @example
 * const v = await verifyShortlist(engine, plan, 0, ranked, { k: 3, strategy: "top", others: [] });
 * v.recommended;   // the mask to train the final model on
 */
export async function verifyShortlist(
  e: Engine,
  plan: TargetPlan,
  seed: number,
  ranked: readonly ScoredMixture[],
  o: VerifyShortlistOptions,
): Promise<Verified> {
  const len = 2 ** plan.candidates.length,
    rule = e.spec.score;
  const scores = new Float64Array(len).fill(NaN),
    rank = new Map<number, number>(),
    byMask = new Map<number, ScoredMixture>();
  ranked.forEach((m, i) => {
    scores[m.mask] = selectionScore(rule, m.merged_val_acc, m.merged_val_loss);
    rank.set(m.mask, i + 1);
    byMask.set(m.mask, m);
  });
  const order = shortlistOrder(o.strategy === "adaptive" ? "top" : o.strategy, { scores, others: o.others });
  const done: VerifiedMixture[] = [];
  let seconds = 0;
  const verify = async (masks: number[]) => {
    const jobs = masks.map((m) => ({ mask: toGlobalMask(m, plan.globalBits), seed }));
    await ensureFineTunes(e.store, e.ctx, jobs, { ...e.fineTuneOptions, label: `verify fine-tunes (${o.strategy})` });
    for (const [i, m] of masks.entries()) {
      const key = fineTuneKey(seed, jobs[i].mask);
      const rec = e.store.get<FineTuneRecord>("finetune", key)!;
      const t0 = Date.now();
      e.ev.load(e.store.getWeights(key, e.theta0.layout)!.params);
      const val = e.ev.evaluate(plan.target, "val");
      seconds += rec.seconds + (Date.now() - t0) / 1000;
      done.push({
        ...byMask.get(m)!,
        merged_rank: rank.get(m)!,
        real_val_acc: val.accuracy,
        real_val_loss: val.loss,
        seconds: rec.seconds,
      });
    }
  };
  if (o.strategy === "adaptive") {
    const seen = (): VerifiedScore[] =>
      done.map((v) => ({
        mask: v.mask,
        score: scores[v.mask],
        real: selectionScore(rule, v.real_val_acc, v.real_val_loss),
      }));
    for (
      let next = adaptiveNext(order, scores, []);
      next !== null && done.length < o.k;
      next = adaptiveNext(order, scores, seen())
    )
      await verify([next]);
  } else {
    await verify(order.slice(0, o.k));
  }
  let best = done[0];
  for (const v of done)
    if (
      selectionScore(rule, v.real_val_acc, v.real_val_loss) >
      selectionScore(rule, best.real_val_acc, best.real_val_loss)
    )
      best = v;
  return {
    strategy: o.strategy,
    k: o.k,
    mixtures: done,
    recommended: best.mask,
    extra_finetunes: done.length - 1,
    seconds,
    scored: ranked.length,
  };
}

/**
 * The similarity baselines' scores of every mixture of a target, higher is better — cosine, and L2
 * negated — for the `portfolio` shortlist (the same rule and sizes as a run's similarity rows).
 *
 * @example
 * const [cosine, negL2] = similarityScores(engine, plan);
 */
export function similarityScores(e: Engine, plan: TargetPlan): [Float64Array, Float64Array] {
  const sim = targetSimilarities(e)[plan.target.name],
    names = plan.candidates.map((c) => c.name);
  const o = { rule: e.spec.similarityRule, sizes: plan.candidates.map((c) => c.splits.train.n), k: e.spec.topK };
  const cosine = mixtureSimilarity(
    names.map((c) => sim.cosine[c]),
    { ...o, better: "higher" },
  );
  const l2 = mixtureSimilarity(
    names.map((c) => sim.l2[c]),
    { ...o, better: "lower" },
  );
  return [
    Float64Array.from(cosine, (v, m) => (m === 0 ? NaN : v)),
    Float64Array.from(l2, (v, m) => (m === 0 ? NaN : -v)),
  ];
}
