import { InvalidArgumentError, UnknownNameError } from "../util/errors";
import { Progress, silentProgress } from "../util/progress";
import { loadPreparedTask } from "./cache";
import { DataManifest, entryFromPrepared, entryFromTask, ManifestTaskEntry, readManifest, writeManifest } from "./manifest";
import { checkPreset, PresetName, PRESET_NAMES, TEXT8_PRESETS, VISION8_SIZES } from "./presets";
import { DEFAULT_DATA_SEED } from "./suites";
import { loadText8Tasks, TEXT8_TASKS } from "./text/index";
import { VISION8_TASKS } from "./vision/vision8";

/** Suites the manifest covers (user-registered suites are not committed data). */
export const MANIFEST_SUITES: readonly string[] = ["vision8", "text8"];

export interface DataOptions {
  suites?: readonly string[];
  presets?: readonly PresetName[];
  seed?: number;
  progress?: Progress;
  cacheDir?: string;
  manifestPath?: string;
}

/** One task's line in a build or verify report. */
export interface DataTaskReport {
  suite: string;
  preset: PresetName;
  seed: number;
  task: string;
  sha256: string;
  seconds: number;
  /** verify only: the manifest's hash, and whether it matched. */
  expected?: string;
  status?: "ok" | "mismatch" | "not-in-manifest";
}

/** Prepare every task of one suite/preset/seed, yielding its manifest entry (vision: also writes the cache). */
async function prepareEntries(suite: string, preset: PresetName, seed: number, o: { write: boolean; cacheDir?: string; progress: Progress }): Promise<Array<{ task: string; entry: ManifestTaskEntry; seconds: number }>> {
  const out: Array<{ task: string; entry: ManifestTaskEntry; seconds: number }> = [];
  if (suite === "vision8") {
    for (const spec of VISION8_TASKS) {
      const t0 = Date.now();
      const sizes = VISION8_SIZES[preset][spec.name];
      const r = loadPreparedTask(spec, sizes, seed, suite, { cacheDir: o.cacheDir, read: false, write: o.write, progress: o.progress });
      out.push({ task: spec.name, entry: entryFromPrepared(r.task, r.header, sizes), seconds: (Date.now() - t0) / 1000 });
      o.progress.tick(1, `${suite}/${preset}/${spec.name}`);
    }
  } else if (suite === "text8") {
    const { sizes, dim } = TEXT8_PRESETS[preset];
    for (const name of TEXT8_TASKS) {
      const t0 = Date.now();
      const [task] = await loadText8Tasks({ sizes, seed, dim, tasks: [name] });
      out.push({ task: name, entry: entryFromTask(task, sizes), seconds: (Date.now() - t0) / 1000 });
      o.progress.log(`data: built ${suite}/${name} in ${((Date.now() - t0) / 1000).toFixed(2)} s`);
      o.progress.tick(1, `${suite}/${preset}/${name}`);
    }
  } else {
    throw new UnknownNameError("manifest suite", suite, MANIFEST_SUITES);
  }
  return out;
}

function resolve(opts: DataOptions): { suites: readonly string[]; presets: readonly PresetName[]; seed: number; progress: Progress } {
  const suites = opts.suites ?? MANIFEST_SUITES;
  for (const s of suites) if (!MANIFEST_SUITES.includes(s)) throw new UnknownNameError("manifest suite", s, MANIFEST_SUITES);
  const presets = (opts.presets ?? PRESET_NAMES).map(checkPreset);
  const seed = opts.seed ?? DEFAULT_DATA_SEED;
  if (!Number.isInteger(seed)) throw new InvalidArgumentError("seed", seed, "an integer");
  return { suites, presets, seed, progress: opts.progress ?? silentProgress };
}

const taskCount = (s: string) => (s === "vision8" ? VISION8_TASKS.length : TEXT8_TASKS.length);

/**
 * Build the prepared-data cache and (re)write data/manifest.json atomically for the given suites, presets and
 * seed (default: every manifest suite, both presets, seed 0). Other suites/presets/seeds in the manifest are kept.
 *
 * @example
 * const report = await buildData({ suites: ["vision8"], presets: ["quick"], progress });
 */
export async function buildData(opts: DataOptions = {}): Promise<{ seconds: number; tasks: DataTaskReport[] }> {
  const { suites, presets, seed, progress } = resolve(opts);
  const t0 = Date.now();
  const manifest = readManifest(opts.manifestPath) as { format: DataManifest["format"]; suites: DataManifest["suites"] };
  const tasks: DataTaskReport[] = [];
  progress.start("build data", suites.reduce((a, s) => a + taskCount(s) * presets.length, 0));
  try {
    for (const suite of suites) {
      for (const preset of presets) {
        const entries = await prepareEntries(suite, preset, seed, { write: true, cacheDir: opts.cacheDir, progress });
        const block: Record<string, ManifestTaskEntry> = {};
        for (const e of entries) { block[e.task] = e.entry; tasks.push({ suite, preset, seed, task: e.task, sha256: e.entry.sha256, seconds: e.seconds }); }
        manifest.suites[suite] = { ...(manifest.suites[suite] ?? {}), [preset]: { ...(manifest.suites[suite]?.[preset] ?? {}), [String(seed)]: block } };
      }
    }
  } finally {
    progress.done();
  }
  writeManifest(manifest, opts.manifestPath);
  const seconds = (Date.now() - t0) / 1000;
  progress.log(`data: built ${tasks.length} tasks in ${seconds.toFixed(1)} s; manifest written`);
  return { seconds, tasks };
}

/**
 * Rebuild the data in memory (no cache) and compare every task's sha256 with data/manifest.json.
 * `ok` is false when any hash differs or a task is missing from the manifest.
 *
 * @example
 * const r = await verifyData({ suites: ["vision8"], presets: ["quick"] }); r.ok; // true
 */
export async function verifyData(opts: DataOptions = {}): Promise<{ ok: boolean; seconds: number; tasks: DataTaskReport[] }> {
  const { suites, presets, seed, progress } = resolve(opts);
  const t0 = Date.now();
  const manifest = readManifest(opts.manifestPath);
  const tasks: DataTaskReport[] = [];
  progress.start("verify data", suites.reduce((a, s) => a + taskCount(s) * presets.length, 0));
  try {
    for (const suite of suites) {
      for (const preset of presets) {
        for (const e of await prepareEntries(suite, preset, seed, { write: false, progress })) {
          const expected = manifest.suites[suite]?.[preset]?.[String(seed)]?.[e.task]?.sha256;
          const status = !expected ? "not-in-manifest" : expected === e.entry.sha256 ? "ok" : "mismatch";
          if (status !== "ok") progress.log(`data: ${suite}/${preset}/seed ${seed}/${e.task}: ${status}${expected ? ` (manifest ${expected.slice(0, 12)}…, rebuilt ${e.entry.sha256.slice(0, 12)}…)` : ""}`);
          tasks.push({ suite, preset, seed, task: e.task, sha256: e.entry.sha256, seconds: e.seconds, expected, status });
        }
      }
    }
  } finally {
    progress.done();
  }
  return { ok: tasks.every((t) => t.status === "ok"), seconds: (Date.now() - t0) / 1000, tasks };
}
