/** Task-vector geometry of one seed's stored fine-tunes (encoder parameters), as a run stores and reports it. */
export interface TaskVectorRow {
  seed: number;
  /** The suite's tasks that have a single fine-tune, in suite order (order of `relative_update` and `cosine`). */
  tasks: string[];
  /** ‖τᵢ‖ / ‖θ0‖ per task. */
  relative_update: number[];
  /** cos(τᵢ, τⱼ) between the singles' task vectors. */
  cosine: number[][];
  /** Every stored mixture fine-tune (≥ 2 members; mask over the suite's tasks) against the sum of its members' task vectors. */
  mixtures: Array<{ mask: number; size: number; cos_sum: number; norm_ratio: number }>;
}
