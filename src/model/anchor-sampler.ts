import { InvalidArgumentError } from "../util/errors";
import type { Rng } from "../util/rng";

/**
 * Draws anchor rows from a pool of `n` rows without replacement: a seeded shuffle walked in order and
 * reshuffled when used up. Deterministic for the rng.
 *
 * @example
 * const s = new AnchorSampler(1000, new Rng(3).fork("anchor"));
 * s.next(32);   // 32 distinct row indices
 */
export class AnchorSampler {
  private readonly order: number[];
  private cursor: number;

  constructor(
    readonly n: number,
    private readonly rng: Rng,
  ) {
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("anchor pool size", n, "a positive integer");
    this.order = Array.from({ length: n }, (_, i) => i);
    this.cursor = n; // used up: shuffle on first use
  }

  /** The next `m` row indices. */
  next(m: number): Int32Array {
    const out = new Int32Array(m);
    for (let k = 0; k < m; k++) {
      if (this.cursor >= this.n) {
        this.rng.shuffle(this.order);
        this.cursor = 0;
      }
      out[k] = this.order[this.cursor++];
    }
    return out;
  }
}
