import * as fs from "fs";
import * as path from "path";
import { Progress, silentProgress } from "../util/progress";
import { writeFileAtomic } from "../util/atomic";
import { sizesKey } from "./presets";
import { sha256Hex } from "../util/sha256";
import { deserializePrepared, PreparedHeader, preparedHeader, PreparedTask, serializePrepared } from "./prepared";
import { cacheSubdir, ensureWritableDir } from "../util/cache-dir";
import { SplitSizes } from "./types";
import { VisionTaskSpec } from "./vision/spec";

/** Default prepared-data folder: `cache/` under the cache folder (data/cache in a checkout; see cacheDir). */
export function defaultCacheDir(): string {
  return cacheSubdir("cache");
}

/**
 * Base path (without extension) of a task's cached files: `<cacheDir>/<suite>/<sizes>/seed-<seed>/<task>`.
 * Sizes rather than the preset name key the folder, so explicit overrides cache too.
 *
 * @example
 * cachePath("data/cache", "vision8", sizes, 0, "mnist"); // "data/cache/vision8/200-200-300-5/seed-0/mnist"
 */
export function cachePath(cacheDir: string, suite: string, sizes: SplitSizes, seed: number, task: string): string {
  return path.join(cacheDir, suite, sizesKey(sizes), `seed-${seed}`, task);
}

/** What reading the cache found. */
export type CacheRead =
  | { status: "hit"; task: PreparedTask; header: PreparedHeader }
  | { status: "missing" }
  | { status: "corrupt"; problem: string };

/**
 * Read a cached prepared task and check it: the binary's sha256 must equal its sidecar's, and `expectedSha`
 * (from the manifest) when given. A truncated or corrupted file is reported, never returned.
 *
 * @example
 * const r = readCachedTask(base, manifestSha); if (r.status === "hit") use(r.task);
 */
export function readCachedTask(base: string, expectedSha?: string): CacheRead {
  if (!fs.existsSync(`${base}.json`) || !fs.existsSync(`${base}.bin`)) return { status: "missing" };
  try {
    const header = JSON.parse(fs.readFileSync(`${base}.json`, "utf8")) as PreparedHeader;
    if (header.format !== "merge-to-mix/prepared@1") return { status: "corrupt", problem: `sidecar format ${JSON.stringify(header.format)}` };
    const bytes = fs.readFileSync(`${base}.bin`);
    const sha = sha256Hex(bytes);
    if (sha !== header.sha256) return { status: "corrupt", problem: `sha256 ${sha.slice(0, 12)}… differs from its sidecar's ${String(header.sha256).slice(0, 12)}…` };
    if (expectedSha && sha !== expectedSha) return { status: "corrupt", problem: `sha256 ${sha.slice(0, 12)}… differs from the manifest's ${expectedSha.slice(0, 12)}…` };
    return { status: "hit", task: deserializePrepared(header, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), `${base}.bin`), header };
  } catch (e) {
    return { status: "corrupt", problem: (e as Error).message };
  }
}

/**
 * Write a prepared task to the cache: the binary first, then the sidecar (the sidecar is the commit
 * marker), each atomically. Returns the header (with the sha256).
 *
 * @example
 * writeCachedTask(base, prepared).sha256;
 */
export function writeCachedTask(base: string, task: PreparedTask): PreparedHeader {
  const bytes = serializePrepared(task);
  const header = preparedHeader(task, bytes);
  writeFileAtomic(`${base}.bin`, bytes);
  writeFileAtomic(`${base}.json`, JSON.stringify(header, null, 1) + "\n");
  return header;
}

/**
 * A prepared vision task, from the cache when its hash checks out, otherwise built from the source
 * (and the cache rewritten). `read: false` forces a rebuild; `write: false` keeps it in memory. Logs build times and any rebuild reason through `progress.log`.
 *
 * @example
 * const { task } = loadPreparedTask(mnistSpec, sizes, 0, "vision8", { cacheDir: defaultCacheDir() });
 */
export function loadPreparedTask(
  spec: VisionTaskSpec, sizes: SplitSizes, seed: number, suite: string,
  opts: { cacheDir?: string; expectedSha?: string; read?: boolean; write?: boolean; progress?: Progress } = {},
): { task: PreparedTask; header: PreparedHeader; fromCache: boolean } {
  const progress = opts.progress ?? silentProgress;
  const base = cachePath(opts.cacheDir ?? defaultCacheDir(), suite, sizes, seed, spec.name);
  if (opts.read !== false) {
    const r = readCachedTask(base, opts.expectedSha);
    if (r.status === "hit") return { task: r.task, header: r.header, fromCache: true };
    if (r.status === "corrupt") progress.log(`data: cache of ${suite}/${spec.name} rejected (${r.problem}); rebuilding`);
  }
  if (opts.write !== false) ensureWritableDir(path.dirname(base));   // a typed error naming the folder, before the build
  const t0 = Date.now();
  const task = spec.prepare(sizes, seed, suite);
  const header = opts.write === false ? preparedHeader(task) : writeCachedTask(base, task);
  progress.log(`data: built ${suite}/${spec.name} in ${((Date.now() - t0) / 1000).toFixed(2)} s`);
  if (opts.expectedSha && header.sha256 !== opts.expectedSha) {
    progress.log(`data: ${suite}/${spec.name} sha256 ${header.sha256.slice(0, 12)}… differs from data/manifest.json (${opts.expectedSha.slice(0, 12)}…): the manifest is out of date or the source changed; run \`merge-to-mix data --verify\``);
  }
  return { task, header, fromCache: false };
}
