import * as fs from "fs";
import * as path from "path";
import { CorruptFileError } from "../util/errors";
import { writeFileAtomic } from "../util/atomic";
import { sha256Hex } from "../util/sha256";
import { classCounts, PreparedHeader, PreparedTask, SPLIT_NAMES, TaskMeta } from "./prepared";
import { projectRoot } from "./sources";
import { SplitName, SplitSizes, Task } from "./types";

/** What the manifest records about one prepared task. */
export interface ManifestTaskEntry extends Omit<TaskMeta, "name" | "suite"> {
  readonly sizes: SplitSizes;
  /** Examples per class in each split. */
  readonly counts: { readonly [K in SplitName]: readonly number[] };
  /** sha256 of the prepared arrays (vision: the cache binary; text: float features + labels). */
  readonly sha256: string;
}

/** data/manifest.json: suite → preset → seed → task → entry. Deterministic (no timestamps) so git diffs stay clean. */
export interface DataManifest {
  readonly format: "merge-to-mix/data-manifest@1";
  readonly suites: { [suite: string]: { [preset: string]: { [seed: string]: { [task: string]: ManifestTaskEntry } } } };
}

/** Path of the committed manifest. */
export function defaultManifestPath(): string {
  return path.join(projectRoot(), "data", "manifest.json");
}

/**
 * Read the manifest; an empty one when the file does not exist.
 *
 * @example
 * readManifest().suites.vision8?.quick?.["0"]?.mnist.sha256;
 * @throws CorruptFileError when the file is not a manifest.
 */
export function readManifest(file = defaultManifestPath()): DataManifest {
  if (!fs.existsSync(file)) return { format: "merge-to-mix/data-manifest@1", suites: {} };
  let m: DataManifest;
  try { m = JSON.parse(fs.readFileSync(file, "utf8")) as DataManifest; } catch (e) { throw new CorruptFileError(file, "not valid JSON", { cause: e }); }
  if (m.format !== "merge-to-mix/data-manifest@1" || typeof m.suites !== "object") throw new CorruptFileError(file, `format ${JSON.stringify(m.format)}, expected "merge-to-mix/data-manifest@1"`);
  return m;
}

/**
 * Write the manifest atomically with sorted keys at every level (stable diffs).
 *
 * @example
 * writeManifest(m);
 */
export function writeManifest(m: DataManifest, file = defaultManifestPath()): void {
  const sortKeys = (o: Record<string, unknown>) => Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
  const suites: DataManifest["suites"] = {};
  for (const s of Object.keys(m.suites).sort()) {
    const presets: Record<string, Record<string, Record<string, ManifestTaskEntry>>> = {};
    for (const p of Object.keys(m.suites[s]).sort()) {
      const seeds: Record<string, Record<string, ManifestTaskEntry>> = {};
      for (const seed of Object.keys(m.suites[s][p]).sort()) seeds[seed] = sortKeys(m.suites[s][p][seed]) as Record<string, ManifestTaskEntry>;
      presets[p] = seeds;
    }
    suites[s] = presets;
  }
  writeFileAtomic(file, JSON.stringify({ format: m.format, suites }, null, 1) + "\n");
}

/**
 * The manifest entry of one task, or undefined.
 *
 * @example
 * manifestEntry(m, "vision8", "quick", 0, "mnist")?.sha256;
 */
export function manifestEntry(m: DataManifest, suite: string, preset: string, seed: number, task: string): ManifestTaskEntry | undefined {
  return m.suites[suite]?.[preset]?.[String(seed)]?.[task];
}

/**
 * A manifest entry from a prepared (byte) task and its cache header.
 *
 * @example
 * entryFromPrepared(p, header, sizes);
 */
export function entryFromPrepared(p: PreparedTask, header: PreparedHeader, sizes: SplitSizes): ManifestTaskEntry {
  return { title: p.title, source: p.source, inputShape: [...p.inputShape], classes: [...p.classes], concepts: [...p.concepts], sizes: { ...sizes }, counts: classCounts(p), sha256: header.sha256 };
}

/**
 * sha256 of a float task's arrays: per split (train, val, test, headfit) x as float32 LE then y as int32 LE.
 *
 * @example
 * hashTask(task); // "9f2c…"
 */
export function hashTask(task: Task): string {
  const parts: Uint8Array[] = [];
  for (const k of SPLIT_NAMES) {
    const s = task.splits[k];
    parts.push(new Uint8Array(s.x.buffer, s.x.byteOffset, s.x.byteLength), new Uint8Array(s.y.buffer, s.y.byteOffset, s.y.byteLength));
  }
  return sha256Hex(Buffer.concat(parts));
}

const taskHashes = new WeakMap<Task, string>();
/** {@link hashTask}, once per task object (prepared tasks are never modified): a run's provenance and its queue jobs share it. */
export function taskSha(task: Task): string {
  let h = taskHashes.get(task);
  if (!h) taskHashes.set(task, (h = hashTask(task)));
  return h;
}

/**
 * A manifest entry from a float task (used for suites that are not cached as bytes, like text8).
 *
 * @example
 * entryFromTask(task, sizes);
 */
export function entryFromTask(task: Task, sizes: SplitSizes): ManifestTaskEntry {
  const counts = {} as { [K in SplitName]: number[] };
  for (const k of SPLIT_NAMES) {
    const c = new Array(task.classes.length).fill(0);
    for (let i = 0; i < task.splits[k].n; i++) c[task.splits[k].y[i]]++;
    counts[k] = c;
  }
  return { title: task.title, source: task.source, inputShape: [...task.inputShape], classes: [...task.classes], concepts: [...task.concepts], sizes: { ...sizes }, counts, sha256: hashTask(task) };
}
