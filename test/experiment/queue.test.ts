// Fault drills of the BullMQ queue on a real redis-server (free 127.0.0.1 port) with real worker processes
// (`bin/merge-to-mix worker`), SIGKILLed in the middle of jobs. QUEUE_DRILLS=10 repeats the kill-a-worker drill.
import { after, afterEach, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runCli } from "../fixtures/cli";
import { loadSuite } from "../../src/data/suites";
import type { Task } from "../../src/data/types";
import { ensureFineTunes, fineTuneKey } from "../../src/experiment/finetune-pool";
import type { RunResults } from "../../src/results/results";
import { runExperiment } from "../../src/experiment/run";
import { FineTuneFailedError } from "../../src/experiment/runners/queue/errors";
import { QueueRunner } from "../../src/experiment/runners/queue/queue-runner";
import { clearQueue } from "../../src/experiment/runners/queue/queue-status";
import { suiteRef } from "../../src/experiment/runners/runner";
import { RunStore } from "../../src/experiment/store";
import { initBackend } from "../../src/model/backend";
import { initParams } from "../../src/model/init";
import { netSpecFor, networkLayout } from "../../src/model/spec";
import type { Progress } from "../../src/util/progress";
import { QUEUE_RUN } from "../fixtures/queue-run";
import { doneJobs, startWorker, type WorkerProc } from "../fixtures/queue-worker-proc";
import { startRedis, type RedisHandle } from "../fixtures/redis-server";
import { storeSnapshot } from "../fixtures/store-snapshot";

const DRILLS = Number(process.env.QUEUE_DRILLS ?? 1);
// a drill that hangs (a lost job, a worker that never exits) fails with a name instead of stalling the suite
const DRILL_TIMEOUT_MS = 5 * 60_000 * DRILLS;
const MIXTURES = "mixture fine-tunes (ground truth)";
const FINE_TUNES = 15; // 4 single-dataset + 11 mixtures of the drill run

/** Everything that must not depend on where fine-tunes ran (timings dropped). */
const numbers = (r: RunResults) => ({
  mixtures: r.mixtures,
  selections: r.selections,
  correlations: r.correlations,
  base: r.base,
  singles: r.singles,
  cost: r.cost.map(({ m2m_seconds: _a, m2m_merge_seconds: _m, exhaustive_seconds: _b, speedup: _c, ...rest }) => rest),
});

/** A progress that keeps the log lines and the stored count per phase, and lets a test wait for a count. */
function recorder() {
  const logs: string[] = [],
    totals = new Map<string, number>(),
    ticks = new Map<string, number>(),
    details: string[] = [];
  let label = "";
  const waiters: Array<{ label: string; n: number; resolve(): void }> = [];
  const progress: Progress = {
    start(l, n) {
      label = l;
      totals.set(l, n);
      ticks.set(l, 0);
    },
    tick(n = 1, d) {
      ticks.set(label, (ticks.get(label) ?? 0) + n);
      if (d) details.push(d);
      for (const w of [...waiters])
        if (w.label === label && ticks.get(label)! >= w.n) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve();
        }
    },
    log(m) {
      logs.push(m);
    },
    done() {},
  };
  const reached = (l: string, n: number) => new Promise<void>((resolve) => waiters.push({ label: l, n, resolve }));
  return { progress, logs, totals, ticks, details, reached };
}

