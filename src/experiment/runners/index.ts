export { suiteRef, type FineTuneBatch, type FineTuneRunner, type ResultSink, type SuiteRef } from "./runner";
export { LocalRunner, maskLabel } from "./local/local-runner";
export {
  clearQueue,
  FineTuneFailedError,
  formatQueueStatus,
  JOB_FORMAT,
  QueueConnectionError,
  QueueRunner,
  queueStatus,
  RESULT_FORMAT,
  startQueueWorker,
  WorkerRefusalError,
  type QueueAddress,
  type QueueContext,
  type QueueJobData,
  type QueueJobHandler,
  type QueueJobResult,
  type QueueRunnerOptions,
  type QueueStatus,
  type QueueWorkerHandle,
  type QueueWorkerOptions,
} from "./queue/index";
