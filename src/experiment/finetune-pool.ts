import { ParamVector } from "../params/param-vector";
import { silentProgress, type Progress } from "../util/progress";
import type { FineTuneContext, FineTuneJob, FineTuneOutput } from "./finetune-job";
import { LocalRunner } from "./runners/local/local-runner";
import type { FineTuneRunner, SuiteRef } from "./runners/runner";
import type { RunStore } from "./store";

export { maskLabel } from "./runners/local/local-runner";

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

/** Options of {@link ensureFineTunes}. */
export interface EnsureFineTunesOptions {
  /** Where the fine-tunes run (default: a {@link LocalRunner} of `workers` threads, closed afterwards). */
  runner?: FineTuneRunner;
  /** Threads of the default local runner (1 = in this thread). */
  workers?: number;
  /** The tfjs backend of this run; every result comes from it. */
  backend: string;
  /** How remote workers reload the suite (needed by a queue runner). */
  data?: SuiteRef;
  progress?: Progress;
  label?: string;
}

/**
 * Make sure every job's fine-tune is in the store: cached ones are skipped (resume), the rest run on the
 * runner (a local thread pool, or a queue of remote workers), biggest mixtures first. This process alone
 * writes the store: each result as it arrives (weights file atomically, then its record), so a killed run
 * loses at most the fine-tunes in flight. A result for a key already stored (a duplicate from a retried
 * job) is ignored and not counted.
 *
 * @example
 * await ensureFineTunes(store, ctx, jobs, { workers: 2, backend: "wasm", progress });
 * await ensureFineTunes(store, ctx, jobs, { runner: await QueueRunner.open("redis://127.0.0.1:6379"), backend: "wasm", data });
 */
export async function ensureFineTunes(
  store: RunStore,
  ctx: FineTuneContext,
  jobs: readonly FineTuneJob[],
  opts: EnsureFineTunesOptions,
): Promise<{ trained: number; cached: number; duplicates: number }> {
  const progress = opts.progress ?? silentProgress;
  const stored = (seed: number, mask: number) =>
    store.has("finetune", fineTuneKey(seed, mask)) && store.hasWeights(fineTuneKey(seed, mask));
  const todo = jobs.filter((j) => !stored(j.seed, j.mask));
  const cached = jobs.length - todo.length;
  if (todo.length === 0) return { trained: 0, cached, duplicates: 0 };
  const size = (m: number) => ctx.tasks.reduce((s, t, i) => s + ((m >> i) & 1 ? t.splits.train.n : 0), 0);
  todo.sort((a, b) => size(b.mask) - size(a.mask) || a.seed - b.seed || a.mask - b.mask);
  const label = opts.label ?? "fine-tunes";
  let trained = 0,
    duplicates = 0;
  const save = (out: FineTuneOutput): boolean => {
    if (stored(out.seed, out.mask)) {
      duplicates++;
      return false;
    }
    const key = fineTuneKey(out.seed, out.mask);
    store.putWeights(key, new ParamVector(ctx.base.layout, out.data), {
      mask: String(out.mask),
      seed: String(out.seed),
    });
    const rec: FineTuneRecord = {
      mask: out.mask,
      seed: out.seed,
      samples: out.samples,
      steps: out.steps,
      seconds: out.seconds,
    };
    store.put("finetune", key, rec);
    trained++;
    return true;
  };
  const runner = opts.runner ?? new LocalRunner({ threads: Math.max(1, opts.workers ?? 1) });
  progress.start(label, todo.length);
  try {
    await runner.run({ ctx, jobs: todo, backend: opts.backend, data: opts.data, label }, save, progress);
  } finally {
    if (!opts.runner) await runner.close();
  }
  progress.done();
  return { trained, cached, duplicates };
}
