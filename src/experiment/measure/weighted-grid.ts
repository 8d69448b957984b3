import type { Task } from "../../data/types";
import type { Evaluator } from "../../evaluate/evaluator";
import { weightedMean } from "../../merge/weighted-mean";
import type { ParamVector } from "../../params/param-vector";
import { InvalidArgumentError } from "../../util/errors";
import { selectionScore } from "../../select/selection-score";
import { simplexSearch } from "../../select/weighted/simplex-search";
import type { WeightedGrid } from "../../results/weighted-grid";

/**
 * Every weight vector on the simplex over `k` datasets with steps of 1/`divisions` (k = 3, divisions = 10:
 * 66 points), in lexicographic order.
 *
 * @example
 * simplexGrid(2, 2);   // [[0, 1], [0.5, 0.5], [1, 0]]
 */
export function simplexGrid(k: number, divisions: number): number[][] {
  if (!Number.isInteger(k) || k < 1) throw new InvalidArgumentError("k", k, "a positive integer");
  if (!Number.isInteger(divisions) || divisions < 1)
    throw new InvalidArgumentError("divisions", divisions, "a positive integer");
  const out: number[][] = [];
  const rec = (prefix: number[], left: number) => {
    if (prefix.length === k - 1) {
      out.push([...prefix, left].map((v) => v / divisions));
      return;
    }
    for (let i = 0; i <= left; i++) rec([...prefix, i], left - i);
  };
  rec([], divisions);
  return out;
}

/**
 * Weighted mixing, scored by the merged model: for weights w on a simplex grid over `candidates`, merge
 * θ̃(w) = Σ w_i θ^i (the weights as mixture proportions) and score it on the target's validation split.
 * Also runs the weighted search (pattern search on the simplex, `budget` merge-evaluations, seeded) over the
 * same candidates from the best grid point (finer moves than the grid), so the widget can show the optimum
 * and its path.
 * Feeds the weighted-mix explorer widget.
 *
 * @example
 * const grid = weightedMergeGrid(evaluator, [mnist, uci, hershey].map(single), ["mnist", "uci-digits", "hershey-digits"], target);
 */
export function weightedMergeGrid(
  ev: Evaluator,
  models: readonly ParamVector[],
  candidates: readonly string[],
  target: Task,
  opts: { divisions?: number; score?: "accuracy" | "loss"; budget?: number; seed?: number } = {},
): WeightedGrid {
  if (models.length !== candidates.length)
    throw new InvalidArgumentError("models.length", models.length, `${candidates.length} (one per candidate)`);
  const points = simplexGrid(models.length, opts.divisions ?? 10);
  const score = opts.score ?? "accuracy";
  const value = (w: ArrayLike<number>) => {
    ev.load(weightedMean(models, w));
    const r = ev.evaluate(target, "val");
    return selectionScore(score, r.accuracy, r.loss);
  };
  const merged = points.map(value);
  // the optimiser over the same candidates, from the best grid point (it can only improve on it): its path for the widget
  const best = merged.reduce((b, v, i) => (v > merged[b] ? i : b), 0);
  const search = simplexSearch((w) => value(w), models.length, {
    start: points[best],
    budget: opts.budget ?? 100,
    seed: opts.seed ?? 0,
    step: 0.05,
  });
  return {
    target: target.name,
    candidates: [...candidates],
    points,
    merged,
    metric: score === "accuracy" ? "merged validation accuracy" : "merged validation −cross-entropy",
    optimum: { weights: [...search.weights], score: search.score },
    path: search.path.map((p) => ({ weights: [...p.weights], score: p.score })),
  };
}
