import {
  bootstrapMean,
  bootstrapRatio,
  pairedDifference,
  type BootstrapOptions,
  type Interval,
  type PairedComparison,
} from "../select/metrics/bootstrap";
import { popcount } from "../merge/subsets";
import { lowerMedian } from "../select/metrics/finite-stats";
import { pearson } from "../select/metrics/pearson";
import { argmaxMask } from "../select/metrics/rank-of";
import { selectionScore } from "../select/selection-score";
import type { MethodName, RunResults } from "./results";
import { judgePick, seedAveragedTruth, type JudgedPick, type SeedAveragedTruth } from "./seed-averaged-truth";

/** A method's selections judged on the seed-averaged truth, each number with its 95% interval. */
export interface MethodPower {
  readonly method: string;
  /** Test accuracy (fraction). */
  readonly testAcc: Interval;
  /** Oracle − pick (fraction). */
  readonly regret: Interval;
  /** Σ (oracle − pick) / Σ (oracle − random) over targets × seeds: 0 = the oracle, 1 = a random mixture. */
  readonly normalisedRegret: Interval;
  readonly percentile: Interval;
}

/** The paper's three claims measured on one run, with intervals (bootstrap over targets × seeds). */
export interface Claims {
  readonly seeds: number;
  readonly targets: number;
  /** Claim 1: Pearson r of merged vs mixture-fine-tuned validation loss, non-singleton mixtures. */
  readonly claim1: Interval;
  /** The same r for the similarity baselines, for comparison. */
  readonly similarityR: { readonly cosine: Interval; readonly l2: Interval };
  /** Claim 1 per target (bootstrap over that target's seeds). */
  readonly perTarget: ReadonlyArray<{ readonly target: string; readonly r: Interval }>;
  /** Claims 2–3: every method's pick judged on the seed-averaged truth. */
  readonly methods: readonly MethodPower[];
  /** Merge to Mix − each baseline, test accuracy (fraction), paired by target and seed. */
  readonly paired: ReadonlyArray<PairedComparison & { readonly against: string }>;
  /** Every compared surrogate over the same single fine-tunes: its claim-1 r and its picks' normalised regret. */
  readonly surrogates: readonly SurrogatePower[];
}

/** One surrogate judged like Merge to Mix's own scores. */
export interface SurrogatePower {
  readonly name: string;
  /** Pearson r of its validation loss vs the mixture fine-tunes', non-singleton mixtures. */
  readonly r: Interval;
  readonly normalisedRegret: Interval;
  readonly testAcc: Interval;
  /** calibrated: the lower median of the λs chosen over (seed, target) — one λ some target chose, never one between two grid points — and the mixture fine-tunes calibration cost per (seed, target). */
  readonly lambda: number | null;
  readonly extraFinetunes: number;
  readonly extraSeconds: number;
}

/** The baselines Merge to Mix is compared with, pair by pair. */
export const PAIRED_BASELINES: readonly MethodName[] = ["cosine", "l2", "random", "all", "best-single"];

/** A targets × seeds table of one judged number for picks given as `pick(target, seed)` → mask. */
export function judgedTable(
  r: RunResults,
  truth: Map<string, SeedAveragedTruth>,
  pick: (target: string, seed: number) => number | undefined,
  f: keyof JudgedPick,
): number[][] {
  return r.targets.map((t) =>
    r.seeds.map((s) => {
      const m = pick(t, s);
      return m === undefined ? NaN : judgePick(truth.get(t)!, m)[f];
    }),
  );
}

/** The four judged numbers of one method with intervals. */
export function methodPower(
  r: RunResults,
  truth: Map<string, SeedAveragedTruth>,
  method: string,
  pick: (target: string, seed: number) => number | undefined,
  o: BootstrapOptions = {},
): MethodPower {
  const iv = (f: keyof JudgedPick) => bootstrapMean(judgedTable(r, truth, pick, f), o);
  const normalisedRegret = bootstrapRatio(judgedTable(r, truth, pick, "regret"), judgedTable(r, truth, pick, "gap"), o);
  return { method, testAcc: iv("testAcc"), regret: iv("regret"), normalisedRegret, percentile: iv("percentile") };
}

/**
 * The claims of a run with ground truth: claim 1 (does the merged model's score track the truth?) and,
 * for claims 2–3, every method's selections judged on the seed-averaged truth, plus Merge to Mix paired
 * against each baseline. Intervals are 95% percentile-bootstrap over targets × seeds (seeded by
 * `options.seed`). Returns null for a run without ground truth.
 *
 * @example
 * const c = claimsOf(results)!;
 * c.claim1;   // { estimate: 0.81, lo: 0.74, hi: 0.87, … }
 */
