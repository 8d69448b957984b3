// Worker thread: fine-tunes mixtures for the run that started it (see finetune-pool.ts).
import { workerData } from "worker_threads";
import { initBackend, type BackendChoice } from "../../../model/backend";
import { serveWorker, withTransfer } from "./pool";
import { contextFromData, runFineTuneJob, type FineTuneContextData, type FineTuneJob } from "../../finetune-job";

const data = workerData as FineTuneContextData;
const ctx = contextFromData(data);
const ready = initBackend(data.backend as BackendChoice);

serveWorker(async (job: FineTuneJob) => {
  await ready;
  const out = runFineTuneJob(ctx, job);
  return withTransfer(out, [out.data.buffer as ArrayBuffer]);
});
