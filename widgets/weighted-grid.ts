import { Problems, finite } from "./shared";
import type { WeightedGrid } from "../src/results/weighted-grid";

// The grid is made by the experiment layer (weightedMergeGrid); the widget only reads it.
export type { WeightedGrid };

/**
 * Consistency problems of a WeightedGrid (empty when usable).
 *
 * @example
 * weightedGridProblems({ target: "t", candidates: ["a"], points: [[1]], merged: [NaN] });
 * // → ["merged[0] is NaN, expected a finite number"]
 */
export function weightedGridProblems(grid: WeightedGrid): Problems {
  const p: Problems = [];
  if (!grid || typeof grid !== "object") return ["the input is not a WeightedGrid object"];
  const { candidates, points, merged, truth } = grid;
  if (!Array.isArray(candidates) || candidates.length === 0) return ["candidates must be a non-empty list of names"];
  if (new Set(candidates).size !== candidates.length) p.push(`candidate names repeat: ${candidates.join(", ")}`);
  if (!Array.isArray(points) || points.length === 0) return [...p, "points must be a non-empty list of weight vectors"];
  if (!Array.isArray(merged) || merged.length !== points.length)
    p.push(`merged has ${Array.isArray(merged) ? merged.length : "no"} scores for ${points.length} points`);
  if (truth !== undefined && (!Array.isArray(truth) || truth.length !== points.length))
    p.push(`truth has ${Array.isArray(truth) ? truth.length : "no"} scores for ${points.length} points`);
  points.forEach((w, i) => {
    if (!Array.isArray(w) || w.length !== candidates.length) {
      p.push(
        `points[${i}] has ${Array.isArray(w) ? w.length : "no"} weights, expected ${candidates.length} (one per candidate)`,
      );
      return;
    }
    if (!w.every((v) => finite(v) && v >= 0)) {
      p.push(`points[${i}] = [${w.join(", ")}] has a negative or non-finite weight`);
      return;
    }
    const s = w.reduce((a, b) => a + b, 0);
    if (Math.abs(s - 1) > 1e-6) p.push(`points[${i}] sums to ${s}, expected weights on the simplex (sum 1)`);
  });
  if (Array.isArray(merged))
    merged.forEach((v, i) => {
      if (!finite(v)) p.push(`merged[${i}] is ${String(v)}, expected a finite number`);
    });
  if (Array.isArray(truth))
    truth.forEach((v, i) => {
      if (v !== null && !finite(v)) p.push(`truth[${i}] is ${String(v)}, expected a finite number or null`);
    });
  // the weighted search's optimum and path are optional (older files lack them) but must be on the same simplex
  const point = (where: string, q: unknown) => {
    const x = q as { weights?: unknown; score?: unknown } | null;
    if (!x || typeof x !== "object" || !Array.isArray(x.weights)) {
      p.push(`${where} is not { weights, score }`);
      return;
    }
    const w = x.weights as unknown[];
    if (w.length !== candidates.length) {
      p.push(`${where}.weights has ${w.length} weights, expected ${candidates.length} (one per candidate)`);
      return;
    }
    if (!w.every((v) => finite(v) && v >= 0) || Math.abs((w as number[]).reduce((a, b) => a + b, 0) - 1) > 1e-6)
      p.push(`${where}.weights = [${w.join(", ")}] is not on the simplex (weights ≥ 0 summing to 1)`);
    if (!finite(x.score)) p.push(`${where}.score is ${String(x.score)}, expected a finite number`);
  };
  if (grid.optimum !== undefined && grid.optimum !== null) point("optimum", grid.optimum);
  if (grid.path !== undefined && grid.path !== null) {
    if (!Array.isArray(grid.path)) p.push("path must be a list of { weights, score }");
    else grid.path.forEach((q, i) => point(`path[${i}]`, q));
  }
  return p;
}
