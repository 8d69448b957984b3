// The fine-tuning regime crosses the queue: a tangent run whose fine-tunes a real `merge-to-mix worker` does on a
// real redis-server gives the numbers of the same run done locally.
import { after, before, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { RunResults } from "../../src/results/results";
import { runExperiment } from "../../src/experiment/run";
import { QueueRunner } from "../../src/experiment/runners/queue/queue-runner";
import { initBackend } from "../../src/model/backend";
import { SYNTHETIC_RUN } from "../fixtures/synthetic-run";
import { startWorker, type WorkerProc } from "../fixtures/queue-worker-proc";
import { startRedis, type RedisHandle } from "../fixtures/redis-server";

const TANGENT = { ...SYNTHETIC_RUN, finetune: "tangent" as const };
const numbers = (r: RunResults) => ({ mixtures: r.mixtures, selections: r.selections, base: r.base });

const root = fs.mkdtempSync(path.join(os.tmpdir(), "m2m-queue-tangent-"));
let redis: RedisHandle, worker: WorkerProc | undefined;
before(async () => {
  await initBackend("cpu");
  redis = await startRedis();
});
after(async () => {
  await worker?.kill("SIGKILL");
  await redis?.destroy();
  fs.rmSync(root, { recursive: true, force: true });
});

it("finetune tangent through the queue: the worker trains tangent fine-tunes, numbers identical to a local run", async () => {
  const local = await runExperiment({ ...TANGENT, out: path.join(root, "local"), workers: 1 });
  worker = startWorker(redis.url, "tangent-w");
  await worker.waitFor(/ready on/, 60_000);
  const runner = await QueueRunner.open({ url: redis.url, sweepMs: 500 });
  try {
    const queued = await runExperiment({ ...TANGENT, out: path.join(root, "queued"), runner });
    assert.equal(queued.complete, true);
    assert.deepEqual(numbers(queued), numbers(local));
  } finally {
    await runner.close();
  }
});
