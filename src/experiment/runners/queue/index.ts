export type { QueueAddress } from "./connection";
export { FineTuneFailedError, QueueConnectionError, WorkerRefusalError } from "./errors";
export { JOB_FORMAT, RESULT_FORMAT, type QueueContext, type QueueJobData, type QueueJobResult } from "./protocol";
export { QueueRunner, type QueueRunnerOptions } from "./queue-runner";
export {
  startQueueWorker,
  type QueueJobHandler,
  type QueueWorkerHandle,
  type QueueWorkerOptions,
} from "./queue-worker";
export { clearQueue, formatQueueStatus, queueStatus, type QueueStatus } from "./queue-status";
