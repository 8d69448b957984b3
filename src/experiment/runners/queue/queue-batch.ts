import type { Job, Queue, QueueEvents } from "bullmq";
import type { Redis } from "ioredis";
import type { Progress } from "../../../util/progress";
import { sha256Hex } from "../../../util/sha256";
import { maskLabel } from "../local/local-runner";
import type { FineTuneBatch, ResultSink } from "../runner";
import { safeUrl, watchConnection } from "./connection";
import { FineTuneFailedError } from "./errors";
import { bullmq } from "./lazy";
import {
  bytesToFloat32,
  JOB_FORMAT,
  jobIdOf,
  queueContext,
  RESULT_FORMAT,
  type QueueJobData,
  type QueueJobResult,
} from "./protocol";
import { workerNames } from "./queue-status";

/** What a batch needs of its runner: the open connections and the runner's settings. */
export interface QueueBatchContext {
  readonly redis: Redis;
  readonly queue: Queue<QueueJobData, QueueJobResult>;
  readonly events: QueueEvents;
  readonly url: string;
  readonly prefix: string;
  readonly queueName: string;
  readonly description: string;
  readonly attempts: number;
  readonly backoffMs: number;
  readonly ttlSeconds: number;
  readonly maxCorrupt: number;
  readonly sweepMs: number;
}

/** One fine-tune still to harvest: its job data, its last known BullMQ state, rejected results so far. */
interface Pending {
  readonly data: QueueJobData;
  state: string;
  corrupt: number;
}

/**
 * One batch of fine-tunes on the queue, from enqueueing to the last result handed to `onResult`: the state
 * the batch shares between its Redis event handlers and its periodic sweeps (pending jobs, counts, workers,
 * the first failure) lives here, so {@link QueueRunner.run} only checks its input and runs one of these.
 * Results come in two ways: QueueEvents make harvesting immediate, and a sweep every `sweepMs` reconciles
 * with Redis (missed events, restarts, lost jobs and θ0).
 *
 * @example
 * await new QueueBatch(ctx, batch, onResult, progress).run();
 */
export class QueueBatch {
  private readonly pending = new Map<string, Pending>();
  /** Jobs being harvested right now (a second event for one of them is ignored). */
  private readonly busy = new Set<string>();
  /** Messages logged once (repeated sweep errors). */
  private readonly noted = new Set<string>();
  private readonly context: ReturnType<typeof queueContext>["context"];
  private readonly theta0: ReturnType<typeof queueContext>["theta0"];
  private readonly expectedBytes: number;
  private readonly total: number;
  private done = 0;
  private failedAttempts = 0;
  private workers: string[] = [];
  private failure: unknown;
  private sweeping = false;
  private first = true;
  private settle!: () => void;
  private abort!: (e: unknown) => void;
  private readonly finished = new Promise<void>((res, rej) => {
    this.settle = res;
    this.abort = rej;
  });

  constructor(
    private readonly q: QueueBatchContext,
    private readonly batch: FineTuneBatch & { data: NonNullable<FineTuneBatch["data"]> },
    private readonly onResult: ResultSink,
    private readonly progress: Progress,
  ) {
    const { context, run, theta0 } = queueContext(batch, q.prefix, q.queueName);
    this.context = context;
    this.theta0 = theta0;
    this.expectedBytes = batch.ctx.base.data.byteLength;
    for (const job of batch.jobs) {
      this.pending.set(jobIdOf(run, job), {
        state: "unknown",
        corrupt: 0,
        data: {
          format: JOB_FORMAT,
          run,
          label: maskLabel(batch.ctx, job.mask),
          mask: job.mask,
          seed: job.seed,
          ttl: q.ttlSeconds,
          context,
        },
      });
    }
    this.total = this.pending.size;
  }

  /** Enqueue what is missing and wait until every result is stored (rejects on the first failure). */
  async run(): Promise<void> {
    if (this.total === 0) return;
    const listeners = [
      ["completed", this.onSettled],
      ["failed", this.onSettled],
      ["active", this.onActive],
      ["waiting", this.onWaiting],
      ["stalled", this.onStalled],
      ["delayed", this.onDelayed],
    ] as const;
    for (const [name, listener] of listeners) this.q.events.on(name, listener);
    const unwatch = watchConnection(this.q.redis, "queue", this.log, () => {
      void this.sweep();
    });
    const timer = setInterval(
      () => {
        void this.sweep();
      },
      Math.max(this.q.sweepMs, Math.ceil(this.total / 250) * 1000),
    );
    this.log(
      `queue: ${this.total} fine-tune${this.total === 1 ? "" : "s"} of ${this.batch.label} on ${this.q.description}`,
    );
    try {
      await this.sweep();
      await this.finished;
    } finally {
      clearInterval(timer);
      for (const [name, listener] of listeners) this.q.events.off(name, listener);
      unwatch();
    }
  }

