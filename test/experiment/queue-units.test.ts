// The queue's pure parts (URLs, job ids, payloads) and the coordinator's "nothing counted twice" rule.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import "../../src/data/synthetic/suite";
import { loadSuite } from "../../src/data/suites";
import { ensureFineTunes, fineTuneKey } from "../../src/experiment/finetune-pool";
import type { FineTuneContext, FineTuneOutput } from "../../src/experiment/finetune-job";
import { LocalRunner } from "../../src/experiment/runners/local/local-runner";
import { connectRedis, redisOptions, safeUrl } from "../../src/experiment/runners/queue/connection";
import { trainingCodeHash } from "../../src/experiment/runners/queue/code-hash";
import { QueueConnectionError } from "../../src/experiment/runners/queue/errors";
import { bytesToFloat32, float32Bytes, jobIdOf, queueContext } from "../../src/experiment/runners/queue/protocol";
import {
  suiteRef,
  type FineTuneBatch,
  type FineTuneRunner,
  type ResultSink,
} from "../../src/experiment/runners/runner";
import { RunStore } from "../../src/experiment/store";
import { initBackend } from "../../src/model/backend";
import { initParams } from "../../src/model/init";
import { netSpecFor, networkLayout } from "../../src/model/spec";
import { InvalidArgumentError } from "../../src/util/errors";
import { anchorHeadLayout } from "../../src/model/anchor";
import { ParamVector } from "../../src/params/param-vector";
import { resolveSpec } from "../../src/experiment/spec";
import type { Progress } from "../../src/util/progress";
import { runCli } from "../fixtures/cli";
import { freePort } from "../fixtures/redis-server";

async function tinyContext(): Promise<FineTuneContext> {
  const suite = await loadSuite("synthetic", { sizes: { train: 40 } });
  const netSpec = netSpecFor(suite.tasks, [8], "shared");
  return {
    tasks: suite.tasks,
    base: initParams(networkLayout(netSpec), 3),
    netSpec,
    recipe: { optimizer: "adam", learningRate: 1e-2, batchSize: 16, epochs: 1 },
    headRule: "shared",
  };
}

describe("queue URLs", () => {
  it("parses host, port, database, credentials and TLS; hides the password in logs", () => {
    assert.deepEqual(
      { ...redisOptions("redis://10.0.0.5:6380/3"), retryStrategy: undefined },
      { host: "10.0.0.5", port: 6380, db: 3, maxRetriesPerRequest: null, retryStrategy: undefined },
    );
    const o = redisOptions("rediss://me:s%40cret@cache.example:7000");
    assert.equal(o.username, "me");
    assert.equal(o.password, "s@cret");
    assert.deepEqual(o.tls, {});
    assert.equal(o.port, 7000);
    assert.equal(o.db, 0);
    assert.equal(redisOptions("redis://localhost").port, 6379);
    assert.equal(safeUrl("redis://me:pw@h:6379/1"), "redis://me:***@h:6379/1");
  });
  it("rejects what is not a Redis URL, naming it", () => {
    for (const bad of ["http://h:6379", "h:6379", "redis://", "redis://h:6379/x", ""]) {
      assert.throws(
        () => redisOptions(bad),
        (e: unknown) => e instanceof InvalidArgumentError && e.message.includes(JSON.stringify(bad)),
        bad,
      );
    }
  });
  it("a Redis that does not answer is a QueueConnectionError naming the URL and how to start one", async () => {
    const port = await freePort();
    await assert.rejects(
      connectRedis(`redis://127.0.0.1:${port}`, 500),
      (e: unknown) =>
        e instanceof QueueConnectionError &&
        e.message.includes(`redis://127.0.0.1:${port}`) &&
        e.message.includes(`redis-server --port ${port}`),
    );
  });
});

