import type { Task } from "../data/types";
import type { Evaluator } from "../evaluate/evaluator";
import { sweepSubsets } from "../merge/sweep";
import type { ParamVector } from "../params/param-vector";
import { silentProgress, type Progress } from "../util/progress";

/** The merged model's validation numbers for every mixture of one target's candidates (index = mask). */
export interface MergedScores {
  acc: number[];
  loss: number[];
  /** Wall time of the whole sweep (merging + forward passes). */
  seconds: number;
  /** Of which forward passes (evaluation) alone. */
  evalSeconds: number;
}

/**
 * Merge to Mix's step 2: walk every non-empty subset of `singles` (the candidates' single fine-tunes, in
 * candidate order) in Gray-code order, load each uniform merge into the one resident evaluator and score
 * it on the target's validation split.
 *
 * @example
 * const { acc, loss } = scoreMergedMixtures(evaluator, singles, target, progress);
 */
export function scoreMergedMixtures(ev: Evaluator, singles: readonly ParamVector[], target: Task, progress: Progress = silentProgress): MergedScores {
  const len = 2 ** singles.length;
  const acc = new Array<number>(len).fill(NaN), loss = new Array<number>(len).fill(NaN);
  const t0 = process.hrtime.bigint();
  let evalNs = 0n;
  progress.start(`merged scores on ${target.name}`, len - 1);
  for (const step of sweepSubsets(singles)) {
    const e0 = process.hrtime.bigint();
    ev.load(step.params);
    const r = ev.evaluate(target, "val");
    evalNs += process.hrtime.bigint() - e0;
    acc[step.mask] = r.accuracy;
    loss[step.mask] = r.loss;
    progress.tick(1);
  }
  progress.done();
  return { acc, loss, seconds: Number(process.hrtime.bigint() - t0) / 1e9, evalSeconds: Number(evalNs) / 1e9 };
}