export function claimsOf(r: RunResults, options: BootstrapOptions = {}): Claims | null {
  if (!r.mixtures.some((m) => m.true_val_loss != null)) return null;
  const corr = (scorer: string, target?: string) => {
    const targets = target ? [target] : r.targets;
    return bootstrapMean(
      targets.map((t) =>
        r.seeds.map(
          (s) =>
            r.correlations.find(
              (c) =>
                c.seed === s &&
                c.target === t &&
                c.scorer === scorer &&
                c.truth === "val_loss" &&
                c.subset === "no-singletons",
            )?.pearson ?? NaN,
        ),
      ),
      options,
    );
  };
  const truth = seedAveragedTruth(r);
  const picks = new Map<string, number>();
  for (const s of r.selections)
    picks.set(`${s.method}/${s.target}/${s.seed}`, s.method === "oracle" ? truth.get(s.target)!.oracle : s.mask);
  const pickOf = (method: string) => (t: string, seed: number) => picks.get(`${method}/${t}/${seed}`);
  const methods = ["merge-to-mix", "cosine", "l2", "random", "all", "best-single", "oracle"].map((m) =>
    methodPower(r, truth, m, pickOf(m), options),
  );
  const test = (m: string) => judgedTable(r, truth, pickOf(m), "testAcc");
  return {
    seeds: r.seeds.length,
    targets: r.targets.length,
    claim1: corr("merged"),
    similarityR: { cosine: corr("cosine"), l2: corr("l2") },
    perTarget: r.targets.map((t) => ({ target: t, r: corr("merged", t) })),
    methods,
    paired: PAIRED_BASELINES.map((b) => ({ against: b, ...pairedDifference(test("merge-to-mix"), test(b), options) })),
    surrogates: surrogatePower(r, truth, options),
  };
}

/** Each surrogate of `r.surrogates`: r vs the truth and its picks judged, with intervals. */
function surrogatePower(
  r: RunResults,
  truth: Map<string, SeedAveragedTruth>,
  options: BootstrapOptions,
): SurrogatePower[] {
  const rows = r.surrogates ?? [];
  const names = [...new Set(rows.map((x) => x.name))];
  const byKey = new Map(rows.map((x) => [`${x.name}/${x.target}/${x.seed}`, x] as const));
  const trueLoss = new Map<string, (number | null)[]>();
  for (const m of r.mixtures) {
    const k = `${m.target}/${m.seed}`;
    if (!trueLoss.has(k)) trueLoss.set(k, new Array<number | null>(2 ** r.candidates[m.target].length).fill(null));
    trueLoss.get(k)![m.mask] = m.true_val_loss;
  }
  const rule = r.spec.score === "accuracy" ? "accuracy" : "loss";
  const selectBy = (row: { val_acc: number[]; val_loss: number[] }) =>
    argmaxMask(row.val_loss.map((l, i) => selectionScore(rule, row.val_acc[i], l)));
  return names.map((name) => {
    const cell = (t: string, s: number) => byKey.get(`${name}/${t}/${s}`);
    const rTable = r.targets.map((t) =>
      r.seeds.map((s) => {
        const row = cell(t, s),
          tl = trueLoss.get(`${t}/${s}`);
        if (!row || !tl) return NaN;
        const keep = row.val_loss
          .map((_, m) => m)
          .filter((m) => m > 0 && popcount(m) > 1 && Number.isFinite(row.val_loss[m]) && tl[m] != null);
        return pearson(
          keep.map((m) => row.val_loss[m]),
          keep.map((m) => tl[m] as number),
        );
      }),
    );
    const pick = (t: string, s: number) => {
      const row = cell(t, s);
      return row ? selectBy(row) : undefined;
    };
    const all = rows.filter((x) => x.name === name);
    return {
      name,
      r: bootstrapMean(rTable, options),
      normalisedRegret: bootstrapRatio(
        judgedTable(r, truth, pick, "regret"),
        judgedTable(r, truth, pick, "gap"),
        options,
      ),
      testAcc: bootstrapMean(judgedTable(r, truth, pick, "testAcc"), options),
      lambda: all.some((x) => x.lambda !== null) ? lowerMedian(all.map((x) => x.lambda)) : null,
      extraFinetunes: all.length ? all.reduce((a, x) => a + x.extra_finetunes, 0) / all.length : 0,
      extraSeconds: all.length ? all.reduce((a, x) => a + x.extra_seconds, 0) / all.length : 0,
    };
  });
}
