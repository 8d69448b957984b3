import * as os from "node:os";
import * as path from "node:path";
import { Worker, isMainThread, parentPort, type TransferListItem } from "node:worker_threads";
import { InvalidArgumentError, MergeToMixError } from "../../../util/errors";

/** A worker died (uncaught exception, process.exit, out of memory) while running a job. */
export class WorkerCrashError extends MergeToMixError {}

/** An error thrown by a job's handler, rebuilt on the main thread (name, message, worker stack). */
export class WorkerJobError extends MergeToMixError {
  constructor(
    message: string,
    readonly remoteName: string,
    readonly remoteStack: string | undefined,
  ) {
    super(message);
  }
}

/** A result plus the buffers to transfer (not copy) back to the main thread. */
export class Transfer<T> {
  constructor(
    readonly value: T,
    readonly transferList: readonly TransferListItem[],
  ) {}
}

/**
 * Wrap a value so its buffers are transferred instead of cloned (zero-copy; the sender loses them).
 *
 * @example
 * return withTransfer({ weights }, [weights.buffer]); // in a worker handler
 */
export function withTransfer<T>(value: T, transferList: readonly TransferListItem[]): Transfer<T> {
  return new Transfer(value, transferList);
}

/** Absolute path of tsx's CommonJS register hook (resolved from this package, not from the cwd). */
function tsxCjs(): string {
  return require.resolve("tsx/cjs");
}

interface JobMessage {
  id: number;
  job: unknown;
}
type ReplyMessage =
  { id: number; ok: true; result: unknown } | { id: number; ok: false; name: string; message: string; stack?: string };

/**
 * Serve jobs in a worker module: call once at the top level of the worker script.
 *
 * @example
 * // fine-tune.worker.ts
 * import { serveWorker, withTransfer } from "../src/experiment/pool";
 * serveWorker(async (job: { task: string }) => {
 *   const params = await fineTune(job.task);
 *   return withTransfer(params.data, [params.data.buffer]);
 * });
 */
export function serveWorker<J, R>(handler: (job: J) => R | Transfer<R> | Promise<R | Transfer<R>>): void {
  if (isMainThread || !parentPort)
    throw new InvalidArgumentError("serveWorker", "main thread", "a call from inside a worker thread");
  const port = parentPort;
  port.on("message", async (msg: JobMessage) => {
    let reply: ReplyMessage;
    let transfer: readonly TransferListItem[] = [];
    try {
      const out = await handler(msg.job as J);
      if (out instanceof Transfer) {
        reply = { id: msg.id, ok: true, result: out.value };
        transfer = out.transferList;
      } else reply = { id: msg.id, ok: true, result: out };
    } catch (err) {
      const e = err instanceof Error ? err : new Error(String(err));
      reply = { id: msg.id, ok: false, name: e.name, message: e.message, stack: e.stack };
    }
    port.postMessage(reply, transfer as TransferListItem[]);
  });
}

/** Options of {@link WorkerPool}. */
export interface WorkerPoolOptions {
  /** Absolute path of the worker module (.ts or .js) that calls {@link serveWorker}. */
  script: string;
  /** Number of workers (default os.availableParallelism()). Workers start lazily. */
  size?: number;
  /** Data passed to every worker as `workerData`. */
  workerData?: unknown;
  /** Extra resource limits per worker (e.g. { maxOldGenerationSizeMb: 2048 }). */
  resourceLimits?: import("node:worker_threads").ResourceLimits;
}

interface Pending {
  id: number;
  job: unknown;
  transfer: readonly TransferListItem[];
  resolve(v: unknown): void;
  reject(e: unknown): void;
}
interface Slot {
  worker: Worker;
  job: Pending | null;
}

/**
 * A pool of `worker_threads` running a TypeScript (or JS) worker module: `run(job)` queues a job and
 * resolves with its result. Workers load TypeScript through tsx (`--require tsx/cjs`). Data crosses by
 * structured clone; pass a transfer list to move buffers instead. An error thrown by the handler rejects
 * that job with a WorkerJobError; a worker that crashes rejects its job with a WorkerCrashError (the
 * crash as `cause`) and is replaced, so the other jobs continue.
 *
 * @example
 * const pool = new WorkerPool({ script: path.resolve(__dirname, "fine-tune.worker.ts"), size: 2 });
 * const results = await Promise.all(tasks.map((t) => pool.run({ task: t })));
 * await pool.close();
 */
