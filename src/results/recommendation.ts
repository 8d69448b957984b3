import { membersOf, popcount } from "../merge/subsets";
import type { SearchName } from "../select/search/choose";
import { selectionScore } from "../select/selection-score";
import type { RunResults } from "./results";
import type { SelectionScore } from "../select/selection-score";

/** One mixture with its merged model's validation numbers on the target (no truth involved). */
export interface ScoredMixture {
  /** Bitmask over the target's candidates (bit i = candidates[i]). */
  mask: number;
  members: string[];
  size: number;
  merged_val_acc: number;
  merged_val_loss: number;
}

/** The baselines whose picks are shown beside Merge to Mix's, each scored by the same merged model. */
export type BaselineName = "cosine" | "l2" | "best-single" | "all";
export const BASELINE_NAMES: readonly BaselineName[] = ["cosine", "l2", "best-single", "all"];

/** A baseline's pick and its merged-model score. */
export interface BaselinePick extends ScoredMixture {
  method: BaselineName;
}

/** What Merge to Mix recommends for one (seed, target) without a ground truth, and what it cost. */
export interface Recommendation {
  seed: number;
  target: string;
  candidates: string[];
  /** What the pick maximises: the merged model's validation accuracy or (negated) cross-entropy. */
  score: SelectionScore;
  search: {
    strategy: SearchName;
    budget: number | null;
    /** Mixtures the search scored, and those scored in addition for the baselines. */
    evaluations: number;
    extra: number;
    /** 2^N − 1: every mixture of the candidates. */
    mixtures: number;
  };
  /** The best scored mixture (ties → lowest mask). */
  recommended: ScoredMixture;
  /** The best scored mixtures, best first (at most 10). */
  top: ScoredMixture[];
  baselines: BaselinePick[];
  /** θ0 without fine-tuning on the target's validation split (null where a run did not record it). */
  theta0: { val_acc: number; val_loss: number | null };
  /** Single fine-tunes (CPU seconds) and merge-evaluations (seconds) that produced the recommendation. */
  cost: { finetunes: number; finetune_seconds: number; merge_evals: number; merge_seconds: number };
}

/** How many mixtures `top` lists. */
export const TOP_MIXTURES = 10;

/**
 * Scored mixtures best first by the selection score (higher is better; ties → lowest mask; NaN last).
 *
 * @example
 * rankMixtures(scored, "loss")[0];   // the recommendation
 */
export function rankMixtures(scored: readonly ScoredMixture[], score: SelectionScore): ScoredMixture[] {
  const s = (m: ScoredMixture) => {
    const v = selectionScore(score, m.merged_val_acc, m.merged_val_loss);
    return v === v ? v : -Infinity;
  };
  return [...scored].sort((a, b) => s(b) - s(a) || a.mask - b.mask);
}

/** A mixture of the candidates as a ScoredMixture, from its merged numbers. */
export function scoredMixtureRow(
  mask: number,
  candidates: readonly string[],
  acc: number,
  loss: number,
): ScoredMixture {
  return {
    mask,
    members: membersOf(mask, candidates),
    size: popcount(mask),
    merged_val_acc: acc,
    merged_val_loss: loss,
  };
}

/**
 * The recommendation of every (seed, target) of a run, read from its mixture, selection, θ0 and cost rows:
 * how `run --no-ground-truth` reports (nothing in it depends on a truth). Each baseline's pick is looked up
 * among the scored mixtures.
 *
 * @example
 * for (const rec of recommendationsOf(results)) console.log(rec.recommended.members.join("+"));
 */
export function recommendationsOf(r: RunResults): Recommendation[] {
  const score = ((r.spec as { score?: SelectionScore }).score ?? "loss") as SelectionScore;
  const out: Recommendation[] = [];
  for (const seed of r.seeds) {
    for (const target of r.targets) {
      const candidates = r.candidates[target];
      const scored = r.mixtures
        .filter((m) => m.seed === seed && m.target === target)
        .map((m) => scoredMixtureRow(m.mask, candidates, m.merged_val_acc, m.merged_val_loss));
      if (scored.length === 0) continue;
      const byMask = new Map(scored.map((m) => [m.mask, m] as const));
      const ranked = rankMixtures(scored, score);
      const baselines: BaselinePick[] = [];
      for (const method of BASELINE_NAMES) {
        const sel = r.selections.find((s) => s.seed === seed && s.target === target && s.method === method);
        const m = sel && byMask.get(sel.mask);
        if (m) baselines.push({ method, ...m });
      }
      const cost = r.cost.find((c) => c.seed === seed && c.target === target);
      const base = r.base.find((b) => b.seed === seed && b.target === target);
      const m2mFineTuneSeconds = cost ? cost.m2m_seconds - (cost.m2m_merge_seconds ?? 0) : NaN;
      out.push({
        seed,
        target,
        candidates: [...candidates],
        score,
        search: {
          strategy: r.search?.strategy ?? "exhaustive",
          budget: r.search?.budget ?? null,
          evaluations: cost?.m2m_search_evals ?? scored.length,
          extra: scored.length - (cost?.m2m_search_evals ?? scored.length),
          mixtures: 2 ** candidates.length - 1,
        },
        recommended: ranked[0],
        top: ranked.slice(0, TOP_MIXTURES),
        baselines,
        theta0: { val_acc: base ? base.val_acc : NaN, val_loss: base?.val_loss ?? null },
        cost: {
          finetunes: cost?.m2m_finetunes ?? candidates.length,
          finetune_seconds: m2mFineTuneSeconds,
          merge_evals: scored.length,
          merge_seconds: cost?.m2m_merge_seconds ?? NaN,
        },
      });
    }
  }
  return out;
}
