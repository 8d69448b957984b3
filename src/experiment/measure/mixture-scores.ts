import { uniformMean } from "../../merge/uniform-mean";
import type { SearchChoice } from "../../select/search/choose";
import { runSearch } from "../../select/search/choose";
import { selectionScore } from "../../select/selection-score";
import { toGlobalMask } from "./global-mask";
import type { Engine } from "../engine";
import { singleLoader } from "./single-fine-tunes";
import { scoreMergedMixtures, type MergedScores } from "./merged-scores";
import type { TargetPlan } from "../plan";

/**
 * The merged-model scores one (seed, target) got: every mixture (exhaustive search) or those a search
 * evaluated, plus the baselines' mixtures (every singleton and the full mixture) when the search skipped them.
 */
export interface MixtureScores {
  readonly search: SearchChoice;
  /** Scored mixtures (masks over the target's candidates), ascending, with the merged model's validation accuracy and loss. */
  readonly masks: readonly number[];
  readonly acc: readonly number[];
  readonly loss: readonly number[];
  /** Distinct mixtures the search evaluated, and the extra ones scored for the baselines. */
  readonly searchEvaluations: number;
  readonly extraEvaluations: number;
  /** Seconds of merging + evaluating every scored mixture, and of the forward passes alone. */
  readonly seconds: number;
  readonly evalSeconds: number;
}

/** One mixture's stored merged score (store kind "mixture", key `${seed}/${target}/${globalMask}`). */
interface MixtureRecord {
  acc: number;
  loss: number;
  seconds: number;
}

/** The merged val accuracy and loss of `mask` in `s`, or undefined when it was not scored (binary search). */
export function scoredMixture(s: MixtureScores, mask: number): { acc: number; loss: number } | undefined {
  let lo = 0,
    hi = s.masks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1,
      m = s.masks[mid];
    if (m === mask) return { acc: s.acc[mid], loss: s.loss[mid] };
    if (m < mask) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/** Dense arrays indexed by mask (length 2^N, NaN where not scored), for the tables of a run. */
export function denseScores(s: MixtureScores, n: number): { acc: number[]; loss: number[] } {
  const acc = new Array<number>(2 ** n).fill(NaN),
    loss = new Array<number>(2 ** n).fill(NaN);
  s.masks.forEach((m, i) => {
    acc[m] = s.acc[i];
    loss[m] = s.loss[i];
  });
  return { acc, loss };
}

/**
 * Merge to Mix's steps 2–3 for one (seed, target): score mixtures by their merged model on the target's
 * validation split. Exhaustive search walks all 2^N − 1 mixtures in Gray-code order (one model added or
 * removed per step, stored as one record); any other search scores the mixtures its strategy asks for,
 * one uniform merge each, every score stored as it is made (so a resumed or repeated search is free and
 * different strategies share evaluations). Every singleton and the full mixture are scored too, so the
 * baselines (best single, all) have merged scores. Requires the single fine-tunes in the store.
 *
 * @example
 * const s = await scoreMixtures(engine, 0, engine.plans[0]);
 * s.masks.length;   // 2^N − 1 under exhaustive search
 */
export async function scoreMixtures(e: Engine, seed: number, plan: TargetPlan): Promise<MixtureScores> {
  const search = e.searches.get(plan.target.name)!;
  const n = plan.candidates.length,
    target = plan.target;
  const single = singleLoader(e, seed);
  if (search.strategy === "exhaustive") {
    const key = `${seed}/${target.name}`;
    let s = e.store.get<MergedScores>("merged", key);
    if (!s) {
      s = scoreMergedMixtures(e.ev, plan.globalBits.map(single), target, e.progress);
      e.store.put("merged", key, s);
    }
    const masks = Array.from({ length: 2 ** n - 1 }, (_, i) => i + 1);
    return {
      search,
      masks,
      acc: masks.map((m) => s!.acc[m]),
      loss: masks.map((m) => s!.loss[m]),
      searchEvaluations: masks.length,
      extraEvaluations: 0,
      seconds: s.seconds,
      evalSeconds: s.evalSeconds,
    };
  }

  // A search: each mixture once, from the exhaustive table when one was stored, else the mixture cache, else merged now.
  const table = e.store.get<MergedScores>("merged", `${seed}/${target.name}`);
  const scored = new Map<number, MixtureRecord>();
  const record = (mask: number): MixtureRecord => {
    let r = scored.get(mask);
    if (r) return r;
    const key = `${seed}/${target.name}/${toGlobalMask(mask, plan.globalBits)}`;
    r = table
      ? { acc: table.acc[mask], loss: table.loss[mask], seconds: table.seconds / (2 ** n - 1) }
      : e.store.get<MixtureRecord>("mixture", key);
    if (!r) {
      const t0 = process.hrtime.bigint();
      const members = plan.globalBits.filter((_, i) => (mask >> i) & 1).map(single);
      e.ev.load(members.length === 1 ? members[0] : uniformMean(members));
      const v = e.ev.evaluate(target, "val");
      r = { acc: v.accuracy, loss: v.loss, seconds: Number(process.hrtime.bigint() - t0) / 1e9 };
      e.store.put("mixture", key, r);
    }
    scored.set(mask, r);
    return r;
  };
  const objective = (mask: number) => {
    const r = record(mask);
    return selectionScore(e.spec.score, r.acc, r.loss);
  };
  const result = await runSearch(search, objective, n, { seed, progress: e.progress });
  const searchEvaluations = result.evaluations;
  // The baselines' mixtures: every candidate alone (best single; cosine and L2 pick singletons) and all of them.
  for (let i = 0; i < n; i++) record(1 << i);
  record(2 ** n - 1);
  const masks = [...scored.keys()].sort((a, b) => a - b);
  const recs = masks.map((m) => scored.get(m)!);
  const seconds = recs.reduce((a, r) => a + r.seconds, 0);
  return {
    search,
    masks,
    acc: recs.map((r) => r.acc),
    loss: recs.map((r) => r.loss),
    searchEvaluations,
    extraEvaluations: masks.length - searchEvaluations,
    seconds,
    evalSeconds: seconds,
  };
}
