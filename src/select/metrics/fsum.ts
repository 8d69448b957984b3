/**
 * Exact floating-point summation (Shewchuk's algorithm, as in Python's `math.fsum` and d3's `Adder`):
 * the result is the correctly rounded sum of the inputs, whatever their order or magnitudes.
 *
 * @example
 * const a = new Adder();
 * for (const x of [1e100, 1, -1e100]) a.add(x);
 * a.valueOf(); // 1 (a naive loop gives 0)
 */
export class Adder {
  // Non-overlapping partial sums, increasing in magnitude.
  private readonly partials: number[] = [];

  /** Add `x` to the running sum; returns this for chaining. */
  add(x: number): this {
    const p = this.partials;
    let i = 0;
    for (let j = 0; j < p.length; j++) {
      const y = p[j];
      const hi = x + y;
      const lo = Math.abs(x) < Math.abs(y) ? x - (hi - y) : y - (hi - x);
      if (lo) p[i++] = lo;
      x = hi;
    }
    p.length = i;
    p.push(x);
    return this;
  }

  /** The correctly rounded sum so far. */
  valueOf(): number {
    const p = this.partials;
    let n = p.length;
    let hi = 0;
    if (n > 0) {
      let lo = 0;
      hi = p[--n];
      while (n > 0) {
        const x = hi;
        const y = p[--n];
        hi = x + y;
        lo = y - (hi - x);
        if (lo) break;
      }
      // Round half-even correctly when the remaining partials push the tie one way.
      if (n > 0 && ((lo < 0 && p[n - 1] < 0) || (lo > 0 && p[n - 1] > 0))) {
        const y = lo * 2;
        const x = hi + y;
        if (y === x - hi) hi = x;
      }
    }
    return hi;
  }
}

/**
 * The exact (correctly rounded) sum of `values`, optionally mapped first.
 *
 * @example
 * fsum([0.1, 0.2, 0.3]);             // 0.6 (naive: 0.6000000000000001)
 * fsum([1, 2, 3], (x) => x * x);     // 14
 */
export function fsum(values: ArrayLike<number>, map?: (value: number, index: number) => number): number {
  const a = new Adder();
  for (let i = 0; i < values.length; i++) a.add(map ? map(values[i], i) : values[i]);
  return a.valueOf();
}
