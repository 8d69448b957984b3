import * as path from "node:path";
import type { Redis } from "ioredis";
import { loadSuite } from "../../../data/suites";
import type { Suite } from "../../../data/types";
import { ParamLayout } from "../../../params/layout";
import { ParamVector } from "../../../params/param-vector";
import { sha256Hex } from "../../../util/sha256";
import { canonicalJson } from "../../hash";
import { contextToData, type FineTuneContext, type FineTuneJob, type FineTuneOutput } from "../../finetune-job";
import { WorkerPool } from "../local/pool";
import { trainingCodeHash } from "./code-hash";
import { WorkerRefusalError } from "./errors";
import { taskSha } from "../../../data/manifest";
import { anchorHashes, bytesToFloat32, type QueueContext } from "./protocol";
import { pretrainedEncoder } from "../../base-model";
import { pretrainedAnchor } from "../../anchor-data";
import type { Anchor } from "../../../model/anchor";

/** A run's fine-tune threads, ready to take its jobs. */
type Ready = WorkerPool<FineTuneJob, FineTuneOutput>;

/**
 * A worker's view of the runs it serves: for each run (context hash) the suite loaded from this machine's
 * prepared data and checked against the job's hashes, θ0 fetched from Redis and checked, and a pool of
 * fine-tune threads (the event loop stays free to renew BullMQ's job locks). The last `keep` runs stay warm.
 *
 * @example
 * const contexts = new WorkerContexts(redis, { threads: 1 });
 * const pool = await contexts.get(job.data.run, job.data.context);
 */
export class WorkerContexts {
  private readonly runs = new Map<string, Promise<Ready>>();
  private suite: { key: string; suite: Promise<Suite> } | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly opts: { threads: number; keep?: number; log?: (l: string) => void },
  ) {}

  /** The thread pool of a run, preparing it on first use (throws WorkerRefusalError when the data or code differ). */
  get(run: string, c: QueueContext): Promise<Ready> {
    let r = this.runs.get(run);
    if (!r) {
      r = this.prepare(c);
      this.runs.set(run, r);
      r.catch(() => {
        if (this.runs.get(run) === r) this.runs.delete(run);
      }); // a later job tries again
      this.evict();
    }
    return r;
  }

  private evict(): void {
    const keep = this.opts.keep ?? 2;
    while (this.runs.size > keep) {
      const [oldest, pool] = this.runs.entries().next().value as [string, Promise<Ready>];
      this.runs.delete(oldest);
      void pool.then(
        (p) => p.close(),
        () => {},
      );
    }
  }

  private loadSuite(c: QueueContext): Promise<Suite> {
    const key = canonicalJson(c.data);
    if (!this.suite || this.suite.key !== key) {
      const suite = loadSuite(c.data.suite, { ...(c.data.options ?? {}), preset: c.data.preset, seed: c.data.seed });
      this.suite = { key, suite };
      suite.catch(() => {
        if (this.suite?.suite === suite) this.suite = undefined;
      });
    }
    return this.suite.suite;
  }

  private async prepare(c: QueueContext): Promise<Ready> {
    const code = trainingCodeHash();
    if (code !== c.code)
      throw new WorkerRefusalError(
        "the training code (src/model, src/params, src/util, tfjs versions) here",
        code,
        c.code,
        "run the same version of merge-to-mix on every machine",
      );
    const suite = await this.loadSuite(c);
    const d = c.data;
    const names = suite.tasks.map((t) => t.name);
    if (names.join(",") !== c.tasks.map((t) => t.name).join(",")) {
      throw new WorkerRefusalError(
        `the tasks of suite ${d.suite} here (${names.join(", ")})`,
        sha256Hex(names.join(",")),
        sha256Hex(c.tasks.map((t) => t.name).join(",")),
        `the job expects ${c.tasks.map((t) => t.name).join(", ")}`,
      );
    }
    for (let i = 0; i < suite.tasks.length; i++) {
      const here = taskSha(suite.tasks[i]);
      if (here !== c.tasks[i].sha256) {
        throw new WorkerRefusalError(
          `the prepared data of task "${names[i]}" (${d.suite}, ${d.preset} preset, data seed ${d.seed})`,
          here,
          c.tasks[i].sha256,
          "rebuild this machine's data with `merge-to-mix data --verify` and check that both machines have the same packages",
        );
      }
    }
    const bytes = await this.redis.getBuffer(c.theta0.key);
    if (!bytes)
      throw new Error(
        `θ0 ${c.theta0.sha256.slice(0, 12)}… is not in Redis (the coordinator publishes it again at its next sweep)`,
      );
    const sha = sha256Hex(bytes);
    if (sha !== c.theta0.sha256)
      throw new Error(`θ0 from Redis has sha256 ${sha.slice(0, 12)}…, the job names ${c.theta0.sha256.slice(0, 12)}…`);
    const base = new ParamVector(ParamLayout.fromJSON(c.theta0.layout), bytesToFloat32(bytes));
    const anchor = c.anchor ? await this.anchor(suite, c) : undefined;
    const ctx: FineTuneContext = {
      tasks: suite.tasks,
      base,
      netSpec: c.netSpec,
      recipe: c.recipe,
      headRule: c.headRule,
      ...(c.finetune ? { finetune: c.finetune } : {}),
      ...(anchor ? { anchor, pretrain: c.anchor!.pretrain } : {}),
    };
    this.opts.log?.(
      `run of ${d.suite}/${d.preset}: data and θ0 checked (${suite.tasks.length} tasks), backend ${c.backend}`,
    );
    return new WorkerPool<FineTuneJob, FineTuneOutput>({
      script: path.join(__dirname, "..", "local", `finetune.worker${path.extname(__filename)}`),
      size: this.opts.threads,
      workerData: contextToData(ctx, c.backend),
    });
  }

  /** An anchored run's anchor, made again here (this machine's model cache) and checked against the job's hashes. */
  private async anchor(suite: Suite, c: QueueContext): Promise<Anchor> {
    const a = c.anchor!;
    const { encoder } = await pretrainedEncoder(suite, c.netSpec.hidden, a.pretrain);
    const anchor = await pretrainedAnchor(suite, encoder, a.pretrain, a.share);
    const here = anchorHashes(anchor);
    if (here.dataSha256 !== a.dataSha256)
      throw new WorkerRefusalError(
        `θ0's pretraining data (the anchors of ${c.data.suite})`,
        here.dataSha256,
        a.dataSha256,
        "check that both machines have the same packages",
      );
    if (here.headSha256 !== a.headSha256)
      throw new WorkerRefusalError(
        "θ0's pretraining layer (the anchors' units)",
        here.headSha256,
        a.headSha256,
        "copy the coordinator's models/encoder-*.head.safetensors into this machine's cache folder",
      );
    return anchor;
  }

  /** Stop every thread (waiting for running fine-tunes). */
  async close(): Promise<void> {
    const all = [...this.runs.values()];
    this.runs.clear();
    await Promise.all(
      all.map((r) =>
        r.then(
          (p) => p.close(),
          () => {},
        ),
      ),
    );
  }

  /** Stop every thread now. */
  async terminate(): Promise<void> {
    const all = [...this.runs.values()];
    this.runs.clear();
    await Promise.all(
      all.map((r) =>
        r.then(
          (p) => p.terminate(),
          () => {},
        ),
      ),
    );
  }
}
