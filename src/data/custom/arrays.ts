import { InvalidArgumentError } from "../../util/errors";
import { taskSeed } from "../prepare";
import { assignSplits } from "../split";
import { Split, SplitName, SplitSizes, Task } from "../types";

/** Options of `taskFromArrays`. */
export interface TaskFromArraysOptions {
  name: string;
  title?: string;
  /** n × inputSize features, flat or one row per example. */
  x: ArrayLike<number> | ReadonlyArray<ArrayLike<number>>;
  /** Label index per example, or class name per example. */
  y: ArrayLike<number> | readonly string[];
  classes: readonly string[];
  inputShape: readonly number[];
  /** Concept per class (default "<name>:<class>"; equal ids across tasks mean the same label). */
  concepts?: readonly string[];
  /** Split sizes (default: headfit min(5, smallest class / 5) per class; the rest 60/20/20). */
  sizes?: Partial<SplitSizes>;
  seed: number;
  suite?: string;
  /** Document id per example: split by whole documents (no leakage across splits). */
  groups?: ArrayLike<number>;
}

/** Fewest examples per class for which the default sizes give every class a head example. */
const MIN_PER_CLASS = 5;

/**
 * Default sizes for a user dataset: headfit min(5, ⌊smallest class / 5⌋) per class, then 60% / 20% / 20%.
 *
 * @example
 * defaultSizes([50, 50]); // { train: 54, val: 18, test: 18, headfitPerClass: 5 }
 */
export function defaultSizes(classCounts: readonly number[]): SplitSizes {
  const n = classCounts.reduce((a, b) => a + b, 0);
  const headfitPerClass = Math.min(5, Math.floor(Math.min(...classCounts) / 5));
  const rest = n - headfitPerClass * classCounts.length;
  const val = Math.floor(rest * 0.2), test = Math.floor(rest * 0.2);
  return { train: rest - val - test, val, test, headfitPerClass };
}

/**
 * A Task from in-memory arrays: validated (finite features, labels in range, no empty class), then split
 * deterministically (stratified, or by `groups`).
 *
 * @example
 * const task = taskFromArrays({ name: "toy", x: rows, y: labels, classes: ["a", "b"], inputShape: [4], seed: 0 });
 * @throws InvalidArgumentError naming the bad value: shape/length mismatch, NaN feature, label out of range, empty class,
 * a class too small for a head example, an empty train/val/test split.
 */
export function taskFromArrays(o: TaskFromArraysOptions): Task {
  if (typeof o.name !== "string" || !/^[a-z0-9][a-z0-9._-]*$/i.test(o.name)) throw new InvalidArgumentError("name", o.name, "a task id of letters, digits, '.', '_' or '-'");
  if (!Array.isArray(o.inputShape) || o.inputShape.length === 0 || o.inputShape.some((d) => !Number.isInteger(d) || d < 1)) throw new InvalidArgumentError(`inputShape of ${o.name}`, o.inputShape, "positive integer dimensions, e.g. [28, 28, 1]");
  const size = o.inputShape.reduce((a, b) => a * b, 1);
  const k = o.classes.length;
  if (k < 2) throw new InvalidArgumentError(`classes of ${o.name}`, o.classes, "at least two class names");
  if (new Set(o.classes).size !== k) throw new InvalidArgumentError(`classes of ${o.name}`, o.classes, "distinct class names");
  const n = o.y.length;
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = o.y[i];
    const label = typeof v === "string" ? o.classes.indexOf(v) : v;
    if (!Number.isInteger(label) || label < 0 || label >= k) throw new InvalidArgumentError(`label of example ${i} in ${o.name}`, v, typeof v === "string" ? `one of the classes ${o.classes.join(", ")}` : `an integer in [0, ${k})`);
    y[i] = label;
  }
  const x = flatten(o.x, n, size, o.name);
  const counts = new Array(k).fill(0);
  for (let i = 0; i < n; i++) counts[y[i]]++;
  const empty = counts.findIndex((c) => c === 0);
  if (empty >= 0) throw new InvalidArgumentError(`examples of class ${JSON.stringify(o.classes[empty])} in ${o.name}`, 0, "at least one example per class");
  const concepts = o.concepts ?? o.classes.map((c) => `${o.name}:${c}`);
  if (concepts.length !== k) throw new InvalidArgumentError(`concepts of ${o.name}`, concepts, `one concept per class (${k})`);
  const sizes: SplitSizes = { ...defaultSizes(counts), ...(o.sizes ?? {}) };
  // Checked here, while the data is read: a class too small for a head example, or an empty split, used to
  // surface only after θ0 and the fine-tunes were written.
  if (sizes.headfitPerClass < 1) {
    const small = counts.indexOf(Math.min(...counts));
    if (o.sizes?.headfitPerClass !== undefined) throw new InvalidArgumentError(`sizes.headfitPerClass of ${o.name}`, sizes.headfitPerClass, "at least 1 (every class needs an example to fit its head)");
    throw new InvalidArgumentError(`examples of class ${JSON.stringify(o.classes[small])} in ${o.name}`, counts[small], `at least ${MIN_PER_CLASS} per class (one to fit the head, the rest for training, validation and test)`);
  }
  const idx = assignSplits({ labels: y, numClasses: k, sizes, seed: taskSeed(o.seed, o.name), groups: o.groups, what: o.name });
  const split = (ix: number[]): Split => {
    const sx = new Float32Array(ix.length * size), sy = new Int32Array(ix.length);
    ix.forEach((j, i) => { sx.set(x.subarray(j * size, (j + 1) * size), i * size); sy[i] = y[j]; });
    return { x: sx, y: sy, n: ix.length };
  };
  const splits = {} as { [K in SplitName]: Split };
  for (const s of ["train", "val", "test", "headfit"] as const) splits[s] = split(idx[s]);
  for (const s of ["train", "val", "test"] as const) {
    if (splits[s].n === 0) throw new InvalidArgumentError(`${s} split of ${o.name}`, 0, `at least one example (${n} examples in ${k} classes leave none for it: add examples, or set sizes)`);
  }
  return {
    name: o.name, title: o.title ?? o.name, suite: o.suite ?? "custom", inputShape: [...o.inputShape], inputSize: size,
    classes: [...o.classes], concepts: [...concepts], splits, source: { package: "user", version: "", licence: "user data" },
  };
}

function flatten(xs: TaskFromArraysOptions["x"], n: number, size: number, name: string): Float32Array {
  const rows = Array.isArray(xs) && xs.length > 0 && typeof xs[0] !== "number";
  const out = new Float32Array(n * size);
  if (rows) {
    const r = xs as ReadonlyArray<ArrayLike<number>>;
    if (r.length !== n) throw new InvalidArgumentError(`rows of x in ${name}`, r.length, `${n} (one per label)`);
    r.forEach((row, i) => {
      if (row.length !== size) throw new InvalidArgumentError(`length of row ${i} of x in ${name}`, row.length, `${size} (the product of inputShape)`);
      out.set(row, i * size);
    });
  } else {
    const f = xs as ArrayLike<number>;
    if (f.length !== n * size) throw new InvalidArgumentError(`x.length in ${name}`, f.length, `${n} × ${size} = ${n * size} (labels × product of inputShape)`);
    out.set(f);
  }
  for (let i = 0; i < out.length; i++) {
    if (!Number.isFinite(out[i])) throw new InvalidArgumentError(`feature ${i % size} of example ${Math.floor(i / size)} in ${name}`, out[i], "a finite number");
  }
  return out;
}
