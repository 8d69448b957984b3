import { hashSeed } from "../util/rng";
import { assignSplits, SplitIndices } from "./split";
import { PreparedSplit, PreparedTask, SPLIT_NAMES, TaskMeta } from "./prepared";
import { SplitName, SplitSizes } from "./types";

export type { TaskMeta } from "./prepared";

/** A source's examples as bytes (pixel = byte/255), before splitting. */
export interface RawPool {
  readonly x: Uint8Array;
  readonly y: Int32Array;
  readonly n: number;
  /** When the source has an official test set: examples [testFrom, n) are it, and only they feed `test`. */
  readonly testFrom?: number;
}

/**
 * The seed a task's split uses: derived from the run seed and the task name, so adding a task
 * never reshuffles the others.
 *
 * @example
 * taskSeed(0, "mnist"); // a 32-bit integer
 */
export function taskSeed(seed: number, task: string): number {
  return hashSeed(`${seed}:${task}`);
}

/**
 * Split a pool deterministically (stratified; official test examples only in `test`) and gather the bytes.
 *
 * @example
 * const p = prepareFromPool(meta, loadMnistPool(), { train: 200, val: 200, test: 300, headfitPerClass: 5 }, 0);
 */
export function prepareFromPool(meta: TaskMeta, pool: RawPool, sizes: SplitSizes, seed: number): PreparedTask {
  const s = taskSeed(seed, meta.name);
  const k = meta.classes.length;
  let idx: SplitIndices;
  if (pool.testFrom !== undefined) {
    const cut = pool.testFrom;
    idx = assignSplits({ labels: pool.y.subarray(0, cut), numClasses: k, sizes: { ...sizes, test: 0 }, seed: s, what: `${meta.name} (official train part)` });
    const t = assignSplits({ labels: pool.y.subarray(cut), numClasses: k, sizes: { train: 0, val: 0, test: sizes.test, headfitPerClass: 0 }, seed: s + 1, what: `${meta.name} (official test part)` });
    idx.test = t.test.map((i) => i + cut);
  } else {
    idx = assignSplits({ labels: pool.y, numClasses: k, sizes, seed: s, what: meta.name });
  }
  const size = meta.inputShape.reduce((a, b) => a * b, 1);
  const splits = {} as { [K in SplitName]: PreparedSplit };
  for (const name of SPLIT_NAMES) splits[name] = gather(pool, idx[name], size);
  return { ...meta, splits };
}

/** Copy the chosen examples out of a pool. */
export function gather(pool: RawPool, index: readonly number[], size: number, group?: ArrayLike<number>): PreparedSplit {
  const n = index.length;
  const x = new Uint8Array(n * size), y = new Int32Array(n), ix = new Int32Array(n), g = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const j = index[i];
    x.set(pool.x.subarray(j * size, (j + 1) * size), i * size);
    y[i] = pool.y[j];
    ix[i] = j;
    if (group) g[i] = group[j];
  }
  return { x, y, n, index: ix, group: g };
}
