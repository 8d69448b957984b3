import type { ShortlistStrategy } from "../select/verify/strategy";
import type { ScoredMixture } from "./recommendation";

/** A mixture of the shortlist, fine-tuned for real: its merged and real numbers on the target's validation split. */
export interface VerifiedMixture extends ScoredMixture {
  /** 1-based rank of its merged score among the mixtures scored. */
  merged_rank: number;
  /** θ0 fine-tuned on the mixture (the run's recipe and seed), on the target's validation split. */
  real_val_acc: number;
  real_val_loss: number;
  /** CPU seconds of its fine-tune. */
  seconds: number;
}

/** What `select --verify K` did: the shortlist it fine-tuned, in verification order, and the pick. */
export interface Verified {
  strategy: ShortlistStrategy;
  /** K asked for; `mixtures.length` is what was verified (`adaptive` may stop earlier). */
  k: number;
  mixtures: VerifiedMixture[];
  /** The mixture with the best real validation score: the recommendation and the exported final model. */
  recommended: number;
  /** Verified fine-tunes beyond the final model's own: mixtures.length − 1. */
  extra_finetunes: number;
  /** CPU seconds of the verified fine-tunes and their evaluations. */
  seconds: number;
  /** Mixtures scored by the merged model (the ranks are out of these). */
  scored: number;
}
