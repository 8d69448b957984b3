/**
 * Weighted mixing scored by the merged model, on a grid of mixture weights over the simplex (weights ≥ 0
 * summing to 1), optionally with the true weighted-mixture fine-tune score. Read by the weighted-mix explorer.
 */
export interface WeightedGrid {
  /** Target task name (shown in titles). */
  target: string;
  /** Candidate dataset names, the order of each weight vector. */
  candidates: string[];
  /** Grid points: each has candidates.length weights ≥ 0 summing to 1. */
  points: number[][];
  /** Merged model's score at each point (higher is better). */
  merged: number[];
  /** True score (model fine-tuned on that weighted mixture) per point, null where not trained. */
  truth?: (number | null)[];
  /** Score label, e.g. "validation accuracy" (default "score"). */
  metric?: string;
  /** The weighted search over the same candidates (merged score, same metric): its optimum and its path. */
  optimum?: { weights: number[]; score: number };
  path?: Array<{ weights: number[]; score: number }>;
}
