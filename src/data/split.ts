import { InvalidArgumentError } from "../util/errors";
import { Rng } from "../util/rng";
import { SplitName, SplitSizes } from "./types";

/** Indices of the examples that fall in each split. */
export type SplitIndices = { [K in SplitName]: number[] };

/**
 * Assign examples to train / val / test / headfit, deterministically for a seed.
 * Without `groups`, each class is shuffled and split in proportion (stratified); headfit takes
 * `headfitPerClass` of every class first. With `groups` (e.g. a document id per chunk), whole groups are
 * assigned, so no document leaks across splits; headfit then comes from the groups given to train
 * (never used as training data of the same split object).
 *
 * @example
 * const idx = assignSplits({ labels, numClasses: 10, sizes: { train: 600, val: 300, test: 1000, headfitPerClass: 20 }, seed: 1 });
 * idx.train.length; // 600
 * @throws InvalidArgumentError when the source has fewer examples than the sizes ask for.
 */
export function assignSplits(opts: {
  labels: ArrayLike<number>;
  numClasses: number;
  sizes: SplitSizes;
  seed: number;
  groups?: ArrayLike<number>;
  /** Name used in error messages. */
  what?: string;
}): SplitIndices {
  const { labels, numClasses, sizes, seed } = opts;
  const what = opts.what ?? "dataset";
  const need = sizes.train + sizes.val + sizes.test + sizes.headfitPerClass * numClasses;
  if (labels.length < need) {
    throw new InvalidArgumentError(`split sizes for ${what}`, sizes, `at most ${labels.length} examples in total (the source has ${labels.length}, the sizes need ${need})`);
  }
  const rng = new Rng(seed);
  return opts.groups ? assignByGroup(opts.labels, opts.groups, numClasses, sizes, rng, what) : assignStratified(labels, numClasses, sizes, rng, what);
}

function byClass(labels: ArrayLike<number>, numClasses: number, what: string): number[][] {
  const out: number[][] = Array.from({ length: numClasses }, () => []);
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i];
    if (!Number.isInteger(y) || y < 0 || y >= numClasses) throw new InvalidArgumentError(`label of example ${i} in ${what}`, y, `an integer in [0, ${numClasses})`);
    out[y].push(i);
  }
  return out;
}

/** Split `total` into per-class quotas proportional to `avail`, never exceeding availability. */
function quotas(total: number, avail: number[]): number[] {
  const sum = avail.reduce((a, b) => a + b, 0);
  const q = avail.map((a) => Math.min(a, Math.floor((total * a) / Math.max(sum, 1))));
  let left = total - q.reduce((a, b) => a + b, 0);
  for (let pass = 0; left > 0 && pass < 2 * avail.length + 2; pass++) {
    for (let c = 0; c < avail.length && left > 0; c++) if (q[c] < avail[c]) { q[c]++; left--; }
  }
  return q;
}

function assignStratified(labels: ArrayLike<number>, numClasses: number, sizes: SplitSizes, rng: Rng, what: string): SplitIndices {
  const classes = byClass(labels, numClasses, what).map((ix) => rng.shuffle(ix));
  const out: SplitIndices = { train: [], val: [], test: [], headfit: [] };
  classes.forEach((ix, c) => {
    if (ix.length < sizes.headfitPerClass + 1) {
      throw new InvalidArgumentError(`examples of class ${c} in ${what}`, ix.length, `at least ${sizes.headfitPerClass + 1}`);
    }
    out.headfit.push(...ix.splice(0, sizes.headfitPerClass));
  });
  for (const name of ["test", "val", "train"] as const) {
    const q = quotas(sizes[name], classes.map((ix) => ix.length));
    classes.forEach((ix, c) => out[name].push(...ix.splice(0, q[c])));
  }
  for (const k of Object.keys(out) as SplitName[]) out[k] = rng.shuffle(out[k]);
  return out;
}

function assignByGroup(labels: ArrayLike<number>, groups: ArrayLike<number>, numClasses: number, sizes: SplitSizes, rng: Rng, what: string): SplitIndices {
  if (groups.length !== labels.length) throw new InvalidArgumentError(`groups.length for ${what}`, groups.length, `${labels.length} (one group per example)`);
  byClass(labels, numClasses, what);
  const members = new Map<number, number[]>();
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i];
    let m = members.get(g);
    if (!m) members.set(g, (m = []));
    m.push(i);
  }
  const order = rng.shuffle([...members.keys()].sort((a, b) => a - b));
  const out: SplitIndices = { train: [], val: [], test: [], headfit: [] };
  // Fill test, then val, then train with whole groups, each group's examples shuffled and truncated to the quota.
  const pool: Record<"test" | "val" | "train", number[]> = { test: [], val: [], train: [] };
  const targets = { test: sizes.test, val: sizes.val, train: sizes.train + sizes.headfitPerClass * numClasses };
  let g = 0;
  for (const name of ["test", "val", "train"] as const) {
    while (pool[name].length < targets[name] && g < order.length) pool[name].push(...members.get(order[g++])!);
  }
  for (const name of ["test", "val"] as const) out[name] = rng.shuffle(pool[name]).slice(0, sizes[name]);
  // headfit: per class from train-side groups; the rest is train.
  const trainSide = rng.shuffle(pool.train);
  const perClass = new Array(numClasses).fill(0);
  for (const i of trainSide) {
    const y = labels[i];
    if (perClass[y] < sizes.headfitPerClass) { perClass[y]++; out.headfit.push(i); }
    else if (out.train.length < sizes.train) out.train.push(i);
  }
  if (out.test.length < sizes.test || out.val.length < sizes.val || out.train.length < sizes.train) {
    throw new InvalidArgumentError(`split sizes for ${what}`, sizes, `sizes the source can fill by whole documents (got train ${out.train.length}, val ${out.val.length}, test ${out.test.length})`);
  }
  return out;
}
