import { InvalidArgumentError } from "../util/errors";

// Task-vector geometry on plain Float32Arrays, accumulated in Float64. A task vector is τ = θ − θ0; these take
// the fine-tuned θ and θ0 and never materialise τ. `keep` restricts every sum to some index ranges
// (e.g. the encoder's parameters: heads differ by task and merge differently).

/** Index ranges [start, end) a measurement is restricted to; undefined = every entry. */
export type Ranges = ReadonlyArray<readonly [start: number, end: number]>;

function each(len: number, keep: Ranges | undefined, f: (j: number) => void): void {
  for (const [s, e] of keep ?? [[0, len] as const]) {
    if (!(s >= 0 && e <= len && s <= e)) throw new InvalidArgumentError("range", [s, e], `0 ≤ start ≤ end ≤ ${len}`);
    for (let j = s; j < e; j++) f(j);
  }
}

function same(a: Float32Array, b: Float32Array, what: string): void {
  if (a.length !== b.length) throw new InvalidArgumentError(`${what}.length`, a.length, `${b.length} (θ0's length)`);
}

/**
 * ‖v‖₂ (Float64 accumulation).
 *
 * @example
 * norm(Float32Array.from([3, 4]));   // 5
 */
export function norm(v: Float32Array, keep?: Ranges): number {
  let s = 0;
  each(v.length, keep, (j) => {
    s += v[j] * v[j];
  });
  return Math.sqrt(s);
}

/**
 * The relative update ‖θ − θ0‖ / ‖θ0‖ of a fine-tune.
 *
 * @example
 * relativeUpdate(Float32Array.from([3, 4.4]), Float32Array.from([3, 4]));   // 0.4 / 5 = 0.08
 */
export function relativeUpdate(theta: Float32Array, theta0: Float32Array, keep?: Ranges): number {
  same(theta, theta0, "theta");
  let d = 0;
  each(theta.length, keep, (j) => {
    const t = theta[j] - theta0[j];
    d += t * t;
  });
  return Math.sqrt(d) / norm(theta0, keep);
}

/**
 * Cosine between two task vectors τ_a = a − θ0, τ_b = b − θ0 (NaN when either is zero).
 *
 * @example
 * taskCosine(Float32Array.from([1, 0]), Float32Array.from([0, 1]), new Float32Array(2));   // 0
 */
export function taskCosine(a: Float32Array, b: Float32Array, theta0: Float32Array, keep?: Ranges): number {
  same(a, theta0, "a");
  same(b, theta0, "b");
  let ab = 0,
    aa = 0,
    bb = 0;
  each(a.length, keep, (j) => {
    const x = a[j] - theta0[j],
      y = b[j] - theta0[j];
    ab += x * y;
    aa += x * x;
    bb += y * y;
  });
  return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : NaN;
}

/**
 * The cosine matrix of the singles' task vectors (1 on the diagonal, symmetric).
 *
 * @example
 * cosineMatrix([a, b], theta0);   // [[1, c], [c, 1]]
 */
export function cosineMatrix(models: readonly Float32Array[], theta0: Float32Array, keep?: Ranges): number[][] {
  const m = models.map(() => new Array<number>(models.length).fill(1));
  for (let i = 0; i < models.length; i++) {
    for (let j = i + 1; j < models.length; j++) m[i][j] = m[j][i] = taskCosine(models[i], models[j], theta0, keep);
  }
  return m;
}

/**
 * How a mixture fine-tune θ_S relates to the sum of its members' task vectors Σ τᵢ: the cosine
 * cos(τ_S, Σ τᵢ) and the norm ratio ‖τ_S‖ / ‖Σ τᵢ‖ (1 and 1 when merging by the sum is exact).
 *
 * @example
 * mixtureVsSum(Float32Array.from([1, 1]), [Float32Array.from([1, 0]), Float32Array.from([0, 1])], new Float32Array(2));   // { cos: 1, normRatio: 1 }
 */
export function mixtureVsSum(
  mixture: Float32Array,
  members: readonly Float32Array[],
  theta0: Float32Array,
  keep?: Ranges,
): { cos: number; normRatio: number } {
  if (members.length === 0) throw new InvalidArgumentError("members", 0, "at least one single fine-tune");
  same(mixture, theta0, "mixture");
  for (const m of members) same(m, theta0, "member");
  let ab = 0,
    aa = 0,
    bb = 0;
  each(mixture.length, keep, (j) => {
    const x = mixture[j] - theta0[j];
    let y = 0;
    for (const m of members) y += m[j] - theta0[j];
    ab += x * y;
    aa += x * x;
    bb += y * y;
  });
  return { cos: aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : NaN, normRatio: bb > 0 ? Math.sqrt(aa / bb) : NaN };
}
