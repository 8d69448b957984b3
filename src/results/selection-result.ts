import type { Recommendation, ScoredMixture } from "./recommendation";
import type { WeightedRow } from "./weighted-row";
import type { Verified } from "./verified";

/** The final model: θ0 fine-tuned on the recommended mixture, its numbers on the target, and where it is. */
export interface FinalModel {
  /** The safetensors file (relative to the output folder). */
  file: string;
  suite: string;
  target: string;
  /** The mixture it was fine-tuned on. */
  mixture: string[];
  /** The run seed and the fine-tune's own seed (derived from the run seed and the mixture). */
  seed: number;
  finetune_seed: number;
  recipe: Record<string, unknown>;
  head_rule: string;
  /** "tangent": a linearized model around θ0 (the file holds θ0 too, as theta0/…); absent = standard. */
  finetune?: "tangent";
  /** The share of every fine-tune batch drawn from θ0's pretraining data (absent = 0). */
  anchor_share?: number;
  /** The target's validation and test splits. */
  val_acc: number;
  val_loss: number;
  test_acc: number;
  test_loss: number;
  /** Training examples seen, optimizer steps and CPU seconds of the fine-tune. */
  samples: number;
  steps: number;
  seconds: number;
  /** sha256 of the exported tensors' data (also in the file's metadata). */
  sha256: string;
  /** sha256 of the prepared data of the target and of every mixed dataset. */
  data_sha256: Record<string, string>;
}

/** What {@link selectMixture} returns and writes to OUT/selection.json. */
export interface SelectionResult extends Recommendation {
  version: 1;
  suite: string;
  /** The protocol (preset, head rule, score, recipe, …). */
  spec: Record<string, unknown>;
  /** Every scored mixture, best first. */
  mixtures: ScoredMixture[];
  /** sha256 of the prepared data of the target and every candidate. */
  data_sha256: Record<string, string>;
  /** The model fine-tuned on the recommended mixture (null with `train: false`). */
  final: FinalModel | null;
  /** With `weighted`: the proportions over every candidate the merged model prefers (no truth). */
  weighted?: WeightedRow;
  /** With `verify`: the shortlist fine-tuned for real and the pick (then also `recommended` and `final`). */
  verified?: Verified;
  started: string;
  finished: string;
}
