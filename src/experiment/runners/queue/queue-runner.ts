import type { Queue, QueueEvents } from "bullmq";
import { bullmq } from "./lazy";
import { QueueBatch } from "./queue-batch";
import type { Redis } from "ioredis";
import { InvalidArgumentError } from "../../../util/errors";
import type { Progress } from "../../../util/progress";
import type { FineTuneBatch, FineTuneRunner, ResultSink } from "../runner";
import {
  connectRedis,
  DEFAULT_QUEUE_NAME,
  DEFAULT_QUEUE_PREFIX,
  redisOptions,
  safeUrl,
  type QueueAddress,
} from "./connection";
import type { QueueJobData, QueueJobResult } from "./protocol";

/** Options of {@link QueueRunner.open}. */
export interface QueueRunnerOptions extends QueueAddress {
  /** Attempts per fine-tune before the run fails (BullMQ retries; a killed worker's job is retried by the stalled-job check without using one). Default 3. */
  attempts?: number;
  /** Milliseconds before a failed attempt is retried (default 1000). */
  backoffMs?: number;
  /** Seconds θ0 and finished results may wait in Redis for a coordinator (default 7 days). */
  ttlSeconds?: number;
  /** Results that fail their sha256 check are retried; after this many for one fine-tune the run fails (default 3). */
  maxCorrupt?: number;
  /** Milliseconds between reconciliations with Redis (states, lost jobs, workers); default 1000, slower for many jobs. */
  sweepMs?: number;
  /** How long `open` waits for Redis (default 10 s). */
  connectTimeoutMs?: number;
}

/**
 * The coordinator's side of the BullMQ queue: each batch's missing fine-tunes become jobs (deterministic
 * ids, so a re-run finds the jobs of a killed coordinator and harvests what finished meanwhile), any number
 * of `merge-to-mix worker` processes on any machine take them, and each result comes back through Redis
 * with its sha256, is checked, and handed to `onResult` (the coordinator writes the run store). Killed
 * workers: BullMQ's lock + stalled-job check returns the job to the queue. A result failing its checksum is
 * rejected and the job retried. Redis restarted: connections come back by themselves, and every sweep
 * re-publishes θ0 and re-queues jobs Redis lost. Progress shows queued/active/done/failed and the workers.
 *
 * @example
 * const runner = await QueueRunner.open({ url: "redis://127.0.0.1:6379" });
 * try { await runExperiment({ suite: "vision8", out: "runs/q", runner }); } finally { await runner.close(); }
 */
export class QueueRunner implements FineTuneRunner {
  readonly description: string;
  private closed = false;

  private constructor(
    private readonly opts: Required<Omit<QueueRunnerOptions, "connectTimeoutMs">>,
    private readonly redis: Redis,
    private readonly queue: Queue<QueueJobData, QueueJobResult>,
    private readonly events: QueueEvents,
  ) {
    this.description = `queue ${safeUrl(opts.url)} (${opts.prefix}:${opts.queue})`;
  }

  /** Connect (throws QueueConnectionError when Redis does not answer). */
  static async open(options: QueueRunnerOptions): Promise<QueueRunner> {
    const o = {
      url: options.url,
      queue: options.queue ?? DEFAULT_QUEUE_NAME,
      prefix: options.prefix ?? DEFAULT_QUEUE_PREFIX,
      attempts: options.attempts ?? 3,
      backoffMs: options.backoffMs ?? 1000,
      ttlSeconds: options.ttlSeconds ?? 7 * 24 * 3600,
      maxCorrupt: options.maxCorrupt ?? 3,
      sweepMs: options.sweepMs ?? 1000,
    };
    for (const k of ["attempts", "maxCorrupt", "ttlSeconds", "sweepMs"] as const) {
      if (!Number.isInteger(o[k]) || o[k] < 1) throw new InvalidArgumentError(k, o[k], "a positive integer");
    }
    if (!Number.isInteger(o.backoffMs) || o.backoffMs < 1)
      throw new InvalidArgumentError(
        "backoffMs",
        o.backoffMs,
        "a positive integer (retries go through BullMQ's delayed set)",
      );
    const redis = await connectRedis(o.url, options.connectTimeoutMs);
    redis.on("error", () => {
      /* reported per run by watchConnection; ioredis reconnects */
    });
    const connection = redisOptions(o.url);
    const { Queue, QueueEvents } = bullmq();
    const queue = new Queue<QueueJobData, QueueJobResult>(o.queue, {
      connection,
      prefix: o.prefix,
      streams: { events: { maxLen: 2000 } },
    });
    const events = new QueueEvents(o.queue, { connection, prefix: o.prefix });
    queue.on("error", () => {
      /* reported by watchConnection on our own client */
    });
    events.on("error", () => {});
    await Promise.all([queue.waitUntilReady(), events.waitUntilReady()]);
    return new QueueRunner(o, redis, queue, events);
  }

  async run(batch: FineTuneBatch, onResult: ResultSink, progress: Progress): Promise<void> {
    if (this.closed) throw new InvalidArgumentError("runner", this.description, "an open runner (close() was called)");
    if (!batch.data)
      throw new InvalidArgumentError(
        "batch.data",
        batch.data,
        "a suite reference (suite, preset, seed) so that workers can load the data",
      );
    if (batch.jobs.length === 0) return;
    const { queue: queueName, ...o } = this.opts;
    const ctx = {
      ...o,
      queueName,
      redis: this.redis,
      queue: this.queue,
      events: this.events,
      description: this.description,
    };
    await new QueueBatch(ctx, { ...batch, data: batch.data }, onResult, progress).run();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled([this.events.close(), this.queue.close()]);
    this.redis.disconnect();
  }
}
