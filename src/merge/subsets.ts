import { InvalidArgumentError, TooLargeError } from "../util/errors";

/**
 * Subsets of N models as bit masks: bit i set ⇔ model i is a member. N ≤ 24 for enumeration.
 */

/** The largest N the exhaustive sweep enumerates (2^24 − 1 ≈ 16.8 M subsets). */
export const MAX_SWEEP_MODELS = 24;

/**
 * Number of set bits.
 *
 * @example
 * popcount(0b1011);   // 3
 */
export function popcount(mask: number): number {
  let x = mask >>> 0;
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/**
 * The items whose bit is set, in index order.
 *
 * @example
 * membersOf(0b101, ["mnist", "fashion", "kmnist"]);   // ["mnist", "kmnist"]
 */
export function membersOf<T>(mask: number, names: readonly T[]): T[] {
  checkMask(mask, names.length);
  const out: T[] = [];
  for (let i = 0; i < names.length; i++) if ((mask >>> i) & 1) out.push(names[i]);
  return out;
}

/**
 * The mask with the given bit indices set (duplicates allowed).
 *
 * @example
 * maskOf([0, 2]);   // 5
 */
export function maskOf(indices: readonly number[]): number {
  let mask = 0;
  for (const i of indices) {
    if (!Number.isInteger(i) || i < 0 || i >= 32) throw new InvalidArgumentError("index", i, "an integer in [0, 31]");
    mask |= 1 << i;
  }
  return mask >>> 0;
}

/**
 * The i-th reflected binary Gray code, i ^ (i >> 1): consecutive codes differ in one bit.
 *
 * @example
 * [0, 1, 2, 3].map(grayCode);   // [0, 1, 3, 2]
 */
export function grayCode(i: number): number {
  if (!Number.isInteger(i) || i < 0 || i > 0xffffffff)
    throw new InvalidArgumentError("i", i, "an integer in [0, 2^32)");
  return (i ^ (i >>> 1)) >>> 0;
}

/**
 * All 2^N − 1 non-empty masks in Gray-code order (grayCode(1) … grayCode(2^N − 1)):
 * each differs from the previous one by adding or removing a single model.
 *
 * @example
 * Array.from(allMasks(2));   // [1, 3, 2]
 */
export function allMasks(n: number): Uint32Array {
  checkModelCount(n);
  const out = new Uint32Array(2 ** n - 1);
  for (let i = 1; i <= out.length; i++) out[i - 1] = (i ^ (i >>> 1)) >>> 0;
  return out;
}

/**
 * The bit that flips between Gray codes i − 1 and i (i ≥ 1): the number of trailing zeros of i.
 *
 * @example
 * flippedBit(4);   // 2
 */
export function flippedBit(i: number): number {
  return 31 - Math.clz32(i & -i);
}

/**
 * Throw unless n is an integer in [1, MAX_SWEEP_MODELS]; TooLargeError (pointing to search strategies) above it.
 *
 * @example
 * checkModelCount(30);   // throws TooLargeError
 */
export function checkModelCount(n: number): void {
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("number of models", n, "an integer ≥ 1");
  if (n > MAX_SWEEP_MODELS) {
    throw new TooLargeError(
      `number of models = ${n}, expected at most ${MAX_SWEEP_MODELS} for an exhaustive sweep (2^${n} − 1 subsets); ` +
        "use a search strategy from src/select/search instead (greedy, beam, evolutionary or surrogate)",
    );
  }
}

function checkMask(mask: number, n: number): void {
  const limit = n >= 32 ? 0xffffffff : 2 ** n - 1;
  if (!Number.isInteger(mask) || mask < 0 || mask > limit)
    throw new InvalidArgumentError("mask", mask, `an integer in [0, ${limit}] (${n} items)`);
}
