import { mean } from "../select/metrics/finite-stats";
import { popcount } from "../merge/subsets";
import { bootstrapMean, type BootstrapOptions, type Interval } from "../select/metrics/bootstrap";
import { spearman } from "../select/metrics/spearman";
import { argmaxMask } from "../select/metrics/rank-of";
import { selectionScore } from "../select/selection-score";
import type { RunResults } from "./results";
import { seedAveragedTruth } from "./seed-averaged-truth";
import type { TaskVectorRow } from "./task-vector-row";

/** The task-vector geometry of a run, over its seeds (encoder parameters). */
export interface TaskVectorSummary {
  /** ‖τᵢ‖/‖θ0‖ over experts × seeds: the median and the range (lowest, highest expert). */
  readonly relativeUpdate: { readonly median: number; readonly min: number; readonly max: number };
  /** Mean off-diagonal cos(τᵢ, τⱼ). */
  readonly expertCosine: number;
  /** Mean over stored mixture fine-tunes of cos(τ_S, Σ τᵢ) and ‖τ_S‖/‖Σ τᵢ‖ (NaN without mixture fine-tunes). */
  readonly mixtureCos: number;
  readonly normRatio: number;
  /** The same by mixture size. */
  readonly bySize: ReadonlyArray<{
    readonly size: number;
    readonly cos: number;
    readonly normRatio: number;
    readonly n: number;
  }>;
}

const medianOf = (xs: readonly number[]): number => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
};

/**
 * Summarise the task-vector rows of a run (one per seed). Null when there are none.
 *
 * @example
 * const tv = taskVectorSummary(results.taskVectors ?? []);
 * tv?.relativeUpdate.median;   // e.g. 0.029
 */
export function taskVectorSummary(rows: readonly TaskVectorRow[]): TaskVectorSummary | null {
  if (!rows.length) return null;
  const rel = rows.flatMap((r) => r.relative_update);
  const cos = rows.flatMap((r) => r.cosine.flatMap((row, i) => row.filter((_, j) => j > i)));
  const mix = rows.flatMap((r) => r.mixtures);
  const sizes = [...new Set(mix.map((m) => m.size))].sort((a, b) => a - b);
  const finite = rel.filter(Number.isFinite);
  return {
    relativeUpdate: {
      median: medianOf(rel),
      min: finite.length ? Math.min(...finite) : NaN,
      max: finite.length ? Math.max(...finite) : NaN,
    },
    expertCosine: mean(cos),
    mixtureCos: mean(mix.map((m) => m.cos_sum)),
    normRatio: mean(mix.map((m) => m.norm_ratio)),
    bySize: sizes.map((size) => {
      const g = mix.filter((m) => m.size === size);
      return { size, cos: mean(g.map((m) => m.cos_sum)), normRatio: mean(g.map((m) => m.norm_ratio)), n: g.length };
    }),
  };
}

/**
 * The mean number of datasets in each method's pick over targets × seeds: the selections' methods
 * (merge-to-mix, cosine, l2), then every compared surrogate's own pick, then the oracle of the seed-averaged
 * truth (the mixture the claims judge against).
 *
 * @example
 * pickSizes(results);   // [["merge-to-mix", 1.2], ["cosine", 1], ["l2", 1], ["matched", 3.1], …, ["oracle", 4.1]]
 */
export function pickSizes(r: RunResults): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  for (const m of ["merge-to-mix", "cosine", "l2"])
    out.push([m, mean(r.selections.filter((s) => s.method === m && s.mask > 0).map((s) => popcount(s.mask)))]);
  const rule = r.spec.score === "accuracy" ? "accuracy" : "loss";
  for (const name of [...new Set((r.surrogates ?? []).map((s) => s.name))]) {
    const rows = (r.surrogates ?? []).filter((s) => s.name === name);
    out.push([
      name,
      mean(
        rows.map((row) => popcount(argmaxMask(row.val_loss.map((l, i) => selectionScore(rule, row.val_acc[i], l))))),
      ),
    ]);
  }
  const truth = seedAveragedTruth(r);
  out.push([
    "oracle",
    mean(
      r.targets.map((t) => {
        const o = truth.get(t)?.oracle ?? 0;
        return o > 0 ? popcount(o) : NaN;
      }),
    ),
  ]);
  return out;
}

/**
 * Spearman ρ between a scorer and the truth (validation loss of the mixture fine-tunes) WITHIN the top quarter
 * of the non-singleton mixtures by that truth (at least 3): a proxy can rank the whole set well and the top
 * badly. One interval per scorer — merge-to-mix (the merged model's validation loss), cosine, l2, then every
 * compared surrogate — bootstrapped over targets × seeds like claim 1. Higher-is-better orientation on both
 * sides (losses and L2 negated). Empty without a ground truth.
 *
 * @example
 * topQuarterSpearman(results)[0];   // ["merge-to-mix", { estimate: 0.55, lo: 0.41, hi: 0.68, … }]
 */
export function topQuarterSpearman(r: RunResults, options: BootstrapOptions = {}): Array<[string, Interval]> {
  if (!r.mixtures.some((m) => m.true_val_loss != null)) return [];
  const rows = new Map<string, RunResults["mixtures"]>();
  for (const m of r.mixtures) {
    const k = `${m.target}/${m.seed}`;
    if (!rows.has(k)) rows.set(k, []);
    rows.get(k)!.push(m);
  }
  const sur = new Map((r.surrogates ?? []).map((s) => [`${s.name}/${s.target}/${s.seed}`, s] as const));
  const cell = (score: (m: RunResults["mixtures"][number]) => number) => (t: string, s: number) => {
    const ms = (rows.get(`${t}/${s}`) ?? []).filter(
      (m) => m.size > 1 && m.true_val_loss != null && Number.isFinite(m.true_val_loss),
    );
    const top = ms
      .sort((a, b) => (a.true_val_loss as number) - (b.true_val_loss as number))
      .slice(0, Math.max(3, Math.ceil(ms.length / 4)));
    return spearman(
      top.map(score),
      top.map((m) => -(m.true_val_loss as number)),
    );
  };
  const bySurrogate = (name: string) => (t: string, s: number) => {
    const row = sur.get(`${name}/${t}/${s}`);
    return row ? cell((m) => -row.val_loss[m.mask])(t, s) : NaN;
  };
  // Merge to Mix selects with the spec's surrogate (the uniform mean, the merged_* columns, by default)
  const selecting = typeof r.spec.surrogate === "string" && r.spec.surrogate !== "mean" ? r.spec.surrogate : null;
  const scorers: Array<[string, (t: string, s: number) => number]> = [
    ["merge-to-mix", selecting ? bySurrogate(selecting) : cell((m) => -m.merged_val_loss)],
    ["cosine", cell((m) => m.cosine)],
    ["l2", cell((m) => -m.l2)],
  ];
  for (const name of [...new Set((r.surrogates ?? []).map((s) => s.name))]) scorers.push([name, bySurrogate(name)]);
  return scorers.map(([name, f]) => [
    name,
    bootstrapMean(
      r.targets.map((t) => r.seeds.map((s) => f(t, s))),
      options,
    ),
  ]);
}
