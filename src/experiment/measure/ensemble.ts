import type { Evaluator } from "../../evaluate/evaluator";
import type { Task } from "../../data/types";
import type { ParamVector } from "../../params/param-vector";
import { ensembleScores, softmaxRows } from "../../select/ensemble-scores";
import type { SurrogateScores } from "./surrogate-scores";

/**
 * The ensemble baseline for one (seed, target): each candidate's single fine-tune predicts the target's
 * validation split ONCE (through the evaluator's head rule), then every mixture is the training-size-weighted
 * average of its members' class probabilities ({@link ensembleScores}) — 2^N mixtures cost only averaging.
 *
 * @example
 * const s = scoreEnsemble(engine.ev, singlesOf(engine, 0, plan), plan.target, plan.candidates);
 * s.loss[0b11];   // cross-entropy of the average of candidates 0 and 1's predictions
 */
export function scoreEnsemble(
  ev: Evaluator,
  singles: readonly ParamVector[],
  target: Task,
  candidates: readonly Task[],
): SurrogateScores {
  const t0 = process.hrtime.bigint();
  const val = target.splits.val,
    c = target.classes.length;
  const probs = singles.map((m) => softmaxRows(ev.load(m).logits(target, "val"), val.n, c));
  const { acc, loss } = ensembleScores(
    probs,
    val.y,
    c,
    candidates.map((t) => t.splits.train.n),
  );
  return { name: "ensemble", acc, loss, seconds: Number(process.hrtime.bigint() - t0) / 1e9 };
}
