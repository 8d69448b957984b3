/**
 * The shape of a finished (or partial) leave-one-out run, as written to `runs/NAME/results.json`
 * and read by the report layer, notebooks and widgets. Plain JSON: no classes, no typed arrays.
 *
 * Conventions
 * - A mixture is a bitmask over the target's candidate list (`candidates[target]`): bit i = candidates[i].
 * - "score" values are higher-is-better. Losses are stored as losses (lower is better) under *_loss names.
 * - Every row carries its seed; aggregate over seeds in the report layer.
 */

/** Methods that select a mixture for a target. */
export type MethodName =
  | "merge-to-mix"   // argmax of the merged model's validation score
  | "cosine"         // average-of-average cosine similarity to the target
  | "l2"             // average-of-average L2 distance (negated)
  | "random"         // exact expectation over all mixtures (not a draw)
  | "all"            // every candidate
  | "best-single"    // the single dataset whose fine-tune scores best on the target's validation split
  | "oracle";        // argmax of the mixture-fine-tuned validation score (upper bound)

/** Scorers that give a value per mixture (for correlations). */
export type ScorerName = "merged" | "cosine" | "l2";

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

/** The mixture one method chose for one (seed, target), and how good it really is. */
export interface SelectionRow {
  seed: number;
  target: string;
  method: MethodName;
  /** Chosen mixture (for "random": -1, the value is an expectation over all mixtures). */
  mask: number;
  members: string[];
  /** Test accuracy of the mixture-fine-tuned model for the chosen mixture (random: mean over mixtures). */
  test_acc: number;
  /** oracle test_acc − this test_acc (≥ 0 up to val/test disagreement). */
  regret: number;
  /** 1-based rank of the chosen mixture among all mixtures by true validation score (random: expected rank). */
  rank: number;
}

/** Correlation of one scorer with the truth, for one (seed, target) or the average over targets. */
export interface CorrelationRow {
  seed: number;
  /** A task name, or "mean" for the average of per-target values. */
  target: string;
  scorer: ScorerName;
  /** Which truth: validation accuracy or validation loss of the mixture fine-tune. */
  truth: "val_acc" | "val_loss";
  /** "all" mixtures, or "no-singletons" (singletons: merged = fine-tuned by construction). */
  subset: "all" | "no-singletons";
  n: number;
  pearson: number;
  spearman: number;
  kendall: number;
}

/** θ0 (the base model, no fine-tuning) on each target. */
export interface BaseRow {
  seed: number;
  target: string;
  val_acc: number;
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
  m2m_merge_evals: number;
  m2m_seconds: number;
  exhaustive_finetunes: number;
  exhaustive_finetune_samples: number;
  exhaustive_seconds: number;
  /** exhaustive_seconds / m2m_seconds. */
  speedup: number;
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
  /** True when every planned unit of work finished. */
  complete: boolean;
  /** ISO timestamps. */
  started: string;
  finished: string | null;
}