  private readonly log = (line: string): void => {
    this.progress.log(line);
  };

  private note(line: string): void {
    if (!this.noted.has(line)) {
      this.noted.add(line);
      this.log(line);
    }
  }

  private fail(e: unknown): void {
    if (this.failure === undefined) {
      this.failure = e;
      this.abort(e);
    }
  }

  /** "queued 3 · active 2 · done 5 · failed 0 · workers 2 (a, b)" for the progress line. */
  private detail(): string {
    let queued = 0,
      active = 0;
    for (const p of this.pending.values()) p.state === "active" ? active++ : queued++;
    const w = this.workers;
    const names = w.length <= 3 ? w.join(", ") : `${w.slice(0, 3).join(", ")} +${w.length - 3}`;
    return `queued ${queued} · active ${active} · done ${this.done} · failed ${this.failedAttempts} · workers ${w.length}${names ? ` (${names})` : ""}`;
  }

  /** Take a finished job's result: check it, hand it to `onResult`, clean it out of Redis. */
  private async harvest(id: string): Promise<void> {
    if (this.busy.has(id) || !this.pending.has(id) || this.failure !== undefined) return;
    this.busy.add(id);
    try {
      const job = await bullmq().Job.fromId<QueueJobData, QueueJobResult>(this.q.queue, id);
      const p = this.pending.get(id);
      if (!job || !p) return; // lost: the next sweep re-queues it
      const state = await job.getState();
      if (state === "failed") {
        this.fail(
          new FineTuneFailedError(p.data.label, p.data.seed, job.failedReason ?? "unknown reason", job.attemptsMade),
        );
        return;
      }
      if (state !== "completed") return;
      const rv = job.returnvalue;
      const bytes = rv && rv.format === RESULT_FORMAT ? await this.q.redis.getBuffer(rv.key) : null;
      if (!bytes) {
        this.log(`queue: the result of ${p.data.label} (seed ${p.data.seed}) is gone from Redis; queueing it again`);
        await job.remove();
        return;
      }
      const sha = sha256Hex(bytes);
      if (sha !== rv.sha256 || bytes.length !== this.expectedBytes) {
        await this.reject(job, p, rv, bytes.length, sha);
        return;
      }
      this.pending.delete(id);
      this.done++;
      let stored: boolean;
      try {
        stored = this.onResult({
          mask: p.data.mask,
          seed: p.data.seed,
          data: bytesToFloat32(bytes),
          samples: rv.samples,
          steps: rv.steps,
          seconds: rv.seconds,
        });
      } catch (err) {
        this.fail(err); // the store refused it: stop the run
        return;
      }
      this.progress.tick(stored ? 1 : 0, `${p.data.label} by ${rv.worker} · ${this.detail()}`);
      // Claimed: clean up before the batch may end (the caller may close the connection right after).
      await Promise.allSettled([this.q.redis.del(rv.key), job.remove()]);
    } catch (err) {
      this.note(`queue: ${id}: ${(err as Error).message}; trying again at the next sweep`);
    } finally {
      this.busy.delete(id);
      if (this.pending.size === 0 && this.busy.size === 0) this.settle();
    }
  }

  /** A result that failed its checksum or size: delete it and retry the job, or fail after `maxCorrupt`. */
  private async reject(
    job: Job<QueueJobData, QueueJobResult>,
    p: Pending,
    rv: QueueJobResult,
    length: number,
    sha: string,
  ): Promise<void> {
    const { maxCorrupt } = this.q;
    p.corrupt++;
    this.failedAttempts++;
    this.log(
      `queue: rejected the result of ${p.data.label} (seed ${p.data.seed}) from ${rv.worker}: ` +
        (length !== this.expectedBytes
          ? `${length} bytes, expected ${this.expectedBytes}`
          : `sha256 ${sha.slice(0, 12)}… differs from the worker's ${String(rv.sha256).slice(0, 12)}…`) +
        (p.corrupt > maxCorrupt ? "" : `; retrying (${p.corrupt}/${maxCorrupt})`),
    );
    await this.q.redis.del(rv.key);
    if (p.corrupt > maxCorrupt)
      this.fail(
        new FineTuneFailedError(
          p.data.label,
          p.data.seed,
          `its result failed the sha256 check ${p.corrupt} times`,
          p.corrupt,
        ),
      );
    else {
      p.state = "waiting";
      await job.retry("completed");
    }
  }

