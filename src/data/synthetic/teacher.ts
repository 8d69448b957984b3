import { InvalidArgumentError } from "../../util/errors";
import { Rng } from "../../util/rng";

/** A linear teacher: labels = argmax(W x) over `classes` rows of a `dim`-wide weight matrix. */
export interface Teacher {
  readonly dim: number;
  readonly classes: number;
  /** classes × dim, row-major. */
  readonly w: Float64Array;
}

/**
 * A random teacher with i.i.d. N(0, 1) weights, seeded.
 *
 * @example
 * const t = randomTeacher(16, 4, new Rng(1));
 * teacherLabel(t, x); // 0..3
 */
export function randomTeacher(dim: number, classes: number, rng: Rng): Teacher {
  if (!Number.isInteger(dim) || dim < 1) throw new InvalidArgumentError("dim", dim, "a positive integer");
  if (!Number.isInteger(classes) || classes < 2) throw new InvalidArgumentError("classes", classes, "an integer ≥ 2");
  const w = new Float64Array(classes * dim);
  for (let i = 0; i < w.length; i++) w[i] = rng.normal();
  return { dim, classes, w };
}

/**
 * A teacher close to `base`: W' = W + sigma · Δ with Δ ~ N(0, 1) (sigma 0 gives the same teacher).
 *
 * @example
 * const related = perturbTeacher(t, 0.2, new Rng(2));
 */
export function perturbTeacher(base: Teacher, sigma: number, rng: Rng): Teacher {
  if (!Number.isFinite(sigma) || sigma < 0) throw new InvalidArgumentError("sigma", sigma, "a finite number ≥ 0");
  const w = new Float64Array(base.w.length);
  for (let i = 0; i < w.length; i++) w[i] = base.w[i] + sigma * rng.normal();
  return { dim: base.dim, classes: base.classes, w };
}

/**
 * The teacher's label of one input: argmax over classes of W x (ties → the lowest class).
 *
 * @example
 * teacherLabel(t, new Float32Array(16).fill(1));
 */
export function teacherLabel(t: Teacher, x: ArrayLike<number>, offset = 0): number {
  let best = 0, bestScore = -Infinity;
  for (let c = 0; c < t.classes; c++) {
    let s = 0;
    for (let j = 0; j < t.dim; j++) s += t.w[c * t.dim + j] * x[offset + j];
    if (s > bestScore) { bestScore = s; best = c; }
  }
  return best;
}
