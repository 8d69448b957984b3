/**
 * The shape of a finished (or partial) leave-one-out run, as written to `runs/NAME/results.json`
 * and read by the report layer, notebooks and widgets. Plain JSON: no classes, no typed arrays.
 *
 * Conventions
 * - A mixture is a bitmask over the target's candidate list (`candidates[target]`): bit i = candidates[i].
 * - "score" values are higher-is-better. Losses are stored as losses (lower is better) under *_loss names.
 * - Every row carries its seed; aggregate over seeds in the report layer.
 */

import type { CorrelationRow } from "../select/correlations";
import type { SearchName } from "../select/search/choose";
import type { SelectionRow } from "../select/select";
import type { SurrogateRow } from "./surrogate-row";
import type { TaskVectorRow } from "./task-vector-row";
import type { VerifyFrontier } from "./verify-frontier-row";
import type { WeightedRow } from "./weighted-row";

// Selection and correlation rows are made by the select layer; they are part of a run's results.
export type { MethodName, SelectionRow } from "../select/select";
export type { CorrelationRow, ScorerName } from "../select/correlations";

/** One (seed, target, mixture) with every per-mixture number. */
export interface MixtureRow {
  seed: number;
  target: string;
  mask: number;
  /** Candidate names in the mixture, in candidate order. */
  members: string[];
  size: number;
  /** Merged model (uniform average of the members' single fine-tunes) on the target's validation split. */
  merged_val_acc: number;
  merged_val_loss: number;
  /** Similarity baselines (cosine: higher = more similar; l2: mean distance, lower = more similar). */
  cosine: number;
  l2: number;
  /** Ground truth: the model fine-tuned on the mixture, evaluated on the target. null when not (yet) trained. */
  true_val_acc: number | null;
  true_val_loss: number | null;
  true_test_acc: number | null;
  true_test_loss: number | null;
}

/** θ0 (the base model, no fine-tuning) on each target. */
export interface BaseRow {
  seed: number;
  target: string;
  val_acc: number;
  /** Validation cross-entropy (runs before this field was added lack it). */
  val_loss?: number;
  test_acc: number;
}

/** A single-dataset fine-tune on its own task's validation split, against θ0: does fine-tuning move anything? */
export interface SingleRow {
  seed: number;
  task: string;
  base_val_acc: number;
  base_val_loss: number;
  own_val_acc: number;
  own_val_loss: number;
}

/** Cost of selecting by Merge to Mix versus exhaustive mixture fine-tuning. */
export interface CostRow {
  seed: number;
  /** A task name, or "all" for the whole leave-one-out run. */
  target: string;
  m2m_finetunes: number;
  m2m_finetune_samples: number;
  /** Merge-evaluations: every scored mixture (the search's and, for a search, the baselines' extra ones). */
  m2m_merge_evals: number;
  /** Of which the search's own (absent in older files: all of them). */
  m2m_search_evals?: number;
  /** Seconds of the merge-evaluations alone (absent in older files). */
  m2m_merge_seconds?: number;
  /** Single fine-tunes' CPU seconds + merge-evaluation seconds. */
  m2m_seconds: number;
  exhaustive_finetunes: number;
  exhaustive_finetune_samples: number;
  exhaustive_seconds: number;
  /** exhaustive_seconds / m2m_seconds. */
  speedup: number;
}

/**
 * Whether a run has a ground truth (mixture fine-tunes): its `groundTruth` field, or for older files the spec's.
 *
 * @example
 * if (!hasGroundTruth(results)) console.log("merged-model scores only");
 */
export function hasGroundTruth(r: Pick<RunResults, "groundTruth" | "spec">): boolean {
  return r.groundTruth ?? (r.spec as { groundTruth?: unknown }).groundTruth !== false;
}

/** Everything one run produced. */
export interface RunResults {
  version: 1;
  spec: Record<string, unknown>;
  suite: string;
  targets: string[];
  /** For each target, its candidate list (bit order of `mask`). */
  candidates: Record<string, string[]>;
  /** Task display titles and class names, for tables and widgets. */
  tasks: Record<string, { title: string; classes: string[] }>;
  seeds: number[];
  mixtures: MixtureRow[];
  selections: SelectionRow[];
  correlations: CorrelationRow[];
  base: BaseRow[];
  cost: CostRow[];
  /** Each single-dataset fine-tune on its own task (optional: runs before this field was added lack it). */
  singles?: SingleRow[];
  /** Every compared surrogate's scores per (seed, target) (runs with a ground truth; absent in older files). */
  surrogates?: SurrogateRow[];
  /**
   * The cost–regret frontier of verifying a shortlist by real fine-tunes, computed from the ground truth
   * (verifyFrontier; runs with a ground truth; absent in older files, where readers compute it).
   */
  verify?: VerifyFrontier;
  /** Task-vector geometry of the stored fine-tunes, one row per seed (absent in older files). */
  taskVectors?: TaskVectorRow[];
  /** Weighted mixtures per (seed, target) (runs with `weighted`). */
  weighted?: WeightedRow[];
  /** What the run skipped and why (e.g. a surrogate a 2-candidate pool cannot calibrate); absent when nothing was. */
  notes?: string[];
  /**
   * Whether the run fine-tuned every mixture for the ground truth (absent in older files: read
   * `spec.groundTruth`). Without it there are no oracle/random rows, no correlations and no true scores.
   */
  groundTruth?: boolean;
  /** How mixtures were searched (absent in older files: exhaustive); evaluations per target are in `cost`. */
  search?: { strategy: SearchName; budget: number | null };
  /** True when every planned unit of work finished (merged scores, and the ground truth when asked for). */
  complete: boolean;
  /** ISO timestamps. */
  started: string;
  finished: string | null;
}