  /** One reconciliation with Redis: θ0 present, every pending job's state, lost jobs re-queued, workers. */
  private async sweep(): Promise<void> {
    if (this.sweeping || this.failure !== undefined || this.pending.size === 0) return;
    this.sweeping = true;
    const { redis, queue } = this.q;
    try {
      if (this.first || !(await redis.exists(this.context.theta0.key))) {
        if (!this.first) this.log("queue: θ0 was gone from Redis (restarted without persistence?); published it again");
        await redis.set(this.context.theta0.key, this.theta0, "EX", this.q.ttlSeconds);
      }
      const ids = [...this.pending.keys()];
      const states = await Promise.all(ids.map((id) => queue.getJobState(id)));
      const lost: string[] = [];
      for (let i = 0; i < ids.length; i++) {
        const p = this.pending.get(ids[i]);
        if (!p || this.busy.has(ids[i])) continue;
        const s = states[i];
        if (s === "completed") void this.harvest(ids[i]);
        else if (s === "failed" && this.first) {
          // A re-run retries what failed before (its attempts start again).
          const job = await bullmq().Job.fromId(queue, ids[i]);
          if (job) await job.retry("failed", { resetAttemptsMade: true, resetAttemptsStarted: true });
          p.state = "waiting";
        } else if (s === "failed") void this.harvest(ids[i]);
        else if (s === "unknown") lost.push(ids[i]);
        else p.state = s;
      }
      if (lost.length) await this.requeue(lost);
      this.workers = await workerNames(queue);
      if (this.first && this.workers.length === 0)
        this.log(
          `queue: no worker is connected yet; start some with: merge-to-mix worker --queue ${safeUrl(this.q.url)}`,
        );
      this.first = false;
      this.progress.tick(0, this.detail());
    } catch (err) {
      if (this.first) this.fail(err);
      else this.note(`queue: sweep: ${(err as Error).message}; trying again`);
    } finally {
      this.sweeping = false;
    }
  }

  /** Add jobs Redis does not know (new, or lost in a restart), 200 at a time. */
  private async requeue(lost: readonly string[]): Promise<void> {
    if (!this.first)
      this.log(`queue: ${lost.length} job${lost.length === 1 ? " was" : "s were"} gone from Redis; queued again`);
    const { attempts, backoffMs } = this.q;
    for (let i = 0; i < lost.length; i += 200) {
      await this.q.queue.addBulk(
        lost.slice(i, i + 200).map((id) => ({
          name: "finetune",
          data: this.pending.get(id)!.data,
          opts: {
            jobId: id,
            attempts,
            backoff: { type: "fixed" as const, delay: backoffMs },
            removeOnComplete: false,
            removeOnFail: false,
          },
        })),
      );
    }
    for (const id of lost) {
      const p = this.pending.get(id);
      if (p) p.state = "waiting";
    }
  }

  // Event handlers (arrow properties: they are added to and removed from QueueEvents as they are).
  private readonly onSettled = ({ jobId }: { jobId: string }): void => {
    if (this.pending.has(jobId)) void this.harvest(jobId);
  };
  private readonly onActive = ({ jobId }: { jobId: string }): void => {
    const p = this.pending.get(jobId);
    if (p) p.state = "active";
  };
  private readonly onWaiting = ({ jobId }: { jobId: string }): void => {
    const p = this.pending.get(jobId);
    if (p) p.state = "waiting";
  };
  /** A failed attempt with attempts left goes to the delayed set for its backoff (our jobs are never delayed otherwise). */
  private readonly onDelayed = ({ jobId }: { jobId: string }): void => {
    const p = this.pending.get(jobId);
    if (!p) return;
    this.failedAttempts++;
    p.state = "delayed";
    void bullmq()
      .Job.fromId(this.q.queue, jobId)
      .then(
        (j) =>
          this.log(
            `queue: ${p.data.label} (seed ${p.data.seed}) failed on ${j?.processedBy ?? "a worker"} (attempt ${j?.attemptsMade ?? "?"}: ${j?.failedReason ?? "?"}); retrying`,
          ),
        () => {},
      );
  };
  private readonly onStalled = ({ jobId }: { jobId: string }): void => {
    const p = this.pending.get(jobId);
    if (!p) return;
    this.failedAttempts++;
    p.state = "waiting";
    this.log(
      `queue: the worker running ${p.data.label} (seed ${p.data.seed}) stopped answering; the job goes to another worker`,
    );
  };
}
