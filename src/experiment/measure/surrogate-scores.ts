import type { Task } from "../../data/types";
import type { Evaluator } from "../../evaluate/evaluator";
import { mergeScorer } from "../../evaluate/merge-scorer";
import { dare } from "../../merge/dare";
import { popcount } from "../../merge/subsets";
import { matchedCoefficients, matchedSweep, type MatchedRule } from "../../merge/matched-coefficients";
import { CALIBRATION_LAMBDAS, MATCHED_SHRINKS, surrogateName, type Surrogate } from "../../merge/surrogate";
import { sweepSubsets } from "../../merge/sweep";
import { ties, tiesTrim } from "../../merge/ties";
import { taskArithmetic } from "../../merge/task-arithmetic";
import { ParamVector } from "../../params/param-vector";
import { InvalidArgumentError } from "../../util/errors";
import { silentProgress, type Progress } from "../../util/progress";
import { Rng, hashSeed } from "../../util/rng";

/** One surrogate's validation numbers for every mixture of one target's candidates (index = mask). */
export interface SurrogateScores {
  name: string;
  acc: number[];
  loss: number[];
  /** Wall time: sweep + fitting (calibrated: not its mixture fine-tunes, which the caller times). */
  seconds: number;
  /** calibrated: the λ chosen (matched: the shrink factor), and the mixtures (candidate masks) whose true validation loss chose it. */
  lambda?: number;
  calibrationMasks?: number[];
}

/** The truth a `calibrated` surrogate fits λ to: true validation loss of k mixture fine-tunes. */
export interface TruthSample {
  readonly masks: readonly number[];
  readonly trueLoss: readonly number[];
}

/** θ0 + Σ cᵢ (mᵢ − θ0), accumulated in Float64 (the models may be prepared projections: the combination is linear). */
function linearCombination(base: ParamVector, models: readonly ParamVector[], c: readonly number[]): ParamVector {
  const acc = Float64Array.from(base.data);
  models.forEach((m, i) => {
    if (c[i] === 0) return;
    for (let j = 0; j < acc.length; j++) acc[j] += c[i] * (m.data[j] - base.data[j]);
  });
  return new ParamVector(base.layout, Float32Array.from(acc));
}

/**
 * The k mixtures (masks over n candidates, two or more members) a `calibrated` surrogate fine-tunes,
 * drawn without replacement with `seed`.
 *
 * @example
 * calibrationMasks(7, 4, hashSeed("calibrate:0:mnist"));   // e.g. [37, 90, 5, 112]
 */
export function calibrationMasks(n: number, k: number, seed: number): number[] {
  const pool: number[] = [];
  for (let m = 1; m < 2 ** n; m++) if (popcount(m) >= 2) pool.push(m);
  if (!Number.isInteger(k) || k < 1 || k > pool.length)
    throw new InvalidArgumentError("k", k, `1 … ${pool.length} (mixtures of ≥ 2 of ${n} candidates)`);
  return new Rng(seed)
    .shuffle(pool)
    .slice(0, k)
    .sort((a, b) => a - b);
}

/**
 * Score every mixture of `singles` (the target's candidates' single fine-tunes, candidate order) with one
 * surrogate on the target's validation split. Linear surrogates (`mean`, `ta`, `calibrated`, and `dare`
 * with one seeded drop mask per model: the mean of the DARE'd singles) sweep first-layer projections in
 * Gray-code order; `ties` trims each model once and merges each subset. `calibrated` needs
 * `calibration` (the true validation loss of its k mixture fine-tunes): λ minimises the squared difference
 * between the task-arithmetic surrogate's loss and the truth on those k mixtures — validation data only.
 * `matched` needs `matched` (the budget rule and the candidates' training sizes); `matched:fit` also needs
 * `calibration` and fits its shrink factor on it the same way.
 *
 * @example
 * const s = scoreSurrogate(ev, theta0, singles, target, parseSurrogate("ta:0.5"), { seed: 0 });
 * s.loss[0b11];   // validation loss of θ0 + 0.5 (τ_1 + τ_2)
 */