describe("queue jobs", () => {
  it("job ids are the same on every re-run and change with the data, θ0, recipe or backend", async () => {
    const ctx = await tinyContext();
    const data = suiteRef("synthetic", "quick", 0, { sizes: { train: 40 }, cacheDir: "/somewhere/local" });
    assert.deepEqual(
      data,
      { suite: "synthetic", preset: "quick", seed: 0, options: { sizes: { train: 40 } } },
      "machine-local options stay behind",
    );
    const batch: FineTuneBatch & { data: typeof data } = { ctx, jobs: [], backend: "cpu", data, label: "x" };
    const a = queueContext(batch, "m2m", "finetunes"),
      again = queueContext(batch, "m2m", "finetunes");
    assert.equal(a.run, again.run);
    assert.match(a.run, /^[0-9a-f]{16}$/);
    assert.equal(jobIdOf(a.run, { seed: 2, mask: 5 }), `ft-${a.run}-2-5`);
    assert.equal(a.context.code, trainingCodeHash());
    assert.match(a.context.code, /^[0-9a-f]{64}$/);
    assert.deepEqual(
      a.context.tasks.map((t) => t.name),
      ctx.tasks.map((t) => t.name),
    );
    const y = Int32Array.from(ctx.tasks[1].splits.train.y);
    y[0] = (y[0] + 1) % 4;
    const tampered = {
      ...ctx,
      tasks: ctx.tasks.map((t, i) =>
        i === 1 ? { ...t, splits: { ...t.splits, train: { ...t.splits.train, y } } } : t,
      ),
    };
    const variants = [
      queueContext({ ...batch, ctx: tampered }, "m2m", "finetunes"),
      queueContext({ ...batch, ctx: { ...ctx, base: initParams(ctx.base.layout, 4) } }, "m2m", "finetunes"),
      queueContext({ ...batch, ctx: { ...ctx, recipe: { ...ctx.recipe, epochs: 2 } } }, "m2m", "finetunes"),
      queueContext({ ...batch, backend: "wasm" }, "m2m", "finetunes"),
    ];
    for (const v of variants) assert.notEqual(v.run, a.run);
    // the fine-tuning regime: standard is the context (and the job ids) of before; tangent and anchors change it
    assert.equal(queueContext({ ...batch, ctx: { ...ctx, finetune: "standard" } }, "m2m", "finetunes").run, a.run);
    const tangent = queueContext({ ...batch, ctx: { ...ctx, finetune: "tangent" } }, "m2m", "finetunes");
    assert.equal(tangent.context.finetune, "tangent");
    assert.notEqual(tangent.run, a.run);
    const width = ctx.netSpec.hidden[ctx.netSpec.hidden.length - 1];
    const layout = anchorHeadLayout(width, 3);
    const anchor = {
      share: 0.5,
      data: { x: new Float32Array(4 * ctx.netSpec.inputSize).fill(0.5), y: Int32Array.of(0, 1, 2, 0), numClasses: 3 },
      head: new ParamVector(layout, new Float32Array(layout.size).fill(0.25)),
    };
    assert.throws(
      () => queueContext({ ...batch, ctx: { ...ctx, anchor } }, "m2m", "finetunes"),
      /ctx\.pretrain/,
      "an anchored context names its pretraining, for workers elsewhere",
    );
    const pretrain = resolveSpec({ suite: "synthetic" }).pretrain;
    const anchored = queueContext({ ...batch, ctx: { ...ctx, anchor, pretrain } }, "m2m", "finetunes");
    assert.equal(anchored.context.anchor?.share, 0.5);
    assert.match(anchored.context.anchor!.headSha256, /^[0-9a-f]{64}$/);
    assert.match(anchored.context.anchor!.dataSha256, /^[0-9a-f]{64}$/);
    assert.notEqual(anchored.run, a.run);
    assert.notEqual(variants[0].context.tasks[1].sha256, a.context.tasks[1].sha256);
    assert.equal(variants[0].context.tasks[0].sha256, a.context.tasks[0].sha256);
  });
  it("weights cross as little-endian float32 bytes, bit for bit", () => {
    const x = new Float32Array([0, -0, 1.5, -3e-39, Number.MAX_VALUE, NaN, Infinity]);
    const back = bytesToFloat32(float32Bytes(x.subarray(1)));
    assert.deepEqual(new Uint8Array(back.buffer), new Uint8Array(x.buffer, 4));
  });
});

describe("ensureFineTunes with a runner", () => {
  it("stores each fine-tune once: a duplicate result is ignored and not counted", async () => {
    await initBackend("cpu");
    const ctx = await tinyContext();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "m2m-dup-"));
    const store = RunStore.open(dir, { spec: { test: "duplicates" } });
    let ticks = 0;
    const progress: Progress = {
      start() {},
      tick(n = 1) {
        ticks += n;
      },
      log() {},
      done() {},
    };
    // A runner that delivers every result twice, as a retried job whose first attempt also finished would.
    const local = new LocalRunner({ threads: 1 });
    const twice: FineTuneRunner = {
      description: "twice",
      async run(batch, onResult: ResultSink, p) {
        const outs: FineTuneOutput[] = [];
        await local.run(
          batch,
          (o) => {
            outs.push(o);
            return onResult(o);
          },
          p,
        );
        for (const o of outs) assert.equal(onResult(o), false);
      },
      close: async () => {},
    };
    try {
      const jobs = [
        { mask: 1, seed: 0 },
        { mask: 3, seed: 0 },
      ];
      const r = await ensureFineTunes(store, ctx, jobs, { runner: twice, backend: "cpu", progress });
      assert.deepEqual(r, { trained: 2, cached: 0, duplicates: 2 });
      assert.equal(ticks, 2);
      const first = store.getWeights(fineTuneKey(0, 3))!.params.data;
      assert.deepEqual(await ensureFineTunes(store, ctx, jobs, { runner: twice, backend: "cpu", progress }), {
        trained: 0,
        cached: 2,
        duplicates: 0,
      });
      assert.deepEqual(store.getWeights(fineTuneKey(0, 3))!.params.data, first);
    } finally {
      store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the queue commands", () => {
  const cli = runCli;
  it("worker and queue need --queue; a bad URL is named; help lists them and run --queue", async () => {
    for (const cmd of ["worker", "queue"]) {
      const r = await cli([cmd]);
      assert.equal(r.code, 1);
      assert.match(r.err, /--queue = "\(missing\)", expected the Redis URL of the queue/);
    }
    const bad = await cli(["queue", "--queue", "http://127.0.0.1:6379"]);
    assert.equal(bad.code, 1);
    assert.match(bad.err, /queue URL = "http:\/\/127\.0\.0\.1:6379", expected a Redis URL/);
    const help = await cli(["help"]);
    assert.match(help.out, /merge-to-mix worker --queue redis:\/\/HOST:PORT/);
    assert.match(help.out, /merge-to-mix queue --queue redis:\/\/HOST:PORT/);
    assert.match((await cli(["run", "--help"])).out, /--queue redis:\/\/HOST:PORT/);
  });
});
