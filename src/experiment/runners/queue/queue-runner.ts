import type { Queue, QueueEvents } from "bullmq";
import { bullmq } from "./lazy";
import type { Redis } from "ioredis";
import { InvalidArgumentError } from "../../../util/errors";
import type { Progress } from "../../../util/progress";
import { sha256Hex } from "../../../util/sha256";
import { maskLabel } from "../local/local-runner";
import type { FineTuneBatch, FineTuneRunner, ResultSink } from "../runner";
import { connectRedis, DEFAULT_QUEUE_NAME, DEFAULT_QUEUE_PREFIX, redisOptions, safeUrl, watchConnection, type QueueAddress } from "./connection";
import { FineTuneFailedError } from "./errors";
import { bytesToFloat32, JOB_FORMAT, jobIdOf, queueContext, RESULT_FORMAT, type QueueJobData, type QueueJobResult } from "./protocol";
import { workerNames } from "./queue-status";

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

interface Pending { readonly data: QueueJobData; state: string; corrupt: number }

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
      url: options.url, queue: options.queue ?? DEFAULT_QUEUE_NAME, prefix: options.prefix ?? DEFAULT_QUEUE_PREFIX,
      attempts: options.attempts ?? 3, backoffMs: options.backoffMs ?? 1000, ttlSeconds: options.ttlSeconds ?? 7 * 24 * 3600,
      maxCorrupt: options.maxCorrupt ?? 3, sweepMs: options.sweepMs ?? 1000,
    };
    for (const k of ["attempts", "maxCorrupt", "ttlSeconds", "sweepMs"] as const) {
      if (!Number.isInteger(o[k]) || o[k] < 1) throw new InvalidArgumentError(k, o[k], "a positive integer");
    }
    if (!Number.isInteger(o.backoffMs) || o.backoffMs < 1) throw new InvalidArgumentError("backoffMs", o.backoffMs, "a positive integer (retries go through BullMQ's delayed set)");
    const redis = await connectRedis(o.url, options.connectTimeoutMs);
    redis.on("error", () => { /* reported per run by watchConnection; ioredis reconnects */ });
    const connection = redisOptions(o.url);
    const { Queue, QueueEvents } = bullmq();
    const queue = new Queue<QueueJobData, QueueJobResult>(o.queue, { connection, prefix: o.prefix, streams: { events: { maxLen: 2000 } } });
    const events = new QueueEvents(o.queue, { connection, prefix: o.prefix });
    queue.on("error", () => { /* reported by watchConnection on our own client */ });
    events.on("error", () => {});
    await Promise.all([queue.waitUntilReady(), events.waitUntilReady()]);
    return new QueueRunner(o, redis, queue, events);
  }

  async run(batch: FineTuneBatch, onResult: ResultSink, progress: Progress): Promise<void> {
    if (this.closed) throw new InvalidArgumentError("runner", this.description, "an open runner (close() was called)");
    if (!batch.data) throw new InvalidArgumentError("batch.data", batch.data, "a suite reference (suite, preset, seed) so that workers can load the data");
    if (batch.jobs.length === 0) return;
    const { prefix, queue: qname, attempts, backoffMs, ttlSeconds, maxCorrupt } = this.opts;
    const { context, run, theta0 } = queueContext({ ...batch, data: batch.data }, prefix, qname);
    const expectedBytes = batch.ctx.base.data.byteLength;
    const log = (l: string) => progress.log(l);
    const noted = new Set<string>();
    const note = (l: string) => { if (!noted.has(l)) { noted.add(l); log(l); } };
    const pending = new Map<string, Pending>();
    for (const job of batch.jobs) {
      pending.set(jobIdOf(run, job), { state: "unknown", corrupt: 0,
        data: { format: JOB_FORMAT, run, label: maskLabel(batch.ctx, job.mask), mask: job.mask, seed: job.seed, ttl: ttlSeconds, context } });
    }
    const total = pending.size;
    let done = 0, failedAttempts = 0, workers: string[] = [];
    const detail = (): string => {
      let queued = 0, active = 0;
      for (const p of pending.values()) p.state === "active" ? active++ : queued++;
      const names = workers.length <= 3 ? workers.join(", ") : `${workers.slice(0, 3).join(", ")} +${workers.length - 3}`;
      return `queued ${queued} · active ${active} · done ${done} · failed ${failedAttempts} · workers ${workers.length}${names ? ` (${names})` : ""}`;
    };

    let settle!: () => void, abort!: (e: unknown) => void;
    const finished = new Promise<void>((res, rej) => { settle = res; abort = rej; });
    let failure: unknown;
    const fail = (e: unknown) => { if (failure === undefined) { failure = e; abort(e); } };

    const busy = new Set<string>();
    const harvest = async (id: string): Promise<void> => {
      if (busy.has(id) || !pending.has(id) || failure !== undefined) return;
      busy.add(id);
      try {
        const job = await bullmq().Job.fromId<QueueJobData, QueueJobResult>(this.queue, id);
        const p = pending.get(id);
        if (!job || !p) return;                          // lost: the next sweep re-queues it
        const state = await job.getState();
        if (state === "failed") { fail(new FineTuneFailedError(p.data.label, p.data.seed, job.failedReason ?? "unknown reason", job.attemptsMade)); return; }
        if (state !== "completed") return;
        const rv = job.returnvalue;
        const bytes = rv && rv.format === RESULT_FORMAT ? await this.redis.getBuffer(rv.key) : null;
        if (!bytes) {
          log(`queue: the result of ${p.data.label} (seed ${p.data.seed}) is gone from Redis; queueing it again`);
          await job.remove();
          return;
        }
        const sha = sha256Hex(bytes);
        if (sha !== rv.sha256 || bytes.length !== expectedBytes) {
          p.corrupt++; failedAttempts++;
          log(`queue: rejected the result of ${p.data.label} (seed ${p.data.seed}) from ${rv.worker}: ` +
            (bytes.length !== expectedBytes ? `${bytes.length} bytes, expected ${expectedBytes}` : `sha256 ${sha.slice(0, 12)}… differs from the worker's ${String(rv.sha256).slice(0, 12)}…`) +
            (p.corrupt > maxCorrupt ? "" : `; retrying (${p.corrupt}/${maxCorrupt})`));
          await this.redis.del(rv.key);
          if (p.corrupt > maxCorrupt) fail(new FineTuneFailedError(p.data.label, p.data.seed, `its result failed the sha256 check ${p.corrupt} times`, p.corrupt));
          else { p.state = "waiting"; await job.retry("completed"); }
          return;
        }
        pending.delete(id);
        done++;
        let stored: boolean;
        try {
          stored = onResult({ mask: p.data.mask, seed: p.data.seed, data: bytesToFloat32(bytes), samples: rv.samples, steps: rv.steps, seconds: rv.seconds });
        } catch (err) {
          fail(err);   // the store refused it: stop the run
          return;
        }
        progress.tick(stored ? 1 : 0, `${p.data.label} by ${rv.worker} · ${detail()}`);
        // Claimed: clean up before the batch may end (the caller may close the connection right after).
        await Promise.allSettled([this.redis.del(rv.key), job.remove()]);
      } catch (err) {
        note(`queue: ${id}: ${(err as Error).message}; trying again at the next sweep`);
      } finally {
        busy.delete(id);
        if (pending.size === 0 && busy.size === 0) settle();
      }
    };

    // One reconciliation with Redis: θ0 present, every pending job's state, lost jobs re-queued, workers.
    let sweeping = false, first = true;
    const sweep = async (): Promise<void> => {
      if (sweeping || failure !== undefined || pending.size === 0) return;
      sweeping = true;
      try {
        if (first || !(await this.redis.exists(context.theta0.key))) {
          if (!first) log("queue: θ0 was gone from Redis (restarted without persistence?); published it again");
          await this.redis.set(context.theta0.key, theta0, "EX", ttlSeconds);
        }
        const ids = [...pending.keys()];
        const states = await Promise.all(ids.map((id) => this.queue.getJobState(id)));
        const lost: string[] = [];
        for (let i = 0; i < ids.length; i++) {
          const p = pending.get(ids[i]);
          if (!p || busy.has(ids[i])) continue;
          const s = states[i];
          if (s === "completed") void harvest(ids[i]);
          else if (s === "failed" && first) {
            // A re-run retries what failed before (its attempts start again).
            const job = await bullmq().Job.fromId(this.queue, ids[i]);
            if (job) await job.retry("failed", { resetAttemptsMade: true, resetAttemptsStarted: true });
            p.state = "waiting";
          } else if (s === "failed") void harvest(ids[i]);
          else if (s === "unknown") lost.push(ids[i]);
          else p.state = s;
        }
        if (lost.length) {
          if (!first) log(`queue: ${lost.length} job${lost.length === 1 ? " was" : "s were"} gone from Redis; queued again`);
          for (let i = 0; i < lost.length; i += 200) {
            await this.queue.addBulk(lost.slice(i, i + 200).map((id) => ({
              name: "finetune", data: pending.get(id)!.data,
              opts: { jobId: id, attempts, backoff: { type: "fixed", delay: backoffMs }, removeOnComplete: false, removeOnFail: false },
            })));
          }
          for (const id of lost) { const p = pending.get(id); if (p) p.state = "waiting"; }
        }
        workers = await workerNames(this.queue);
        if (first && workers.length === 0) log(`queue: no worker is connected yet; start some with: merge-to-mix worker --queue ${safeUrl(this.opts.url)}`);
        first = false;
        progress.tick(0, detail());
      } catch (err) {
        if (first) fail(err);
        else note(`queue: sweep: ${(err as Error).message}; trying again`);
      } finally {
        sweeping = false;
      }
    };

    // Events make harvesting immediate; the sweeps are the safety net (missed events, restarts).
    const mine = (jobId: string) => pending.get(jobId);
    const onCompleted = ({ jobId }: { jobId: string }) => { if (mine(jobId)) void harvest(jobId); };
    const onFailed = ({ jobId }: { jobId: string }) => { if (mine(jobId)) void harvest(jobId); };
    const onActive = ({ jobId }: { jobId: string }) => { const p = mine(jobId); if (p) p.state = "active"; };
    const onWaiting = ({ jobId }: { jobId: string }) => { const p = mine(jobId); if (p) p.state = "waiting"; };
    // A failed attempt with attempts left goes to the delayed set for its backoff (our jobs are never delayed otherwise).
    const onDelayed = ({ jobId }: { jobId: string }) => {
      const p = mine(jobId);
      if (!p) return;
      failedAttempts++; p.state = "delayed";
      void bullmq().Job.fromId(this.queue, jobId).then((j) => log(`queue: ${p.data.label} (seed ${p.data.seed}) failed on ${j?.processedBy ?? "a worker"} (attempt ${j?.attemptsMade ?? "?"}: ${j?.failedReason ?? "?"}); retrying`), () => {});
    };
    const onStalled = ({ jobId }: { jobId: string }) => {
      const p = mine(jobId);
      if (!p) return;
      failedAttempts++; p.state = "waiting";
      log(`queue: the worker running ${p.data.label} (seed ${p.data.seed}) stopped answering; the job goes to another worker`);
    };
    const listeners = [
      ["completed", onCompleted], ["failed", onFailed], ["active", onActive],
      ["waiting", onWaiting], ["stalled", onStalled], ["delayed", onDelayed],
    ] as const;
    for (const [name, listener] of listeners) this.events.on(name, listener);
    const unwatch = watchConnection(this.redis, "queue", log, () => { void sweep(); });
    const timer = setInterval(() => { void sweep(); }, Math.max(this.opts.sweepMs, Math.ceil(total / 250) * 1000));
    log(`queue: ${total} fine-tune${total === 1 ? "" : "s"} of ${batch.label} on ${this.description}`);
    try {
      await sweep();
      await finished;
    } finally {
      clearInterval(timer);
      for (const [name, listener] of listeners) this.events.off(name, listener);
      unwatch();
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled([this.events.close(), this.queue.close()]);
    this.redis.disconnect();
  }
}