export function scoreSurrogate(
  ev: Evaluator,
  theta0: ParamVector,
  singles: readonly ParamVector[],
  target: Task,
  surrogate: Surrogate,
  o: { seed: number; calibration?: TruthSample; matched?: Omit<MatchedRule, "weights">; progress?: Progress },
): SurrogateScores {
  const progress = o.progress ?? silentProgress;
  const len = 2 ** singles.length;
  const acc = new Array<number>(len).fill(NaN),
    loss = new Array<number>(len).fill(NaN);
  const t0 = process.hrtime.bigint();
  const name = surrogateName(surrogate);
  const out: SurrogateScores = { name, acc, loss, seconds: 0 };
  progress.start(`surrogate ${name} on ${target.name}`, len - 1);
  if (surrogate.kind === "ensemble")
    throw new InvalidArgumentError(
      "surrogate",
      name,
      "a merge surrogate (the ensemble is scored in output space: ensembleScores)",
    );
  if (surrogate.kind === "ties") {
    // trim each task vector once (it does not depend on the subset), then elect + disjoint-mean per subset
    const trimmed = singles.map((m) => tiesTrim(theta0, m, surrogate.k));
    for (let mask = 1; mask < len; mask++) {
      const r = ev
        .load(
          ties(
            theta0,
            trimmed.filter((_, i) => (mask >> i) & 1),
            { k: 100, lambda: surrogate.lambda },
          ),
        )
        .evaluate(target, "val");
      acc[mask] = r.accuracy;
      loss[mask] = r.loss;
      progress.tick(1);
    }
  } else {
    const scorer = mergeScorer(ev, target);
    try {
      // DARE with one seeded drop mask per model: θ0 + mean of the rescaled task vectors = the uniform mean of the DARE'd singles
      const sources =
        surrogate.kind === "dare"
          ? singles.map((m, i) =>
              dare(theta0, [m], { p: surrogate.p, seed: hashSeed(`dare:${o.seed}:${target.name}:${i}`) }),
            )
          : singles;
      const models = sources.map((s) => scorer.prepare(s));
      const base = scorer.prepare(theta0);
      const score = (p: ParamVector) => scorer.score(p);
      let lambda: number | undefined;
      if (surrogate.kind === "ta") lambda = surrogate.lambda;
      if (surrogate.kind === "calibrated") {
        const c = o.calibration;
        if (!c || c.masks.length !== surrogate.k || c.trueLoss.length !== c.masks.length)
          throw new InvalidArgumentError(
            `calibration of ${name}`,
            c ?? null,
            `the true validation loss of ${surrogate.k} mixture fine-tunes`,
          );
        // task arithmetic is linear, so it applies to projected vectors as to parameters
        const taLoss = (mask: number, l: number) =>
          score(
            taskArithmetic(
              base,
              models.filter((_, i) => (mask >> i) & 1),
              l,
            ),
          ).loss;
        let best = Infinity;
        for (const l of CALIBRATION_LAMBDAS) {
          const err = c.masks.reduce((s, m, j) => s + (taLoss(m, l) - c.trueLoss[j]) ** 2, 0);
          if (err < best) {
            best = err;
            lambda = l;
          }
        }
        out.lambda = lambda;
        out.calibrationMasks = [...c.masks];
      }
      let sweep;
      if (surrogate.kind === "matched") {
        const rule = o.matched;
        if (!rule || rule.sizes.length !== singles.length)
          throw new InvalidArgumentError(
            `budget rule of ${name}`,
            rule ?? null,
            `the budget and ${singles.length} candidates' training sizes`,
          );
        let shrink = surrogate.shrink;
        if (shrink === "fit") {
          const c = o.calibration;
          if (!c || c.masks.length === 0 || c.trueLoss.length !== c.masks.length)
            throw new InvalidArgumentError(
              `calibration of ${name}`,
              c ?? null,
              "the true validation loss of some mixture fine-tunes",
            );
          const coef = c.masks.map((m) => matchedCoefficients(rule, m));
          let best = Infinity;
          for (const x of MATCHED_SHRINKS) {
            const err = c.masks.reduce(
              (s, _m, j) =>
                s +
                (score(
                  linearCombination(
                    base,
                    models,
                    coef[j].map((v) => v * x),
                  ),
                ).loss -
                  c.trueLoss[j]) **
                  2,
              0,
            );
            if (err < best) {
              best = err;
              shrink = x;
            }
          }
          out.lambda = shrink as number;
          out.calibrationMasks = [...c.masks];
        }
        const plan = matchedSweep(rule, shrink as number);
        const scaled = models.map((m, i) =>
          plan.scales[i] === 1
            ? m
            : new ParamVector(
                m.layout,
                m.data.map((v) => v * plan.scales[i]),
              ),
        );
        sweep = sweepSubsets(scaled, { base, coefficients: plan.coefficients });
      } else {
        sweep =
          lambda === undefined
            ? sweepSubsets(models)
            : sweepSubsets(models, { base, coefficients: (k) => [lambda!, 1 - lambda! * k] });
      }
      for (const step of sweep) {
        const r = score(step.params);
        acc[step.mask] = r.accuracy;
        loss[step.mask] = r.loss;
        progress.tick(1);
      }
    } finally {
      scorer.dispose();
    }
  }
  progress.done();
  out.seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return out;
}
