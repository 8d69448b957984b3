import * as path from "node:path";
import { mixtureName } from "../../../data/mixture-name";
import { membersOf } from "../../../merge/subsets";
import { InvalidArgumentError } from "../../../util/errors";
import type { Progress } from "../../../util/progress";
import {
  contextToData,
  runFineTuneJob,
  type FineTuneContext,
  type FineTuneJob,
  type FineTuneOutput,
} from "../../finetune-job";
import { WorkerPool } from "./pool";
import type { FineTuneBatch, FineTuneRunner, ResultSink } from "../runner";

/** "mnist+uci-digits" for a mask over the context's tasks. */
export function maskLabel(ctx: Pick<FineTuneContext, "tasks">, mask: number): string {
  return mixtureName(
    membersOf(
      mask,
      ctx.tasks.map((t) => t.name),
    ),
  );
}

/**
 * Fine-tunes in this process: in this thread (`threads: 1`), or on a pool of `worker_threads` (the wasm
 * backend is single-threaded, so one thread per core). A new pool serves each batch and stops after it.
 *
 * @example
 * const runner = new LocalRunner({ threads: 2 });
 * await ensureFineTunes(store, ctx, jobs, { runner, backend: "wasm" });
 */
export class LocalRunner implements FineTuneRunner {
  readonly threads: number;
  readonly description: string;

  constructor(opts: { threads: number }) {
    if (!Number.isInteger(opts.threads) || opts.threads < 1)
      throw new InvalidArgumentError("threads", opts.threads, "a positive integer");
    this.threads = opts.threads;
    this.description = `local, ${opts.threads} thread${opts.threads === 1 ? "" : "s"}`;
  }

  async run(batch: FineTuneBatch, onResult: ResultSink, progress: Progress): Promise<void> {
    const { ctx, jobs } = batch;
    const deliver = (out: FineTuneOutput) => {
      if (onResult(out)) progress.tick(1, maskLabel(ctx, out.mask));
    };
    const threads = Math.min(this.threads, jobs.length);
    if (threads <= 1) {
      for (const job of jobs) {
        deliver(runFineTuneJob(ctx, job));
        await new Promise((r) => setImmediate(r)); // let progress output and signals through
      }
      return;
    }
    const pool = new WorkerPool<FineTuneJob, FineTuneOutput>({
      script: path.join(__dirname, `finetune.worker${path.extname(__filename)}`),
      size: threads,
      workerData: contextToData(ctx, batch.backend),
    });
    try {
      await Promise.all(jobs.map((job) => pool.run(job).then(deliver)));
    } finally {
      await pool.terminate();
    }
  }

  async close(): Promise<void> {}
}
