import type { Suite } from "../data/types";
import { Evaluator } from "../evaluate/evaluator";
import { fineTune } from "../model/finetune";
import { initParams } from "../model/init";
import { buildBase } from "../model/pretrain";
import type { FineTuneRecipe } from "../model/recipe";
import { encoderShapeOf, netSpecFor, networkLayout } from "../model/spec";
import type { ParamVector } from "../params/param-vector";
import { silentProgress, type Progress } from "../util/progress";
import { hashSeed } from "../util/rng";

/** Does the pretrained base help? One task's test accuracy three ways. */
export interface BaseCheckRow {
  task: string;
  /** θ0's encoder + a head fitted on the task's small headfit split (no fine-tuning). */
  base_head_acc: number;
  /** θ0 (encoder + fitted head) fine-tuned on the task's train split with the recipe. */
  base_finetuned_acc: number;
  /** The same network from a seeded random initialisation, trained on the same data with the same recipe. */
  scratch_acc: number;
}

/**
 * Base model versus training from scratch on every task of a suite: each task alone, its own output units,
 * the same recipe and seed for both starts. The base must help (base_finetuned_acc > scratch_acc on most
 * tasks) for the suite's fine-tunes to mean anything.
 *
 * @example
 * const rows = baseVsScratch(suite, encoder, spec.recipe, 0);
 */
export function baseVsScratch(
  suite: Suite,
  encoder: ParamVector,
  recipe: FineTuneRecipe,
  seed: number,
  progress: Progress = silentProgress,
): BaseCheckRow[] {
  const { hidden } = encoderShapeOf(encoder.layout);
  progress.start(`base vs scratch on ${suite.name}`, suite.tasks.length);
  const rows = suite.tasks.map((task) => {
    const spec = netSpecFor([task], hidden, "shared");
    const base = buildBase(encoder, [task], "shared", seed);
    const scratch = initParams(networkLayout(spec), hashSeed(`scratch:${seed}:${task.name}`));
    const s = hashSeed(`base-check:${seed}:${task.name}`);
    const tuned = fineTune(base, spec, [{ task }], recipe, "shared", s).params;
    const fromScratch = fineTune(scratch, spec, [{ task }], recipe, "shared", s).params;
    const ev = new Evaluator(spec, "shared");
    try {
      const acc = (pv: ParamVector) => ev.load(pv).evaluate(task, "test").accuracy;
      const row = {
        task: task.name,
        base_head_acc: acc(base),
        base_finetuned_acc: acc(tuned),
        scratch_acc: acc(fromScratch),
      };
      progress.tick(1, task.name);
      return row;
    } finally {
      ev.dispose();
    }
  });
  progress.done();
  return rows;
}
