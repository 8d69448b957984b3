import { sha256Hex } from "../util/sha256";
import { CorruptFileError } from "../util/errors";
import { Split, SplitName, Task, TaskSource } from "./types";

/** Split order used everywhere a task is serialised or hashed. */
export const SPLIT_NAMES: readonly SplitName[] = ["train", "val", "test", "headfit"];

/** One split in its compact prepared form (what the cache stores and the manifest hashes). */
export interface PreparedSplit {
  /** n × inputSize bytes; pixel value = byte / 255. */
  readonly x: Uint8Array;
  readonly y: Int32Array;
  readonly n: number;
  /** Index of each example in its source pool (official test examples are offset by the train count). */
  readonly index: Int32Array;
  /** Group of each example (e.g. the Hershey font), −1 when the source has none. */
  readonly group: Int32Array;
}

/** Everything about a task except its examples. */
export interface TaskMeta {
  readonly name: string;
  readonly title: string;
  readonly suite: string;
  readonly inputShape: readonly number[];
  readonly classes: readonly string[];
  readonly concepts: readonly string[];
  readonly source: TaskSource;
}

/** A task before conversion to floats: bytes, labels and provenance. */
export interface PreparedTask extends TaskMeta {
  readonly splits: { readonly [K in SplitName]: PreparedSplit };
  /** Names of the group ids (e.g. font names), when the source has groups. */
  readonly groupNames?: readonly string[];
}

/** The JSON sidecar next to a cached binary (everything but the arrays). */
export interface PreparedHeader extends TaskMeta {
  readonly format: "merge-to-mix/prepared@1";
  readonly counts: { readonly [K in SplitName]: number };
  readonly groupNames?: readonly string[];
  readonly bytes: number;
  readonly sha256: string;
}

const inputSizeOf = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/**
 * Quantise floats in [0, 1] to bytes (round(v·255), clamped), the prepared form of every image.
 *
 * @example
 * quantize(new Float32Array([0, 0.5, 1])); // Uint8Array [0, 128, 255]
 */
export function quantize(values: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = Math.round(values[i] * 255);
    out[i] = v < 0 ? 0 : v > 255 ? 255 : v;
  }
  return out;
}

const BYTE_TO_FLOAT = Float32Array.from({ length: 256 }, (_, i) => i / 255);

/**
 * Convert a prepared task (bytes) to the float Task every other layer uses.
 *
 * @example
 * const task = toTask(prepared); task.splits.train.x[0]; // in [0, 1]
 */
export function toTask(p: PreparedTask): Task {
  const split = (s: PreparedSplit): Split => {
    const x = new Float32Array(s.x.length);
    for (let i = 0; i < x.length; i++) x[i] = BYTE_TO_FLOAT[s.x[i]];
    return { x, y: Int32Array.from(s.y), n: s.n };
  };
  return {
    name: p.name, title: p.title, suite: p.suite, inputShape: [...p.inputShape], inputSize: inputSizeOf(p.inputShape),
    classes: [...p.classes], concepts: [...p.concepts], source: p.source,
    splits: { train: split(p.splits.train), val: split(p.splits.val), test: split(p.splits.test), headfit: split(p.splits.headfit) },
  };
}

/**
 * Serialise the arrays of a prepared task: per split y, index, group (int32 LE), then per split x (bytes).
 * The sha256 of these bytes is the task's hash in the manifest.
 *
 * @example
 * const bytes = serializePrepared(p); sha256Hex(bytes);
 */
export function serializePrepared(p: PreparedTask): Uint8Array {
  let total = 0;
  for (const k of SPLIT_NAMES) total += 12 * p.splits[k].n + p.splits[k].x.length;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  let o = 0;
  for (const k of SPLIT_NAMES) {
    const s = p.splits[k];
    for (const arr of [s.y, s.index, s.group]) for (let i = 0; i < s.n; i++, o += 4) view.setInt32(o, arr[i], true);
  }
  for (const k of SPLIT_NAMES) { out.set(p.splits[k].x, o); o += p.splits[k].x.length; }
  return out;
}

/**
 * Rebuild a prepared task from its sidecar header and binary; throws CorruptFileError when they disagree.
 *
 * @example
 * const p = deserializePrepared(header, fs.readFileSync(binPath), binPath);
 */
export function deserializePrepared(h: PreparedHeader, bytes: Uint8Array, file = "prepared data"): PreparedTask {
  const size = inputSizeOf(h.inputShape);
  let expected = 0;
  for (const k of SPLIT_NAMES) expected += h.counts[k] * (12 + size);
  if (bytes.length !== expected) throw new CorruptFileError(file, `${bytes.length} bytes, expected ${expected} from its header`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let o = 0;
  const ints: Record<string, Int32Array[]> = {};
  for (const k of SPLIT_NAMES) {
    const n = h.counts[k];
    ints[k] = [0, 1, 2].map(() => { const a = new Int32Array(n); for (let i = 0; i < n; i++, o += 4) a[i] = view.getInt32(o, true); return a; });
  }
  const splits = {} as { [K in SplitName]: PreparedSplit };
  for (const k of SPLIT_NAMES) {
    const n = h.counts[k];
    const x = bytes.slice(o, o + n * size); o += n * size;
    const [y, index, group] = ints[k];
    for (let i = 0; i < n; i++) if (y[i] < 0 || y[i] >= h.classes.length) throw new CorruptFileError(file, `label ${y[i]} of ${k} example ${i} is outside [0, ${h.classes.length})`);
    splits[k] = { x, y, n, index, group };
  }
  return { name: h.name, title: h.title, suite: h.suite, inputShape: h.inputShape, classes: h.classes, concepts: h.concepts, source: h.source, splits, groupNames: h.groupNames };
}


/**
 * The sidecar header of a prepared task (with its hash).
 *
 * @example
 * const bytes = serializePrepared(p); const h = preparedHeader(p, bytes);
 */
export function preparedHeader(p: PreparedTask, bytes: Uint8Array = serializePrepared(p)): PreparedHeader {
  return {
    format: "merge-to-mix/prepared@1", name: p.name, title: p.title, suite: p.suite, inputShape: [...p.inputShape],
    classes: [...p.classes], concepts: [...p.concepts], source: p.source,
    counts: { train: p.splits.train.n, val: p.splits.val.n, test: p.splits.test.n, headfit: p.splits.headfit.n },
    ...(p.groupNames ? { groupNames: [...p.groupNames] } : {}),
    bytes: bytes.length, sha256: sha256Hex(bytes),
  };
}

/**
 * Examples per class in each split (for the manifest and reports).
 *
 * @example
 * classCounts(p).train; // [20, 20, …]
 */
export function classCounts(p: PreparedTask): { [K in SplitName]: number[] } {
  const count = (s: PreparedSplit) => { const c = new Array(p.classes.length).fill(0); for (let i = 0; i < s.n; i++) c[s.y[i]]++; return c; };
  return { train: count(p.splits.train), val: count(p.splits.val), test: count(p.splits.test), headfit: count(p.splits.headfit) };
}
