import type { FineTuneRecipe } from "../../../model/recipe";
import type { HeadRule, NetSpec } from "../../../model/spec";
import type { FineTuneMode } from "../../../model/finetune-mode";
import type { Anchor } from "../../../model/anchor";
import type { PretrainSpec } from "../../spec";
import { InvalidArgumentError } from "../../../util/errors";
import { taskSha } from "../../../data/manifest";
import { sha256Hex } from "../../../util/sha256";
import { stableHash } from "../../hash";
import type { FineTuneJob } from "../../finetune-job";
import type { FineTuneBatch, SuiteRef } from "../runner";
import { trainingCodeHash } from "./code-hash";

export const JOB_FORMAT = "merge-to-mix/finetune-job@1";
export const RESULT_FORMAT = "merge-to-mix/finetune-result@1";

/**
 * Everything a worker on another machine needs to reproduce a run's fine-tunes, except θ0's bytes (which
 * travel once per run through Redis, under `theta0.key`, checked by sha256): how to reload the suite,
 * the sha256 of every task's prepared arrays (the worker checks its own), the network, recipe, head rule,
 * tfjs backend and a fingerprint of the training code.
 */
export interface QueueContext {
  readonly data: SuiteRef;
  /** The suite's tasks in order (mask bit i = tasks[i]), each with the sha256 of its prepared arrays (data/manifest.ts hashTask). */
  readonly tasks: ReadonlyArray<{ readonly name: string; readonly sha256: string }>;
  readonly theta0: {
    readonly key: string;
    readonly sha256: string;
    readonly layout: ReadonlyArray<{ name: string; shape: number[] }>;
  };
  readonly netSpec: NetSpec;
  readonly recipe: FineTuneRecipe;
  readonly headRule: HeadRule;
  readonly backend: string;
  /** trainingCodeHash() of the coordinator. */
  readonly code: string;
  /** "tangent" fine-tunes (absent: standard, and the context hashes as before the field existed). */
  readonly finetune?: FineTuneMode;
  /**
   * Anchored fine-tunes: the share, how θ0 was pretrained (the worker makes the pretraining data and layer
   * again from its own model cache) and the sha256 of both, which the worker checks.
   */
  readonly anchor?: {
    readonly share: number;
    readonly pretrain: PretrainSpec;
    readonly headSha256: string;
    readonly dataSha256: string;
  };
}

const anchorShas = new WeakMap<Anchor, { headSha256: string; dataSha256: string }>();

/**
 * sha256 of an anchor's pretraining layer and of its pretraining data (inputs, then labels or targets), once
 * per anchor object.
 *
 * @example
 * anchorHashes(ctx.anchor).dataSha256;
 */
export function anchorHashes(a: Anchor): { headSha256: string; dataSha256: string } {
  let h = anchorShas.get(a);
  if (!h) {
    const d = a.data;
    const parts = [d.x, "targets" in d ? d.targets : d.y].map((v) =>
      sha256Hex(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)),
    );
    h = { headSha256: sha256Hex(float32Bytes(a.head.data)), dataSha256: sha256Hex(parts.join("\n")) };
    anchorShas.set(a, h);
  }
  return h;
}

/** The data of one queued fine-tune: self-contained but for θ0's bytes. */
export interface QueueJobData {
  readonly format: typeof JOB_FORMAT;
  /** Short hash of the context: the run's fine-tunes share it, and it prefixes their job ids. */
  readonly run: string;
  /** "helper+other-1" (for logs and `merge-to-mix queue`). */
  readonly label: string;
  readonly mask: number;
  readonly seed: number;
  /** Seconds the result may wait in Redis for the coordinator. */
  readonly ttl: number;
  readonly context: QueueContext;
}

/** A worker's answer (the job's return value): where the weights wait in Redis, their sha256, the bookkeeping. */
export interface QueueJobResult {
  readonly format: typeof RESULT_FORMAT;
  readonly key: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly samples: number;
  readonly steps: number;
  readonly seconds: number;
  readonly worker: string;
}

/** Redis key prefix of a queue's blobs (inside the queue's own namespace, so obliterating the queue removes them). */
export const blobPrefix = (prefix: string, queue: string): string => `${prefix}:${queue}:m2m`;
export const theta0Key = (prefix: string, queue: string, sha: string): string =>
  `${blobPrefix(prefix, queue)}:theta0:${sha}`;
export const resultKey = (prefix: string, queue: string, jobId: string): string =>
  `${blobPrefix(prefix, queue)}:result:${jobId}`;

/** The job id of a run's fine-tune: the same on every re-run, so a restarted coordinator finds its jobs again. */
export const jobIdOf = (run: string, job: FineTuneJob): string => `ft-${run}-${job.seed}-${job.mask}`;

/** Bytes of a Float32Array (little-endian, as safetensors), without copying. */
export function float32Bytes(a: Float32Array): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

/** A Float32Array over a copy of `bytes` (aligned). */
export function bytesToFloat32(bytes: Uint8Array): Float32Array {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return new Float32Array(copy.buffer);
}

/**
 * The queue context of a batch (θ0's key under `prefix:queue`).
 *
 * @example
 * const c = queueContext(batch, "m2m", "finetunes"); c.tasks[0].sha256;
 */
export function queueContext(
  batch: FineTuneBatch & { data: SuiteRef },
  prefix: string,
  queue: string,
): { context: QueueContext; run: string; theta0: Buffer } {
  const { ctx } = batch;
  const theta0 = float32Bytes(ctx.base.data);
  const sha = sha256Hex(theta0);
  if (ctx.anchor && !ctx.pretrain)
    throw new InvalidArgumentError(
      "ctx.pretrain",
      ctx.pretrain,
      "the pretraining spec of an anchored run (queue workers make the anchor's data again from it)",
    );
  // the regime's fields only when set: a standard run's context (and so its job ids) hash as before
  const context: QueueContext = {
    data: batch.data,
    tasks: ctx.tasks.map((t) => ({ name: t.name, sha256: taskSha(t) })),
    theta0: { key: theta0Key(prefix, queue, sha), sha256: sha, layout: ctx.base.layout.toJSON() },
    netSpec: ctx.netSpec,
    recipe: ctx.recipe,
    headRule: ctx.headRule,
    backend: batch.backend,
    code: trainingCodeHash(),
    ...(ctx.finetune && ctx.finetune !== "standard" ? { finetune: ctx.finetune } : {}),
    ...(ctx.anchor
      ? { anchor: { share: ctx.anchor.share, pretrain: ctx.pretrain!, ...anchorHashes(ctx.anchor) } }
      : {}),
  };
  return { context, run: stableHash(context).slice(0, 16), theta0 };
}