const cli = runCli;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("fine-tunes through a BullMQ queue on a real redis-server", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "m2m-queue-"));
  let redis: RedisHandle, local: RunResults;
  const workers: WorkerProc[] = [];
  const worker = (name: string, opts?: { script?: string }) => {
    const w = startWorker(redis.url, name, opts);
    workers.push(w);
    return w;
  };

  before(async () => {
    await initBackend("cpu");
    redis = await startRedis();
    local = await runExperiment({ ...QUEUE_RUN, out: path.join(root, "local"), workers: 1 });
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.kill("SIGKILL")));
    await clearQueue({ url: redis.url }, true);
  });
  after(async () => {
    await redis?.destroy();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it(
    `SIGKILL a worker mid-job (${DRILLS}×): another worker redoes that job, numbers identical to a local run`,
    { timeout: DRILL_TIMEOUT_MS },
    async () => {
      for (let drill = 0; drill < DRILLS; drill++) {
        const a = worker(`drill-a${drill}`),
          b = worker(`drill-b${drill}`);
        await Promise.all([a.waitFor(/ready on/), b.waitFor(/ready on/)]);
        if (drill === 0) {
          const s = await cli(["queue", "--queue", redis.url]);
          assert.equal(s.code, 0, s.err);
          assert.match(s.out, /workers: 2\n/);
          assert.match(s.out, /drill-a0 /);
          assert.match(s.out, /drill-b0 /);
        }
        const rec = recorder();
        const runner = await QueueRunner.open({ url: redis.url, sweepMs: 500 });
        try {
          const run = runExperiment({
            ...QUEUE_RUN,
            out: path.join(root, `kill-worker-${drill}`),
            runner,
            progress: rec.progress,
          });
          // Kill worker a in the middle of its second fine-tune (its run context is warm by then).
          const victim = /job (\S+) /.exec(await a.waitFor(/\) started$/, 60000, 2))![1];
          await a.kill("SIGKILL");
          const r = await run;
          assert.equal(r.complete, true);
          assert.deepEqual(numbers(r), numbers(local), `drill ${drill}: numbers differ from the local run`);
          assert.ok(!doneJobs(a).includes(victim), `drill ${drill}: ${victim} finished before the kill`);
          assert.ok(
            doneJobs(b).includes(victim),
            `drill ${drill}: worker b never redid ${victim}:\n${b.lines.join("\n")}`,
          );
          assert.ok(
            rec.logs.some((l) => /stopped answering; the job goes to another worker/.test(l)),
            rec.logs.join("\n"),
          );
          assert.equal(
            (rec.ticks.get("single-dataset fine-tunes") ?? 0) + (rec.ticks.get(MIXTURES) ?? 0),
            FINE_TUNES,
            "each fine-tune stored once",
          );
          assert.ok(
            rec.details.some((d) =>
              /queued \d+ · active \d+ · done \d+ · failed \d+ · workers \d+ \(.*drill-b/.test(d),
            ),
            rec.details.slice(-3).join("\n"),
          );
        } finally {
          await runner.close();
        }
        await Promise.all(workers.splice(0).map((w) => w.kill("SIGKILL")));
      }
    },
  );

  it(
    "SIGKILL the coordinator: re-running harvests what finished meanwhile and redoes no stored work",
    { timeout: DRILL_TIMEOUT_MS },
    async () => {
      const w = worker("solo");
      await w.waitFor(/ready on/);
      const dir = path.join(root, "kill-coordinator");
      const child = spawn(
        process.execPath,
        ["--import", "tsx", path.join(__dirname, "..", "fixtures", "queue-run-child.ts"), dir, redis.url],
        { stdio: ["ignore", "pipe", "pipe"] },
      );
      let stderr = "";
      const killed = new Promise<NodeJS.Signals | null>((resolve) => {
        child.stderr.on("data", (b: Buffer) => {
          stderr += b;
          if (stderr.includes(`tick ${MIXTURES} 3\n`)) child.kill("SIGKILL");
        });
        child.on("exit", (_c, signal) => resolve(signal));
      });
      assert.equal(await killed, "SIGKILL", stderr.slice(-2000));
      const before = storeSnapshot(dir);
      const storedMixtures = [...before.keys()].filter((k) => k.startsWith("f:")).length - 4;
      assert.ok(storedMixtures >= 3 && storedMixtures < 11, `stored before the kill: ${storedMixtures}`);
      // The worker goes on with the queued jobs while no coordinator listens.
      while (doneJobs(w).length < FINE_TUNES) await sleep(200);

      const rec = recorder();
      const runner = await QueueRunner.open({ url: redis.url, sweepMs: 500 });
      try {
        const r = await runExperiment({ ...QUEUE_RUN, out: dir, runner, progress: rec.progress });
        assert.deepEqual(numbers(r), numbers(local));
      } finally {
        await runner.close();
      }
      assert.equal(rec.totals.has("single-dataset fine-tunes"), false);
      assert.equal(rec.totals.get(MIXTURES), 11 - storedMixtures);
      const afterRun = storeSnapshot(dir);
      for (const [k, v] of before) assert.equal(afterRun.get(k), v, `${k} was rewritten`);
      const done = doneJobs(w);
      assert.equal(done.length, FINE_TUNES, `the worker redid work:\n${done.join("\n")}`);
      assert.equal(new Set(done).size, FINE_TUNES);
    },
  );

  for (const persist of [false, true]) {
    it(
      `Redis restarted mid-run (${persist ? "append-only file" : "no persistence"}): everyone reconnects${persist ? ", the queued jobs survive" : ", lost jobs and θ0 are queued again"}`,
      { timeout: DRILL_TIMEOUT_MS },
      async () => {
        const r0 = await startRedis({ persist });
        const a = startWorker(r0.url, "restart-a"),
          b = startWorker(r0.url, "restart-b");
        workers.push(a, b);
        const rec = recorder();
        try {
          await Promise.all([a.waitFor(/ready on/), b.waitFor(/ready on/)]);
          const runner = await QueueRunner.open({ url: r0.url, sweepMs: 500 });
          try {
            const run = runExperiment({
              ...QUEUE_RUN,
              out: path.join(root, `restart-${persist}`),
              runner,
              progress: rec.progress,
            });
            await rec.reached(MIXTURES, 2);
            await r0.stop();
            await sleep(1000);
            await r0.start();
            const r = await run;
            assert.deepEqual(numbers(r), numbers(local));
          } finally {
            await runner.close();
          }
          assert.ok(
            rec.logs.some((l) => /lost Redis/.test(l)) && rec.logs.some((l) => /reconnected to Redis/.test(l)),
            rec.logs.join("\n"),
          );
          const requeued = rec.logs.some((l) => /gone from Redis; queued again/.test(l)),
            republished = rec.logs.some((l) => /θ0 was gone from Redis/.test(l));
          assert.equal(requeued, !persist, rec.logs.join("\n"));
          assert.equal(republished, !persist, rec.logs.join("\n"));
          assert.equal(rec.ticks.get(MIXTURES), 11);
          for (const w of [a, b]) {
            assert.equal(w.child.exitCode, null, `${w.name} died:\n${w.lines.join("\n")}`);
            assert.ok(
              w.lines.some((l) => /reconnected to Redis/.test(l)),
              `${w.name}:\n${w.lines.join("\n")}`,
            );
          }
        } finally {
          await Promise.all(workers.splice(0).map((w) => w.kill("SIGKILL")));
          await r0.destroy();
        }
      },
    );
  }

  it(
    "a result that fails its sha256 check is rejected and the job retried",
    { timeout: DRILL_TIMEOUT_MS },
    async () => {
      const w = worker("corrupter", { script: path.join(__dirname, "..", "fixtures", "corrupt-worker.ts") });
      await w.waitFor(/ready on/);
      const rec = recorder();
      const runner = await QueueRunner.open({ url: redis.url, sweepMs: 500 });
      try {
        const r = await runExperiment({
          ...QUEUE_RUN,
          out: path.join(root, "corrupt"),
          runner,
          progress: rec.progress,
        });
        assert.deepEqual(numbers(r), numbers(local));
      } finally {
        await runner.close();
      }
      const job = /corrupted the result of job (\S+)/.exec(await w.waitFor(/corrupted the result/))![1];
      assert.ok(
        rec.logs.some((l) =>
          /rejected the result of .* from corrupter: sha256 .* differs from the worker's .*; retrying \(1\/3\)/.test(l),
        ),
        rec.logs.join("\n"),
      );
      assert.equal(doneJobs(w).filter((j) => j === job).length, 2, "the corrupted job ran again");
      assert.equal(doneJobs(w).length, FINE_TUNES + 1);
    },
  );

  it(
    "a worker refuses a job whose data hashes differ, naming the task, and stops",
    { timeout: DRILL_TIMEOUT_MS },
    async () => {
      const w = worker("stale");
      await w.waitFor(/ready on/);
      const suite = await loadSuite("synthetic", { preset: "quick", seed: 0 });
      // The coordinator's copy of "helper" has one label changed: the worker's own data no longer match.
      const tasks: Task[] = suite.tasks.map((t) => {
        if (t.name !== "helper") return t;
        const y = Int32Array.from(t.splits.train.y);
        y[0] = (y[0] + 1) % t.classes.length;
        return { ...t, splits: { ...t.splits, train: { ...t.splits.train, y } } };
      });
      const netSpec = netSpecFor(tasks, [32], "shared");
      const ctx = {
        tasks,
        base: initParams(networkLayout(netSpec), 1),
        netSpec,
        recipe: QUEUE_RUN.recipe as never,
        headRule: "shared" as const,
      };
      const store = RunStore.open(path.join(root, "stale"), { spec: { drill: "stale" } });
      const runner = await QueueRunner.open({ url: redis.url, attempts: 1, sweepMs: 500 });
      try {
        await assert.rejects(
          ensureFineTunes(store, ctx, [{ mask: 0b10, seed: 0 }], {
            runner,
            backend: "cpu",
            data: suiteRef("synthetic", "quick", 0),
          }),
          (e: unknown) =>
            e instanceof FineTuneFailedError &&
            /prepared data of task "helper"/.test(e.message) &&
            /helper \(seed 0\) failed after 1 attempt/.test(e.message),
        );
        assert.equal(store.has("finetune", fineTuneKey(0, 0b10)), false);
      } finally {
        await runner.close();
        store.close();
      }
      assert.equal((await w.exited).code, 1);
      assert.ok(
        w.lines.some((l) =>
          /refusing this run: the prepared data of task "helper" .* differ from the coordinator's/.test(l),
        ),
        w.lines.join("\n"),
      );
    },
  );
});
