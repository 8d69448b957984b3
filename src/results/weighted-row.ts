import type { WeightedPoint } from "../select/weighted/simplex-search";

/** A weighting's fine-tune on the target (validation and test), for the weighted ground truth. */
export interface WeightedTruth {
  val_acc: number;
  val_loss: number;
  test_acc: number;
  seconds: number;
}

/** The weighted mixture of one (seed, target): the proportions the merged model prefers, and (with a truth) how they train. */
export interface WeightedRow {
  seed: number;
  target: string;
  candidates: string[];
  /** Merge to Mix's binary pick (mask over candidates) and its merged validation loss/accuracy. */
  binary_mask: number;
  binary_merged_loss: number;
  binary_merged_acc: number;
  /** The optimised proportions over every candidate (Σ = 1) and the weighted merge's validation numbers. */
  weights: number[];
  merged_loss: number;
  merged_acc: number;
  evaluations: number;
  /** The start and every accepted step of the search. */
  path: WeightedPoint[];
  /** Fine-tunes with sampling proportions: the optimised weights, uniform and size-proportional over the binary pick; and the binary pick's own fine-tune. Null without a ground truth. */
  truth: null | {
    weighted: WeightedTruth;
    uniform: WeightedTruth;
    proportional: WeightedTruth;
    binary: { val_acc: number; test_acc: number } | null;
  };
}
