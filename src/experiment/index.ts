export {
  PRESET_DEFAULTS,
  resolveSpec,
  type ExperimentSpec,
  type PretrainSpec,
  type ProtocolSpec,
  type SpecInput,
} from "./spec";
export { runExperiment } from "./run";
export { pretrainedEncoder, encoderFile, suitePretrainData, type PretrainKind } from "./base-model";
export { checkAnchorSuite, pretrainedAnchor } from "./anchor-data";
export { THETA0_PREFIX, TANGENT_LOGITS } from "./measure/final-model";
export type { FineTuneContext, FineTuneJob, FineTuneOutput } from "./finetune-job";
export { ensureFineTunes, fineTuneKey, type EnsureFineTunesOptions, type FineTuneRecord } from "./finetune-pool";
export { scoreMergedMixtures, type MergedScores } from "./measure/merged-scores";
export { datasetSimilarities, type DatasetSimilarity } from "./measure/similarity-scores";
export { RunStore, SpecMismatchError, type RunStoreOptions } from "./store";
export { WorkerCrashError, WorkerJobError } from "./runners/local/pool";
export {
  clearQueue,
  FineTuneFailedError,
  formatQueueStatus,
  JOB_FORMAT,
  LocalRunner,
  QueueConnectionError,
  QueueRunner,
  queueStatus,
  RESULT_FORMAT,
  startQueueWorker,
  suiteRef,
  WorkerRefusalError,
  type FineTuneBatch,
  type FineTuneRunner,
  type QueueAddress,
  type QueueContext,
  type QueueJobData,
  type QueueJobHandler,
  type QueueJobResult,
  type QueueRunnerOptions,
  type QueueStatus,
  type QueueWorkerHandle,
  type QueueWorkerOptions,
  type ResultSink,
  type SuiteRef,
} from "./runners/index";
export { stableHash } from "./hash";
export { weightedMergeGrid } from "./measure/weighted-grid";
export { baseVsScratch, type BaseCheckRow } from "./base-check";
export { openRunStore, runRecipe, type RunOptions } from "./engine";
export { selectMixture, type SelectOptions } from "./select-mixture";
export { calibrateGrid, cellSuffix, type GridOptions } from "./calibration-grid";
export { ForeignFolderError, markOutputDir } from "./run-dir";
