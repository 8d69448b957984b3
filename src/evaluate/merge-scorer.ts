import type { SplitName, Task } from "../data/types";
import type { ParamVector } from "../params/param-vector";
import type { EvalResult, Evaluator } from "./evaluator";
import { ProjectedEvaluator } from "./projected-evaluator";

/** Above this many projected floats (rows × first-layer width) the plain Evaluator is used instead. */
const MAX_PROJECTED_FLOATS = 8_000_000;

/**
 * Scores LINEAR combinations of models (uniform or weighted merges, task arithmetic) on one split of a task.
 * Combine the `prepare`d models, never the models themselves: they are first-layer projections
 * ({@link ProjectedEvaluator}) when the network has a hidden layer and the split is small enough to project,
 * else the models as they are, scored by loading them into `ev`. In tangent mode (`linearizeAround`) the
 * projection scores linearized models too (the linearized model's first layer is X·W1 as well).
 */
export interface MergeScorer {
  /** True when `prepare` projects (the cheap path). */
  readonly projected: boolean;
  /** What to combine in place of `model`. */
  prepare(model: ParamVector): ParamVector;
  /** Accuracy and mean loss of the model a combination of prepared vectors stands for. */
  score(combined: ParamVector): EvalResult;
  dispose(): void;
}

/**
 * The scorer for merges of models evaluated by `ev` on `task`'s `split` (its headfit rows too under "refit").
 *
 * @example
 * const scorer = mergeScorer(evaluator, target);
 * const prepared = singles.map((s) => scorer.prepare(s));
 * for (const step of sweepSubsets(prepared)) loss[step.mask] = scorer.score(step.params).loss;
 * scorer.dispose();
 */
export function mergeScorer(ev: Evaluator, task: Task, split: SplitName = "val"): MergeScorer {
  const rows = (task.splits[split]?.n ?? 0) + (ev.headRule === "refit" ? task.splits.headfit.n : 0);
  const width = ev.netSpec.hidden[0];
  if (width !== undefined && rows * width <= MAX_PROJECTED_FLOATS) {
    const pe = new ProjectedEvaluator(ev.netSpec, ev.headRule, task, split, ev.options);
    return {
      projected: true,
      prepare: (m) => pe.project(m),
      score: (p) => pe.evaluate(p),
      dispose: () => pe.dispose(),
    };
  }
  return { projected: false, prepare: (m) => m, score: (p) => ev.load(p).evaluate(task, split), dispose: () => {} };
}
