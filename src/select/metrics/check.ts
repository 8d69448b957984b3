import { InvalidArgumentError } from "../../util/errors";

/** Throw unless `x` and `y` have the same length (paired samples). */
export function checkPaired(x: ArrayLike<number>, y: ArrayLike<number>): void {
  if (x == null || typeof x.length !== "number") throw new InvalidArgumentError("x", x, "an array of numbers");
  if (y == null || typeof y.length !== "number") throw new InvalidArgumentError("y", y, "an array of numbers");
  if (x.length !== y.length) {
    throw new InvalidArgumentError(
      "y.length",
      y.length,
      `the same length as x (${x.length}): correlations need paired samples`,
    );
  }
}

/** Indices i where both x[i] and y[i] are finite numbers (pairs with a missing value are dropped). */
export function finitePairs(x: ArrayLike<number>, y: ArrayLike<number>): number[] {
  const keep: number[] = [];
  for (let i = 0; i < x.length; i++) if (Number.isFinite(x[i]) && Number.isFinite(y[i])) keep.push(i);
  return keep;
}
