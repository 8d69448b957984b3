import { InvalidArgumentError } from "./errors";

/**
 * A seeded pseudo-random generator (mulberry32): the only source of randomness in the project.
 * Same seed → same sequence on every platform.
 *
 * @example
 * const rng = new Rng(42);
 * rng.next();          // float in [0, 1)
 * rng.int(10);         // integer in [0, 10)
 * rng.shuffle([1, 2, 3]);
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    if (!Number.isFinite(seed)) throw new InvalidArgumentError("seed", seed, "a finite number");
    this.state = (Math.floor(seed) ^ 0x9e3779b9) >>> 0;
  }

  /** Uniform float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError("n", n, "a positive integer");
    return Math.floor(this.next() * n);
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next(),
      v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Fisher–Yates shuffle in place; returns the array. */
  shuffle<T>(a: T[]): T[] {
    for (let i = a.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    return a;
  }

  /** A child generator whose stream depends on this seed and a label (e.g. a task name). */
  fork(label: string | number): Rng {
    return new Rng(hashSeed(`${this.state}:${label}`));
  }
}

/** A 32-bit seed from any string (FNV-1a), for deriving per-task or per-model seeds. */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
