import { strict as assert } from "node:assert";
import * as path from "node:path";
import { describe, it } from "node:test";
import { WorkerCrashError, WorkerJobError, WorkerPool } from "../../../../src/experiment/runners/local/pool";
import { InvalidArgumentError } from "../../../../src/util/errors";

const script = path.resolve(__dirname, "..", "..", "..", "fixtures", "echo.worker.ts");

describe("WorkerPool", () => {
  it("runs TypeScript workers, transfers buffers both ways, runs jobs in parallel", async () => {
    const pool = new WorkerPool<unknown, any>({ script, size: 2 });
    try {
      const x = new Float32Array([1, 2, 3]);
      const r = await pool.run({ kind: "square", x }, [x.buffer]);
      assert.deepEqual([...r.y], [1, 4, 9]);
      assert.ok(r.y instanceof Float32Array);
      assert.equal(x.length, 0); // transferred, not copied
      assert.deepEqual(
        await Promise.all([1, 2, 3].map((value) => pool.run({ kind: "sleep", ms: 1, value }))),
        [1, 2, 3],
      );
      // Both workers are started now; four 400 ms jobs must run on two threads, overlapping in time.
      const spans: Array<{ thread: number; start: number; end: number }> = await Promise.all(
        [0, 1, 2, 3].map(() => pool.run({ kind: "span", ms: 400 })),
      );
      assert.equal(new Set(spans.map((s) => s.thread)).size, 2);
      assert.ok(
        spans.some((a) => spans.some((b) => a.thread !== b.thread && a.start < b.end && b.start < a.end)),
        "jobs ran in parallel",
      );
    } finally {
      await pool.close();
    }
  });
  it("a thrown error rejects only that job; a crash rejects with the cause and the worker is replaced", async () => {
    const pool = new WorkerPool<unknown, any>({ script, size: 1 });
    try {
      const before = await pool.run({ kind: "thread" });
      await assert.rejects(
        pool.run({ kind: "throw", message: "bad input" }),
        (e: unknown) => e instanceof WorkerJobError && e.remoteName === "RangeError" && /bad input/.test(e.message),
      );
      assert.equal(await pool.run({ kind: "thread" }), before); // same worker survives a thrown error
      await assert.rejects(
        pool.run({ kind: "crash" }),
        (e: unknown) =>
          e instanceof WorkerCrashError &&
          (e as { cause?: Error }).cause instanceof Error &&
          /boom from worker/.test(String((e as { cause?: Error }).cause)),
      );
      const queued = pool.run({ kind: "sleep", ms: 1, value: 42 });
      assert.equal(await queued, 42);
      assert.notEqual(await pool.run({ kind: "thread" }), before); // replaced
      await assert.rejects(pool.run({ kind: "exit", code: 3 }), /exited with code 3/);
      assert.equal(await pool.run({ kind: "sleep", ms: 1, value: 7 }), 7);
    } finally {
      await pool.close();
    }
  });
  it("close waits for queued jobs, then refuses new ones; bad options throw", async () => {
    const pool = new WorkerPool<unknown, any>({ script, size: 1 });
    const jobs = [pool.run({ kind: "sleep", ms: 50, value: 1 }), pool.run({ kind: "sleep", ms: 50, value: 2 })];
    await pool.close();
    assert.deepEqual(await Promise.all(jobs), [1, 2]);
    await assert.rejects(pool.run({ kind: "thread" }), InvalidArgumentError);
    assert.throws(() => new WorkerPool({ script: "relative.ts" }), /absolute path/);
    assert.throws(() => new WorkerPool({ script, size: 0 }), /size = 0/);
  });
});
