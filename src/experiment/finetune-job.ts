import type { Split, Task } from "../data/types";
import { fineTune, type FineTuneRegime } from "../model/finetune";
import type { Anchor } from "../model/anchor";
import type { FineTuneMode } from "../model/finetune-mode";
import type { PretrainData } from "../model/pretrain-loss";
import type { PretrainSpec } from "./spec";
import type { FineTuneRecipe } from "../model/recipe";
import type { HeadRule, NetSpec } from "../model/spec";
import { ParamLayout } from "../params/layout";
import { ParamVector } from "../params/param-vector";
import { hashSeed } from "../util/rng";

/** What every fine-tune of a run shares: the tasks' training data, θ0, the network, the recipe and the regime. */
export interface FineTuneContext {
  readonly tasks: readonly Task[];
  readonly base: ParamVector;
  readonly netSpec: NetSpec;
  readonly recipe: FineTuneRecipe;
  readonly headRule: HeadRule;
  /** "tangent": every fine-tune trains the linearized model around `base` (absent = standard). */
  readonly finetune?: FineTuneMode;
  /** Anchored fine-tuning: a share of every batch from θ0's pretraining data (absent = none). */
  readonly anchor?: Anchor;
  /** With `anchor`: how θ0 was pretrained, so that a worker on another machine can make the anchor's data again. */
  readonly pretrain?: PretrainSpec;
}

/** One fine-tune: the mixture as a bitmask over the suite's tasks, and the run seed. */
export interface FineTuneJob {
  readonly mask: number;
  readonly seed: number;
}

/** A finished fine-tune, as plain data (crosses worker boundaries). */
export interface FineTuneOutput {
  readonly mask: number;
  readonly seed: number;
  readonly data: Float32Array;
  readonly samples: number;
  readonly steps: number;
  readonly seconds: number;
}

/** The training seed of one mixture's fine-tune under a run seed: distinct per mixture, fixed per (seed, mask). */
export function fineTuneSeed(seed: number, mask: number): number {
  return hashSeed(`finetune:${seed}:${mask}`);
}

/**
 * The regime every fine-tune of a context trains with: tangent or standard, with or without anchors.
 *
 * @example
 * fineTune(ctx.base, ctx.netSpec, members, ctx.recipe, ctx.headRule, seed, undefined, fineTuneRegime(ctx));
 */
export function fineTuneRegime(ctx: Pick<FineTuneContext, "finetune" | "anchor">): FineTuneRegime {
  return { tangent: ctx.finetune === "tangent", anchor: ctx.anchor };
}

/**
 * Run one fine-tune of θ0 on the mixture `job.mask` (bit i = ctx.tasks[i]).
 *
 * @example
 * const out = runFineTuneJob(ctx, { mask: 0b101, seed: 0 });   // tasks 0 and 2 mixed
 */
export function runFineTuneJob(ctx: FineTuneContext, job: FineTuneJob): FineTuneOutput {
  const members = ctx.tasks.filter((_, i) => (job.mask & (1 << i)) !== 0).map((task) => ({ task }));
  const r = fineTune(
    ctx.base,
    ctx.netSpec,
    members,
    ctx.recipe,
    ctx.headRule,
    fineTuneSeed(job.seed, job.mask),
    undefined,
    fineTuneRegime(ctx),
  );
  return {
    mask: job.mask,
    seed: job.seed,
    data: r.params.data,
    samples: r.samples,
    steps: r.steps,
    seconds: r.seconds,
  };
}

const EMPTY: Split = { x: new Float32Array(0), y: new Int32Array(0), n: 0 };

/** The context as structured-clonable data for worker threads (only the train splits travel). */
export interface FineTuneContextData {
  tasks: Array<Omit<Task, "splits"> & { train: Split }>;
  base: { layout: Array<{ name: string; shape: number[] }>; data: Float32Array };
  netSpec: NetSpec;
  recipe: FineTuneRecipe;
  headRule: HeadRule;
  backend: string;
  finetune?: FineTuneMode;
  /** The anchor's pretraining data travels as it is (shared memory when its arrays are on a SharedArrayBuffer). */
  anchor?: {
    share: number;
    data: PretrainData;
    head: { layout: Array<{ name: string; shape: number[] }>; data: Float32Array };
  };
}

export function contextToData(ctx: FineTuneContext, backend: string): FineTuneContextData {
  return {
    tasks: ctx.tasks.map(({ splits, ...rest }) => ({ ...rest, train: splits.train })),
    base: { layout: ctx.base.layout.toJSON(), data: ctx.base.data },
    netSpec: ctx.netSpec,
    recipe: ctx.recipe,
    headRule: ctx.headRule,
    backend,
    ...(ctx.finetune && ctx.finetune !== "standard" ? { finetune: ctx.finetune } : {}),
    ...(ctx.anchor
      ? {
          anchor: {
            share: ctx.anchor.share,
            data: ctx.anchor.data,
            head: { layout: ctx.anchor.head.layout.toJSON(), data: ctx.anchor.head.data },
          },
        }
      : {}),
  };
}

export function contextFromData(d: FineTuneContextData): FineTuneContext {
  const tasks: Task[] = d.tasks.map(({ train, ...rest }) => ({
    ...rest,
    splits: { train, val: EMPTY, test: EMPTY, headfit: EMPTY },
  }));
  return {
    tasks,
    base: new ParamVector(ParamLayout.fromJSON(d.base.layout), d.base.data),
    netSpec: d.netSpec,
    recipe: d.recipe,
    headRule: d.headRule,
    ...(d.finetune ? { finetune: d.finetune } : {}),
    ...(d.anchor
      ? {
          anchor: {
            share: d.anchor.share,
            data: d.anchor.data,
            head: new ParamVector(ParamLayout.fromJSON(d.anchor.head.layout), d.anchor.head.data),
          },
        }
      : {}),
  };
}
