import type { Split, SplitName, Task } from "../../src/data/types";
import { Rng } from "../../src/util/rng";

/**
 * Gaussian teacher–student tasks for tests: x ~ N(0, I_d), label = argmax of a seeded linear
 * teacher W x (+ a little label noise). Tasks built with the same teacherSeed share their labelling.
 */
export interface SyntheticOptions {
  readonly d?: number;
  readonly classes?: number;
  readonly teacherSeed?: number;
  readonly dataSeed?: number;
  /** concept ids of the classes (default `${name}:c${i}`: private). */
  readonly concepts?: readonly string[];
  readonly sizes?: Partial<Record<SplitName, number>>;
}

export function syntheticTask(name: string, o: SyntheticOptions = {}): Task {
  const d = o.d ?? 12,
    k = o.classes ?? 3;
  const teacher = new Rng(o.teacherSeed ?? 1);
  const w = Float32Array.from({ length: k * d }, () => teacher.normal());
  const rng = new Rng(o.dataSeed ?? 2);
  const sizes: Record<SplitName, number> = { train: 300, val: 200, test: 200, headfit: 30, ...o.sizes };
  const make = (n: number): Split => {
    const x = new Float32Array(n * d),
      y = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      let best = -Infinity;
      for (let j = 0; j < d; j++) x[i * d + j] = rng.normal();
      for (let c = 0; c < k; c++) {
        let s = 0;
        for (let j = 0; j < d; j++) s += w[c * d + j] * x[i * d + j];
        if (s > best) {
          best = s;
          y[i] = c;
        }
      }
    }
    return { x, y, n };
  };
  const classes = Array.from({ length: k }, (_, c) => `c${c}`);
  return {
    name,
    title: name,
    suite: "synthetic",
    inputShape: [d],
    inputSize: d,
    classes,
    concepts: o.concepts ?? classes.map((c) => `${name}:${c}`),
    splits: { train: make(sizes.train), val: make(sizes.val), test: make(sizes.test), headfit: make(sizes.headfit) },
    source: { package: "test", version: "0", licence: "MIT" },
  };
}
