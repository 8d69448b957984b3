import * as os from "node:os";
import type { Job } from "bullmq";
import { bullmq } from "./lazy";
import { InvalidArgumentError } from "../../../util/errors";
import { sha256Hex } from "../../../util/sha256";
import {
  connectRedis,
  DEFAULT_QUEUE_NAME,
  DEFAULT_QUEUE_PREFIX,
  redisOptions,
  safeUrl,
  watchConnection,
  type QueueAddress,
} from "./connection";
import { WorkerRefusalError } from "./errors";
import { float32Bytes, JOB_FORMAT, RESULT_FORMAT, resultKey, type QueueJobData, type QueueJobResult } from "./protocol";
import { WorkerContexts } from "./worker-context";

/** A job handler: one queued fine-tune in, its result (already in Redis) out. */
export type QueueJobHandler = (job: Job<QueueJobData, QueueJobResult>) => Promise<QueueJobResult>;

/** Options of {@link startQueueWorker}. */
export interface QueueWorkerOptions extends QueueAddress {
  /** Fine-tunes at once, each on its own thread (default 1; the wasm backend uses one core each). */
  concurrency?: number;
  /** Shown in the coordinator's progress and `merge-to-mix queue` (default HOSTNAME-PID; letters, digits, . _ @ -). */
  name?: string;
  /** BullMQ job lock in ms: a worker silent this long has its job handed to another (default 30000). */
  lockMs?: number;
  /** Milliseconds between this worker's checks for other workers' stalled jobs (default 30000). */
  stalledMs?: number;
  /** How often one job may be recovered from a dead worker before it fails (default 2). */
  maxStalledCount?: number;
  /** Where the worker's lines go (default stdout). */
  log?: (line: string) => void;
  /** Wrap the job handler (instrumentation, fault drills). */
  wrap?: (handler: QueueJobHandler) => QueueJobHandler;
  connectTimeoutMs?: number;
}

/** A running worker. */
export interface QueueWorkerHandle {
  readonly name: string;
  /** Resolves when the worker stopped: code 0 after close(), 1 after it refused a job it cannot reproduce. */
  readonly stopped: Promise<{ code: number; reason: string }>;
  /** Finish the running fine-tunes, then stop. */
  close(): Promise<void>;
}

/**
 * Take fine-tune jobs from the queue and return their results, until closed: `merge-to-mix worker`.
 * Each job names its run's suite and data hashes; the worker loads the suite from this machine's
 * prepared data, checks every hash (a mismatch is refused by name, and the worker stops so that it takes
 * no more of that run's jobs), fetches θ0 from Redis (checked by sha256), fine-tunes on a thread, and puts
 * the weights back in Redis with their sha256. A killed worker's job is retried elsewhere by BullMQ's
 * stalled-job check once its lock (`lockMs`) runs out.
 *
 * @example
 * const w = await startQueueWorker({ url: "redis://127.0.0.1:6379" });
 * process.on("SIGTERM", () => void w.close());
 * process.exitCode = (await w.stopped).code;
 */
export async function startQueueWorker(opts: QueueWorkerOptions): Promise<QueueWorkerHandle> {
  const queueName = opts.queue ?? DEFAULT_QUEUE_NAME,
    prefix = opts.prefix ?? DEFAULT_QUEUE_PREFIX;
  const name = opts.name ?? `${os.hostname()}-${process.pid}`;
  if (!/^[A-Za-z0-9._@-]+$/.test(name))
    throw new InvalidArgumentError("worker name", name, "letters, digits, '.', '_', '@' or '-'");
  const concurrency = opts.concurrency ?? 1;
  for (const [k, v, min] of [
    ["concurrency", concurrency, 1],
    ["lockMs", opts.lockMs ?? 30000, 1000],
    ["stalledMs", opts.stalledMs ?? 30000, 100],
    ["maxStalledCount", opts.maxStalledCount ?? 2, 0],
  ] as const) {
    if (!Number.isInteger(v) || v < min) throw new InvalidArgumentError(k, v, `an integer ≥ ${min}`);
  }
  const log = opts.log ?? ((l: string) => process.stdout.write(`${l}\n`));
  const say = (l: string) => log(`worker ${name}: ${l}`);
  const redis = await connectRedis(opts.url, opts.connectTimeoutMs);
  redis.on("error", () => {});
  const contexts = new WorkerContexts(redis, { threads: concurrency, log: say });

  const handle: QueueJobHandler = async (job) => {
    const d = job.data;
    if (!d || d.format !== JOB_FORMAT)
      throw new InvalidArgumentError(
        `job ${job.id}`,
        d && d.format,
        `a ${JOB_FORMAT} job (is this worker older than the coordinator?)`,
      );
    const what = `job ${job.id} (${d.label}, seed ${d.seed}, attempt ${job.attemptsStarted || job.attemptsMade + 1})`;
    say(`${what} started`);
    const t0 = Date.now();
    const pool = await contexts.get(d.run, d.context);
    const out = await pool.run({ mask: d.mask, seed: d.seed });
    const bytes = float32Bytes(out.data);
    const key = resultKey(prefix, queueName, job.id!);
    await redis.set(key, bytes, "EX", d.ttl);
    say(`${what} done in ${((Date.now() - t0) / 1000).toFixed(2)} s`);
    return {
      format: RESULT_FORMAT,
      key,
      sha256: sha256Hex(bytes),
      bytes: bytes.length,
      samples: out.samples,
      steps: out.steps,
      seconds: out.seconds,
      worker: name,
    };
  };

  let stop!: (s: { code: number; reason: string }) => void;
  const stopped = new Promise<{ code: number; reason: string }>((r) => {
    stop = r;
  });
  const worker = new (bullmq().Worker)<QueueJobData, QueueJobResult>(
    queueName,
    opts.wrap ? opts.wrap(handle) : handle,
    {
      connection: redisOptions(opts.url),
      prefix,
      name,
      concurrency,
      lockDuration: opts.lockMs ?? 30000,
      stalledInterval: opts.stalledMs ?? 30000,
      maxStalledCount: opts.maxStalledCount ?? 2,
      autorun: false,
    },
  );
  let closing: Promise<void> | undefined;
  const shutdown = (code: number, reason: string): Promise<void> => {
    if (!closing) {
      closing = (async () => {
        await worker.close();
        await contexts.close();
        redis.disconnect();
        stop({ code, reason });
      })();
    }
    return closing;
  };
  worker.on("failed", (job, err) => {
    say(`job ${job?.id ?? "?"} failed: ${err.name}: ${err.message}`);
    if (err instanceof WorkerRefusalError) {
      say(`refusing this run: ${err.message}; stopping`);
      void shutdown(1, err.message);
    }
  });
  const lastErrors = new Set<string>();
  worker.on("error", (err) => {
    if (!lastErrors.has(err.message)) {
      lastErrors.add(err.message);
      say(`queue error: ${err.message}`);
    }
  });
  const unwatch = watchConnection(redis, `worker ${name}`, log, () => lastErrors.clear());
  void stopped.then(unwatch);
  void worker.run().catch((err: Error) => {
    say(`stopped: ${err.message}`);
    void shutdown(1, err.message);
  });
  await worker.waitUntilReady();
  say(
    `ready on ${safeUrl(opts.url)} (queue ${prefix}:${queueName}), ${concurrency} fine-tune${concurrency === 1 ? "" : "s"} at a time`,
  );
  return { name, stopped, close: () => shutdown(0, "closed") };
}
