/**
 * bench:queue — the quick vision8 ground truth (every fine-tune of `npm start`: 8 single-dataset + 246 mixture
 * fine-tunes, 254 in all) three ways, measured in one run on the wasm backend:
 *   1. in-process: LocalRunner with 1 thread (this process, no queue);
 *   2. through the BullMQ queue on a fresh local redis-server, with 1 `merge-to-mix worker` process;
 *   3. the same with 2 worker processes.
 * Each writes its own temp run store. Prints the per-phase wall times, whether every weight is bit-identical to
 * the in-process ones, the machine's load, and then exactly:
 *   queue: 2 workers 1.9x of 1 worker, overhead 2.1% per job vs in-process
 * 2 workers: 1-worker wall time / 2-worker wall time. Overhead: wall time per second of fine-tuning (the
 * fine-tunes' own timers, summed) with 1 queue worker, over the same ratio in-process, minus 1: the extra time
 * each job costs beyond its fine-tune, relative to in-process. Normalising by the fine-tunes' own seconds keeps a
 * load change between the phases (the machine is shared) out of the overhead; the plain wall-time ratio is
 * printed too. `-- --jobs N` runs an evenly spread subset of N fine-tunes instead of all 254.
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadSuite } from "../src/data/suites";
import { pretrainedEncoder } from "../src/experiment/base-model";
import { ensureFineTunes, fineTuneKey, type FineTuneRecord } from "../src/experiment/finetune-pool";
import type { FineTuneContext, FineTuneJob } from "../src/experiment/finetune-job";
import { terminalProgress } from "../src/cli/progress-bar";
import { LocalRunner } from "../src/experiment/runners/local/local-runner";
import { QueueRunner } from "../src/experiment/runners/queue/queue-runner";
import { suiteRef, type FineTuneRunner } from "../src/experiment/runners/runner";
import { resolveSpec } from "../src/experiment/spec";
import { RunStore } from "../src/experiment/store";
import { initBackend } from "../src/model/backend";
import { buildBase } from "../src/model/pretrain";
import { netSpecFor } from "../src/model/spec";
import { startRedis } from "../test/fixtures/redis-server";

const ROOT = path.join(__dirname, "..");

function jobsArg(): number | undefined {
  const i = process.argv.indexOf("--jobs");
  if (i < 0) return undefined;
  const n = Number(process.argv[i + 1]);
  if (!Number.isInteger(n) || n < 2) throw new Error(`--jobs ${process.argv[i + 1]}: expected an integer ≥ 2`);
  return n;
}

/** Start `bin/merge-to-mix worker` and resolve once it is ready. */
function startWorker(url: string, name: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(ROOT, "bin", "merge-to-mix"), ["worker", "--queue", url, "--name", name], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout!.on("data", (b: Buffer) => {
      out += b;
      if (out.includes("ready on")) resolve(child);
    });
    child.once("exit", (code) => reject(new Error(`worker ${name} exited with ${code}:\n${out}`)));
  });
}

async function main(): Promise<void> {
  const progress = terminalProgress();
  const backend = await initBackend("wasm");
  const spec = resolveSpec({ suite: "vision8", preset: "quick" });
  const suite = await loadSuite("vision8", { preset: "quick", seed: spec.dataSeed });
  const { encoder } = await pretrainedEncoder(suite, spec.hidden, spec.pretrain, { progress });
  const netSpec = netSpecFor(suite.tasks, spec.hidden, spec.headRule);
  const ctx: FineTuneContext = {
    tasks: suite.tasks,
    base: buildBase(encoder, suite.tasks, spec.headRule, spec.pretrain.seed),
    netSpec,
    recipe: spec.recipe,
    headRule: spec.headRule,
  };
  // The ground truth of the leave-one-out run: every mixture that leaves at least one task out (so it is a
  // candidate mixture of some target), singles included.
  const K = suite.tasks.length;
  let masks = Array.from({ length: 2 ** K - 2 }, (_, i) => i + 1);
  const want = jobsArg();
  if (want && want < masks.length)
    masks = Array.from({ length: want }, (_, i) => masks[Math.floor((i * masks.length) / want)]);
  const jobs: FineTuneJob[] = masks.map((mask) => ({ mask, seed: 0 }));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "m2m-bench-queue-"));
  const redis = await startRedis();
  const children: ChildProcess[] = [];
  const loads: string[] = [];
  try {
    const phase = async (
      name: string,
      runner: FineTuneRunner,
    ): Promise<{ seconds: number; training: number; store: RunStore }> => {
      loads.push(
        `${name}: load ${os
          .loadavg()
          .map((x) => x.toFixed(2))
          .join(" ")}`,
      );
      const store = RunStore.open(path.join(tmp, name), { spec: { bench: "queue", name } });
      const t0 = process.hrtime.bigint();
      await ensureFineTunes(store, ctx, jobs, {
        runner,
        backend: backend.name,
        data: suiteRef("vision8", "quick", spec.dataSeed),
        progress,
        label: `${name}: ${jobs.length} fine-tunes`,
      });
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      const training = jobs.reduce(
        (sum, j) => sum + store.get<FineTuneRecord>("finetune", fineTuneKey(j.seed, j.mask))!.seconds,
        0,
      );
      return { seconds, training, store };
    };
    const inProcess = await phase("in-process", new LocalRunner({ threads: 1 }));
    const queued: Array<{ seconds: number; training: number; store: RunStore }> = [];
    for (const n of [1, 2]) {
      while (children.length < n) children.push(await startWorker(redis.url, `bench-${children.length + 1}`));
      const runner = await QueueRunner.open({ url: redis.url });
      try {
        queued.push(await phase(`queue-${n}`, runner));
      } finally {
        await runner.close();
      }
    }
    let identical = true;
    for (const j of jobs) {
      const ref = inProcess.store.getWeights(fineTuneKey(j.seed, j.mask))!.params.data;
      for (const q of queued) {
        const w = q.store.getWeights(fineTuneKey(j.seed, j.mask))!.params.data;
        if (w.length !== ref.length || w.some((v, i) => !Object.is(v, ref[i]))) identical = false;
      }
    }
    for (const s of [inProcess, ...queued]) s.store.close();
    const [q1, q2] = queued;
    console.log(`${jobs.length} fine-tunes (vision8 quick, ${backend.detail}), ${os.availableParallelism()} cores`);
    const perSecond = (p: { seconds: number; training: number }) => p.seconds / p.training;
    for (const [name, p] of [
      ["in-process (1 thread)", inProcess],
      ["queue, 1 worker", q1],
      ["queue, 2 workers", q2],
    ] as const) {
      console.log(
        `${name}: ${p.seconds.toFixed(1)} s wall, ${p.training.toFixed(1)} s of fine-tuning (${(p.training / jobs.length).toFixed(3)} s per fine-tune), wall per fine-tune second ${perSecond(p).toFixed(3)}`,
      );
    }
    console.log(`plain wall-time ratio, 1 queue worker / in-process: ${(q1.seconds / inProcess.seconds).toFixed(3)}`);
    console.log(`weights identical to in-process: ${identical ? "yes" : "NO"}`);
    for (const l of loads) console.log(l);
    console.log(
      `queue: 2 workers ${(q1.seconds / q2.seconds).toFixed(1)}x of 1 worker, overhead ${(100 * (perSecond(q1) / perSecond(inProcess) - 1)).toFixed(1)}% per job vs in-process`,
    );
    if (!identical) process.exitCode = 1;
  } finally {
    for (const c of children) c.kill("SIGTERM");
    await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once("exit", r)))));
    await redis.destroy();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
