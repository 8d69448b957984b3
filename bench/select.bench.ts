/**
 * bench:select — what Merge to Mix selection costs on the quick preset of vision8, measured inside one run.
 * Run with `npm run bench:select`. Reuses (and resumes) the run directory runs/quick-vision8,
 * so only the first call pays for the fine-tunes; re-runs take about a minute.
 *
 * Prints:
 * - `merge-to-mix vs exhaustive: X.Xx faster`: N single fine-tunes + 2^N − 1 merge-evaluations per target
 *   versus every mixture fine-tune + its evaluations (RunResults.cost, target "all": measured seconds of
 *   each fine-tune and evaluation of that run). Exits 1 below 20x.
 * - `merge overhead: X% of forward passes`: one fresh scoreMergedMixtures sweep, (sweep − forward) / forward.
 * - fine-tune throughput (samples/s) with 1 and 2 workers on the main job's own fine-tunes (every other one
 *   of its 254 single and mixture fine-tunes, biggest first, as the driver orders them; fresh stores), and
 *   their ratio (goal ≥ 1.8x on 2 cores).
 * - tf.memory().numTensors before/after a whole sweep (exits 1 if it grew), and the run's peak RSS.
 */
import * as fs from "fs";
import * as path from "path";
import * as tf from "@tensorflow/tfjs";
import { loadSuite } from "../src/data/suites";
import { Evaluator } from "../src/evaluate/evaluator";
import { netSpecFor } from "../src/model/spec";
import { resolveSpec } from "../src/experiment/spec";
import { openRunStore, runExperiment } from "../src/experiment/run";
import { RunStore } from "../src/experiment/store";
import { ensureFineTunes, fineTuneKey } from "../src/experiment/finetune-pool";
import { scoreMergedMixtures } from "../src/experiment/measure/merged-scores";
import { terminalProgress } from "../src/cli/progress-bar";
import type { FineTuneContext, FineTuneJob } from "../src/experiment/finetune-job";
import type { ParamVector } from "../src/params/param-vector";
import { popcount } from "../src/merge/subsets";

/** The run directory of `npm start` (same spec), so the bench reuses the main job's work. */
const RUN_DIR = path.join("runs", "quick-vision8");
const MIN_SPEEDUP = 20;
const MAX_OVERHEAD = 0.1;
const MIN_SCALING = 1.8;

const mib = (kb: number) => (kb / 1024).toFixed(0);
const fail: string[] = [];

