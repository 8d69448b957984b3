/** One surrogate's scores of every mixture of one (seed, target), as a run stores and reports them. */
export interface SurrogateRow {
  seed: number;
  target: string;
  name: string;
  /** Validation accuracy and loss of the surrogate model of every mixture, indexed by mask (index 0 unused: NaN). */
  val_acc: number[];
  val_loss: number[];
  /** Seconds of the surrogate's merge-evaluations (and λ fit). */
  seconds: number;
  /** calibrated: λ, the mixtures (candidate masks) it was fitted on, and their fine-tunes' cost. */
  lambda: number | null;
  calibration_masks: number[] | null;
  extra_finetunes: number;
  extra_seconds: number;
}
