import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { MergeToMixError } from "./errors";
import { isSourceCheckout, packageRoot } from "./package-root";

/** The cache folder cannot be created or written. */
export class CacheFolderError extends MergeToMixError {
  constructor(
    readonly folder: string,
    readonly problem: string,
    options?: { cause?: unknown },
  ) {
    super(
      `cache folder ${JSON.stringify(folder)} ${problem}; expected a writable folder (choose one with --cache DIR, ` +
        `the MERGE_TO_MIX_CACHE environment variable or setCacheDir(dir))`,
      options,
    );
  }
}

/** What lives in the cache: prepared datasets, pretrained encoders θ0, raw files fetched from Debian packages,
 *  and the run stores of the notebook steps (src/steps). */
export type CacheKind = "cache" | "models" | "raw" | "steps";

let chosen: string | undefined;

/**
 * Choose the cache folder for this process (the CLI's `--cache DIR`); `undefined` restores the default.
 *
 * @example
 * setCacheDir("/scratch/m2m-cache"); cacheDir(); // "/scratch/m2m-cache"
 */
export function setCacheDir(dir: string | undefined): void {
  chosen = dir === undefined ? undefined : path.resolve(dir);
}

/**
 * The one folder where merge-to-mix keeps what it can rebuild: prepared data (`cache/`), pretrained
 * encoders θ0 (`models/`) and raw files from Debian packages (`raw/`). In order: `setCacheDir` (the CLI's
 * `--cache`), the environment variable `MERGE_TO_MIX_CACHE`, the repository's own `data/` in a development
 * checkout (so its layout stays data/cache, data/models, data/raw), else `$XDG_CACHE_HOME/merge-to-mix`
 * or `~/.cache/merge-to-mix`. Never inside an installed package.
 *
 * @example
 * cacheDir(); // "/home/ada/.cache/merge-to-mix" for an installed package
 */
export function cacheDir(): string {
  if (chosen) return chosen;
  const env = process.env.MERGE_TO_MIX_CACHE;
  if (env && env.trim() !== "") return path.resolve(env);
  if (isSourceCheckout()) return path.join(packageRoot(), "data");
  const xdg = process.env.XDG_CACHE_HOME;
  return path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), ".cache"), "merge-to-mix");
}

/**
 * One kind of cached thing's folder under `cacheDir()`.
 *
 * @example
 * cacheSubdir("models"); // "~/.cache/merge-to-mix/models"
 */
export function cacheSubdir(kind: CacheKind): string {
  return path.join(cacheDir(), kind);
}

/**
 * Create `dir` if needed and check that files can be written in it (a probe file, removed again);
 * CacheFolderError naming the folder otherwise. Call before a long computation whose result goes there.
 *
 * @example
 * ensureWritableDir(cacheSubdir("models"));
 */
export function ensureWritableDir(dir: string): string {
  // recursive mkdir never returns under /proc or /sys; nothing cached belongs there
  if (/^\/(proc|sys)(\/|$)/.test(path.resolve(dir))) throw new CacheFolderError(dir, "is a kernel pseudo-filesystem");
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new CacheFolderError(
      dir,
      `cannot be created (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
      { cause: e },
    );
  }
  if (!fs.statSync(dir).isDirectory()) throw new CacheFolderError(dir, "is not a folder");
  const probe = path.join(dir, `.write-probe.${process.pid}.tmp`);
  try {
    fs.writeFileSync(probe, "");
    fs.unlinkSync(probe);
  } catch (e) {
    throw new CacheFolderError(dir, `is not writable (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, {
      cause: e,
    });
  }
  return dir;
}
