import * as path from "path";
import { ParamVector } from "../params/param-vector";
import { silentProgress, type Progress } from "../util/progress";
import { contextToData, runFineTuneJob, type FineTuneContext, type FineTuneJob, type FineTuneOutput } from "./finetune-job";
import { WorkerPool } from "./pool";
import type { RunStore } from "./store";

/** Bookkeeping stored next to each fine-tune's weights. */
export interface FineTuneRecord {
  mask: number;
  seed: number;
  samples: number;
  steps: number;
  seconds: number;
}

/** Store key of one fine-tune. */
export const fineTuneKey = (seed: number, mask: number): string => `ft/${seed}/${mask}`;

/**
 * Make sure every job's fine-tune is in the store: cached ones are skipped (resume), the rest run on
 * `workers` worker threads (1 = in this thread), biggest mixtures first. Each result is written to the
 * store as soon as it finishes (weights file atomically, then its record), so a killed run loses at most
 * the fine-tunes in flight.
 *
 * @example
 * await ensureFineTunes(store, ctx, jobs, { workers: 2, backend: "wasm", progress });
 */
export async function ensureFineTunes(
  store: RunStore,
  ctx: FineTuneContext,
  jobs: readonly FineTuneJob[],
  opts: { workers: number; backend: string; progress?: Progress; label?: string },
): Promise<{ trained: number; cached: number }> {
  const progress = opts.progress ?? silentProgress;
  const todo = jobs.filter((j) => !(store.has("finetune", fineTuneKey(j.seed, j.mask)) && store.hasWeights(fineTuneKey(j.seed, j.mask))));
  const cached = jobs.length - todo.length;
  if (todo.length === 0) return { trained: 0, cached };
  const size = (m: number) => ctx.tasks.reduce((s, t, i) => s + ((m >> i) & 1 ? t.splits.train.n : 0), 0);
  todo.sort((a, b) => size(b.mask) - size(a.mask) || a.seed - b.seed || a.mask - b.mask);
  progress.start(opts.label ?? "fine-tunes", todo.length);
  const save = (out: FineTuneOutput) => {
    const key = fineTuneKey(out.seed, out.mask);
    store.putWeights(key, new ParamVector(ctx.base.layout, out.data), { mask: String(out.mask), seed: String(out.seed) });
    const rec: FineTuneRecord = { mask: out.mask, seed: out.seed, samples: out.samples, steps: out.steps, seconds: out.seconds };
    store.put("finetune", key, rec);
    progress.tick(1, maskLabel(ctx, out.mask));
  };
  const workers = Math.max(1, Math.min(opts.workers, todo.length));
  if (workers === 1) {
    for (const job of todo) {
      save(runFineTuneJob(ctx, job));
      await new Promise((r) => setImmediate(r));   // let progress output and signals through
    }
  } else {
    const pool = new WorkerPool<FineTuneJob, FineTuneOutput>({
      script: path.join(__dirname, "finetune.worker.ts"),
      size: workers,
      workerData: contextToData(ctx, opts.backend),
    });
    try {
      await Promise.all(todo.map((job) => pool.run(job).then(save)));
    } finally {
      await pool.terminate();
    }
  }
  progress.done();
  return { trained: todo.length, cached };
}

/** "mnist+uci-digits" for a mask over the context's tasks. */
export function maskLabel(ctx: Pick<FineTuneContext, "tasks">, mask: number): string {
  return ctx.tasks.filter((_, i) => (mask >> i) & 1).map((t) => t.name).join("+");
}