export class WorkerPool<J = unknown, R = unknown> {
  readonly script: string;
  readonly size: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 0;
  private closing = false;
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly options: WorkerPoolOptions) {
    const { script, size = os.availableParallelism() } = options;
    if (typeof script !== "string" || !path.isAbsolute(script))
      throw new InvalidArgumentError("script", script, "an absolute path to a worker module");
    if (!Number.isInteger(size) || size < 1) throw new InvalidArgumentError("size", size, "a positive integer");
    this.script = script;
    this.size = size;
  }

  /** Jobs waiting plus jobs running. */
  get pending(): number {
    return this.queue.length + this.slots.filter((s) => s.job).length;
  }

  /**
   * Run one job on the next free worker.
   *
   * @example
   * const r = await pool.run({ x: new Float32Array(8) });
   */
  run(job: J, transfer: readonly TransferListItem[] = []): Promise<R> {
    if (this.closing)
      return Promise.reject(new InvalidArgumentError("pool", this.script, "an open pool (close() was called)"));
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, job, transfer, resolve: resolve as (v: unknown) => void, reject });
      this.dispatch();
    });
  }

  private spawn(): Slot {
    const ext = path.extname(this.script);
    const worker = new Worker(this.script, {
      // TypeScript workers load through tsx's CommonJS hook. `--import tsx` (ESM hooks) does NOT reach a
      // worker's entry module on Node 20 ("Unknown file extension .ts"); `--require tsx/cjs` does.
      execArgv: ext === ".ts" || ext === ".cts" ? ["--require", tsxCjs()] : [],
      workerData: this.options.workerData,
      resourceLimits: this.options.resourceLimits,
    });
    const slot: Slot = { worker, job: null };
    worker.on("message", (msg: ReplyMessage) => {
      const job = slot.job;
      if (!job || job.id !== msg.id) return;
      slot.job = null;
      if (msg.ok === true) job.resolve(msg.result);
      else job.reject(new WorkerJobError(`${msg.name}: ${msg.message}`, msg.name, msg.stack));
      this.dispatch();
    });
    const fail = (cause: unknown, why: string): void => {
      const i = this.slots.indexOf(slot);
      if (i < 0) return; // already handled (error is followed by exit)
      this.slots.splice(i, 1);
      if (slot.job)
        slot.job.reject(
          new WorkerCrashError(`worker ${this.script} crashed while running job ${slot.job.id}: ${why}`, { cause }),
        );
      slot.job = null;
      void worker.terminate();
      this.dispatch(); // replaces the worker if jobs are waiting
    };
    worker.on("error", (err) => fail(err, err instanceof Error ? err.message : String(err)));
    worker.on("exit", (code) => fail(new Error(`exit code ${code}`), `exited with code ${code}`));
    this.slots.push(slot);
    return slot;
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => !s.job);
      if (!slot) {
        if (this.slots.length >= this.size) break;
        slot = this.spawn();
      }
      const job = this.queue.shift()!;
      slot.job = job;
      try {
        slot.worker.postMessage({ id: job.id, job: job.job }, job.transfer as TransferListItem[]);
      } catch (err) {
        slot.job = null;
        job.reject(new InvalidArgumentError("job", job.job, "structured-cloneable data", { cause: err }));
      }
    }
    if (this.pending === 0) {
      const w = this.idleWaiters;
      this.idleWaiters = [];
      for (const f of w) f();
    }
  }

  /**
   * Stop accepting jobs, wait for queued and running ones, then stop the workers.
   *
   * @example
   * await pool.close();
   */
  async close(): Promise<void> {
    this.closing = true;
    if (this.pending > 0) await new Promise<void>((res) => this.idleWaiters.push(res));
    await this.terminate();
  }

  /**
   * Stop every worker now; queued and running jobs are rejected.
   *
   * @example
   * await pool.terminate();
   */
  async terminate(): Promise<void> {
    this.closing = true;
    const slots = this.slots.splice(0);
    const err = new WorkerCrashError(`pool ${this.script} was terminated`);
    for (const p of this.queue.splice(0)) p.reject(err);
    for (const s of slots)
      if (s.job) {
        s.job.reject(err);
        s.job = null;
      }
    await Promise.all(slots.map((s) => s.worker.terminate()));
    const w = this.idleWaiters;
    this.idleWaiters = [];
    for (const f of w) f();
  }
}