async function main(): Promise<void> {
  const progress = terminalProgress();
  const t0 = Date.now();

  // 1. The whole leave-one-out run (resumed from the cache): its cost rows give the headline ratio.
  const results = await runExperiment({
    suite: "vision8",
    preset: "quick",
    seeds: 1,
    out: RUN_DIR,
    workers: 2,
    backend: "wasm",
    progress,
  });
  const all = results.cost.find((c) => c.target === "all");
  if (!all || !results.complete) throw new Error(`the run in ${RUN_DIR} is incomplete; re-run the bench to resume it`);
  const speedup = all.exhaustive_seconds / all.m2m_seconds;
  console.log(
    `run: ${results.targets.length} targets, ${all.m2m_finetunes} single fine-tunes + ${all.m2m_merge_evals} merge-evaluations = ${all.m2m_seconds.toFixed(1)} s; ` +
      `${all.exhaustive_finetunes} mixture fine-tunes + their evaluations = ${all.exhaustive_seconds.toFixed(1)} s`,
  );
  console.log(`merge-to-mix vs exhaustive: ${speedup.toFixed(1)}x faster`);
  if (!(speedup >= MIN_SPEEDUP)) fail.push(`speedup ${speedup.toFixed(1)}x < ${MIN_SPEEDUP}x`);

  // Rebuild the run's context from its own store (same spec object as the driver, so it opens read-only in effect).
  const spec = resolveSpec({ suite: "vision8", preset: "quick", seeds: 1 });
  const suite = await loadSuite("vision8", { preset: "quick", seed: spec.dataSeed });
  const store = openRunStore({ suite: "vision8", preset: "quick", seeds: 1, out: RUN_DIR });
  let ctx: FineTuneContext;
  const target = suite.tasks[0];
  const singles: ParamVector[] = [];
  try {
    const theta0 = store.getWeights("theta0")!.params;
    const netSpec = netSpecFor(suite.tasks, spec.hidden, spec.headRule);
    ctx = { tasks: suite.tasks, base: theta0, netSpec, recipe: spec.recipe, headRule: spec.headRule };
    for (let b = 1; b < suite.tasks.length; b++)
      singles.push(store.getWeights(fineTuneKey(0, 1 << b), theta0.layout)!.params);
  } finally {
    store.close();
  }

  // 2. One fresh sweep: merge overhead over the forward passes, and tensors before/after.
  const ev = new Evaluator(ctx.netSpec, ctx.headRule);
  try {
    ev.load(ctx.base);
    ev.evaluate(target, "val"); // warm-up: the first forward pass compiles kernels
    const before = tf.memory().numTensors;
    const s = scoreMergedMixtures(ev, singles, target);
    const after = tf.memory().numTensors;
    const overhead = (s.seconds - s.evalSeconds) / s.evalSeconds;
    console.log(
      `sweep on ${target.name}: ${2 ** singles.length - 1} mixtures in ${s.seconds.toFixed(2)} s, forward passes ${s.evalSeconds.toFixed(2)} s`,
    );
    console.log(`merge overhead: ${(100 * overhead).toFixed(1)}% of forward passes (goal ≤ ${100 * MAX_OVERHEAD}%)`);
    console.log(`tensors: ${before} before / ${after} after a whole sweep${after === before ? " (flat)" : " (LEAK)"}`);
    if (after !== before) fail.push(`numTensors ${before} → ${after} over a sweep`);
    if (!(overhead <= MAX_OVERHEAD))
      fail.push(`merge overhead ${(100 * overhead).toFixed(1)}% > ${100 * MAX_OVERHEAD}%`);
  } finally {
    ev.dispose();
  }

  // 3. Fine-tune throughput with 1 and 2 workers on the main job's fine-tunes (every other one, biggest first).
  // the run's fine-tunes: every single dataset, and every mixture that leaves out at least one target
  const targetBits = results.targets.map((t) => suite.tasks.findIndex((x) => x.name === t));
  const masks = Array.from({ length: 2 ** suite.tasks.length - 1 }, (_, i) => i + 1).filter(
    (m) => popcount(m) === 1 || targetBits.some((b) => !((m >> b) & 1)),
  );
  const size = (m: number) => suite.tasks.reduce((n, t, i) => n + ((m >> i) & 1 ? t.splits.train.n : 0), 0);
  const jobs: FineTuneJob[] = masks
    .sort((a, b) => size(b) - size(a) || a - b)
    .filter((_, i) => i % 2 === 0)
    .map((mask) => ({ mask, seed: 0 }));
  const rate: number[] = [];
  for (const workers of [1, 2]) {
    const dir = path.join("build", "bench-select", `throughput-${workers}`);
    fs.rmSync(dir, { recursive: true, force: true });
    const tstore = RunStore.open(dir, { spec: { bench: "select-throughput", workers } });
    try {
      const w0 = process.hrtime.bigint();
      await ensureFineTunes(tstore, ctx, jobs, { workers, backend: "wasm" });
      const wall = Number(process.hrtime.bigint() - w0) / 1e9;
      const samples = jobs.reduce(
        (n, j) => n + (tstore.get<{ samples: number }>("finetune", fineTuneKey(j.seed, j.mask))?.samples ?? 0),
        0,
      );
      rate.push(samples / wall);
      console.log(
        `fine-tune throughput, ${workers} worker${workers > 1 ? "s" : ""}: ${(samples / wall).toFixed(0)} samples/s (${jobs.length} of the main job's fine-tunes, ${samples} samples, ${wall.toFixed(1)} s wall)`,
      );
    } finally {
      tstore.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  const scaling = rate[1] / rate[0];
  console.log(`fine-tune throughput 2 vs 1 workers: ${scaling.toFixed(2)}x (goal ≥ ${MIN_SCALING}x on 2 cores)`);
  if (!(scaling >= MIN_SCALING)) fail.push(`2 workers ${scaling.toFixed(2)}x of 1 < ${MIN_SCALING}x`);

  // 4. Memory: peak RSS of the whole process (worker threads included).
  console.log(
    `peak RSS: ${mib(process.resourceUsage().maxRSS)} MiB; bench wall time ${((Date.now() - t0) / 1000).toFixed(0)} s`,
  );
  if (fail.length) {
    console.error(`bench:select FAILED: ${fail.join("; ")}`);
    process.exitCode = 1;
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
