import type { Task } from "../../data/types";
import type { Evaluator } from "../../evaluate/evaluator";
import { mergeScorer } from "../../evaluate/merge-scorer";
import { sweepSubsets } from "../../merge/sweep";
import type { ParamVector } from "../../params/param-vector";
import { silentProgress, type Progress } from "../../util/progress";

/** The merged model's validation numbers for every mixture of one target's candidates (index = mask). */
export interface MergedScores {
  acc: number[];
  loss: number[];
  /** Wall time of the whole sweep (merging + forward passes). */
  seconds: number;
  /** Of which forward passes (evaluation, including each single model's first-layer projection) alone. */
  evalSeconds: number;
}

/**
 * Merge to Mix's step 2: walk every non-empty subset of `singles` (the candidates' single fine-tunes, in
 * candidate order) in Gray-code order and score each uniform merge on the target's validation split.
 * Merging is linear, so the sweep runs over first-layer projections ({@link mergeScorer}: each single
 * model's X·W1 on the target's rows, computed once) and each step evaluates only the layers after the
 * first; networks without a hidden layer, or splits too large to project, go through `ev` directly.
 *
 * @example
 * const { acc, loss } = scoreMergedMixtures(evaluator, singles, target, progress);
 */
export function scoreMergedMixtures(
  ev: Evaluator,
  singles: readonly ParamVector[],
  target: Task,
  progress: Progress = silentProgress,
): MergedScores {
  const len = 2 ** singles.length;
  const acc = new Array<number>(len).fill(NaN),
    loss = new Array<number>(len).fill(NaN);
  const t0 = process.hrtime.bigint();
  let evalNs = 0n;
  const timed = <T>(f: () => T): T => {
    const e0 = process.hrtime.bigint();
    const r = f();
    evalNs += process.hrtime.bigint() - e0;
    return r;
  };
  progress.start(`merged scores on ${target.name}`, len - 1);
  const scorer = mergeScorer(ev, target);
  try {
    const models = timed(() => singles.map((s) => scorer.prepare(s)));
    for (const step of sweepSubsets(models)) {
      const r = timed(() => scorer.score(step.params));
      acc[step.mask] = r.accuracy;
      loss[step.mask] = r.loss;
      progress.tick(1);
    }
  } finally {
    scorer.dispose();
  }
  progress.done();
  return { acc, loss, seconds: Number(process.hrtime.bigint() - t0) / 1e9, evalSeconds: Number(evalNs) / 1e9 };
}
