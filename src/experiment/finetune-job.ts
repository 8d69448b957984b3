import type { Split, Task } from "../data/types";
import { fineTune } from "../model/finetune";
import type { FineTuneRecipe } from "../model/recipe";
import type { HeadRule, NetSpec } from "../model/spec";
import { ParamLayout } from "../params/layout";
import { ParamVector } from "../params/param-vector";
import { hashSeed } from "../util/rng";

/** What every fine-tune of a run shares: the tasks' training data, θ0, the network and the recipe. */
export interface FineTuneContext {
  readonly tasks: readonly Task[];
  readonly base: ParamVector;
  readonly netSpec: NetSpec;
  readonly recipe: FineTuneRecipe;
  readonly headRule: HeadRule;
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
 * Run one fine-tune of θ0 on the mixture `job.mask` (bit i = ctx.tasks[i]).
 *
 * @example
 * const out = runFineTuneJob(ctx, { mask: 0b101, seed: 0 });   // tasks 0 and 2 mixed
 */
export function runFineTuneJob(ctx: FineTuneContext, job: FineTuneJob): FineTuneOutput {
  const members = ctx.tasks.filter((_, i) => (job.mask & (1 << i)) !== 0).map((task) => ({ task }));
  const r = fineTune(ctx.base, ctx.netSpec, members, ctx.recipe, ctx.headRule, fineTuneSeed(job.seed, job.mask));
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
}

export function contextToData(ctx: FineTuneContext, backend: string): FineTuneContextData {
  return {
    tasks: ctx.tasks.map(({ splits, ...rest }) => ({ ...rest, train: splits.train })),
    base: { layout: ctx.base.layout.toJSON(), data: ctx.base.data },
    netSpec: ctx.netSpec,
    recipe: ctx.recipe,
    headRule: ctx.headRule,
    backend,
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
  };
}
