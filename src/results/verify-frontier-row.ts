import type { Interval, PairedComparison } from "../select/metrics/bootstrap";
import type { ShortlistStrategy } from "../select/verify/strategy";

// The frontier's types alone, so results.ts (the file's contract) names them without importing the computation.

/** One point of a verify curve: K mixtures verified by real fine-tunes (at most; `adaptive` may stop early). */
export interface VerifyPoint {
  readonly k: number;
  /** Real fine-tunes spent per (target, seed), mean — K, or fewer where the strategy stopped or the pool ran out. */
  readonly finetunes: number;
  /** Σ (oracle − pick) / Σ (oracle − random) over targets × seeds, with its 95% interval. */
  readonly normalisedRegret: Interval;
  /** The pick's judged accuracy (fraction), mean over targets × seeds. */
  readonly testAcc: number;
}

/** One selector (a surrogate, a similarity, or random) verified with one shortlist strategy, K = 1 … and exhaustive. */
export interface VerifyCurve {
  readonly selector: string;
  /** A shortlist strategy, or "best-of-K" for random (the exact expectation over draws of K mixtures). */
  readonly strategy: ShortlistStrategy | "best-of-K";
  readonly points: readonly VerifyPoint[];
}

/** The cost–regret frontier of "shortlist, then verify by real fine-tunes", computed from a run's ground truth. */
export interface VerifyFrontier {
  /** What the picks are judged by: the seed-averaged test accuracy (the default) or validation accuracy. */
  readonly judge: "test" | "val";
  /** 2^N − 1: verifying every mixture is exhaustive search (the curves' last K). */
  readonly mixtures: number;
  readonly ks: readonly number[];
  readonly defaultStrategy: ShortlistStrategy;
  readonly curves: readonly VerifyCurve[];
  /** Merge to Mix with the default strategy against the similarity shortlists and random best-of-K, at `k`. */
  readonly paired: ReadonlyArray<PairedComparison & { readonly k: number; readonly a: string; readonly b: string }>;
}
