import { ParamVector } from "../params/param-vector";
import { checkModelCount } from "./subsets";
import { SweepKernel } from "./sweep-kernel";
import { InvalidArgumentError } from "../util/errors";
import { validateBase, validateModels } from "./validate";

/** One subset visited by {@link sweepSubsets}. */
export interface SweepStep {
  /** Bit i set ⇔ models[i] is in the subset. */
  mask: number;
  /** Number of members (≥ 1). */
  size: number;
  /** The members' merge (the uniform mean unless `coefficients` say otherwise). A reused buffer unless `copy`: valid until the next step. */
  params: ParamVector;
  /** The model added or removed since the previous step (for the first step, the one added). */
  changed: number;
  /** True when `changed` was added, false when removed. */
  added: boolean;
  /** 0-based position in the sweep (0 … 2^N − 2). */
  step: number;
}

/** Options of {@link sweepSubsets}. */
export interface SweepOptions {
  /** Yield a fresh ParamVector per step instead of one reused buffer (costs P floats per step). */
  copy?: boolean;
  /**
   * Other linear merges than the uniform mean: each step yields sum·a + base·b with [a, b] =
   * coefficients(|S|). Task arithmetic θ0 + λ Σ (θ_i − θ0) is `{ base: θ0, coefficients: (k) => [λ, 1 − λk] }`.
   * Default: the mean, [1/|S|, 0]. The subset's mask comes second, for merges whose scale depends on which
   * members are in (e.g. budget-matched coefficients under a steps budget: 1 / the members' total size).
   */
  coefficients?: (size: number, mask: number) => readonly [sumScale: number, baseScale: number];
  /** The vector `coefficients`' second term multiplies (same layout as the models). */
  base?: ParamVector;
}

/**
 * Every non-empty subset of `models` with its uniform-mean merge, in Gray-code order: each step adds
 * or removes one model from a running Float64 sum, so a step costs O(P) whatever the subset size and
 * memory is O(P) (one Float64 sum, one Float32 output, one Float32 scratch) whatever N. The step runs in a
 * WebAssembly SIMD kernel where available ({@link SweepKernel}; bit-identical to its JS twin). Inputs are validated once, when
 * the function is called.
 * By default `params` is ONE buffer rewritten at every step: use it (evaluate, copy what you keep)
 * before asking for the next step, or pass `{ copy: true }`. N > 24 throws TooLargeError: use a search
 * strategy (src/select/search) for large pools.
 *
 * @example
 * for (const { mask, size, params } of sweepSubsets(models)) {
 *   scores.set(mask, evaluate(params));   // params is overwritten by the next step
 * }
 */
export function sweepSubsets(
  models: readonly ParamVector[],
  options: SweepOptions = {},
): Generator<SweepStep, void, undefined> {
  // Validate now, not at the first next(): a bad call fails where it is made.
  validateModels(models);
  checkModelCount(models.length);
  if (options.base) validateBase(options.base, models);
  return run(models.slice(), options.copy === true, options.coefficients ?? ((k) => [1 / k, 0]), options.base);
}

function* run(
  models: readonly ParamVector[],
  copy: boolean,
  coefficients: NonNullable<SweepOptions["coefficients"]>,
  base?: ParamVector,
): Generator<SweepStep, void, undefined> {
  const n = models.length;
  const layout = models[0].layout;
  const kernel = new SweepKernel(layout.size, { base: base?.data });
  const sharedParams = new ParamVector(layout, kernel.mean);
  const total = 2 ** n - 1;
  let prev = 0;
  let count = 0;
  for (let i = 1; i <= total; i++) {
    const mask = (i ^ (i >>> 1)) >>> 0;
    const bit = 31 - Math.clz32(mask ^ prev);
    const added = ((mask >>> bit) & 1) === 1;
    count += added ? 1 : -1;
    const [a, b] = coefficients(count, mask);
    if (b !== 0 && !base)
      throw new InvalidArgumentError("coefficients", [a, b], "a zero base coefficient without options.base");
    kernel.step(models[bit].data, added, a, b);
    prev = mask;
    yield {
      mask,
      size: count,
      params: copy ? new ParamVector(layout, kernel.mean.slice()) : sharedParams,
      changed: bit,
      added,
      step: i - 1,
    };
  }
}

/**
 * Number of subsets {@link sweepSubsets} visits for n models: 2^n − 1.
 *
 * @example
 * sweepLength(7);   // 127
 */
export function sweepLength(n: number): number {
  checkModelCount(n);
  return 2 ** n - 1;
}
