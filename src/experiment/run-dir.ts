import * as fs from "fs";
import * as path from "path";
import { InvalidArgumentError, MergeToMixError } from "../util/errors";

/** The marker file every output folder merge-to-mix creates holds (JSON: producer, kind, version). */
export const RUN_MARKER_FILE = ".merge-to-mix-run";

/** Version of the marker's content. */
export const RUN_MARKER_VERSION = 1;

/** Files that identify a folder written by merge-to-mix before the marker existed (so old runs still resume). */
const OUR_FILES = ["store.sqlite", "results.json"];

/** Kernel filesystems no run may be written into (a recursive mkdir under /proc loops forever). */
const SPECIAL_ROOTS = ["/proc", "/sys", "/dev"];

/** The output folder is a non-empty folder that merge-to-mix did not make: writing into it would overwrite the user's files. */
export class ForeignFolderError extends MergeToMixError {
  constructor(
    readonly dir: string,
    readonly entries: readonly string[],
  ) {
    super(
      `${dir} is a non-empty folder that is not a merge-to-mix run (it holds ${entries
        .slice(0, 3)
        .map((e) => JSON.stringify(e))
        .join(
          ", ",
        )}${entries.length > 3 ? `, … ${entries.length} entries` : ""} and no ${RUN_MARKER_FILE}); expected a new or empty folder, or a run folder of ours — choose another --out`,
    );
  }
}

/**
 * Check that `dir` can be an output folder, WITHOUT writing anything: not inside /proc, /sys or /dev,
 * no file in the way (the folder itself or one of its parents), and — when it exists and is not empty —
 * a run of ours (its marker file, or for older runs a store.sqlite or results.json; `ours` replaces that
 * list). A user's own selection.json or mixtures.csv does not count. Returns the absolute path.
 *
 * @example
 * checkOutputDir("runs/quick");   // "/home/me/project/runs/quick"
 * @throws InvalidArgumentError for a special or blocked path; ForeignFolderError for someone else's folder.
 */
export function checkOutputDir(dir: string, what = "--out", ours: readonly string[] = OUR_FILES): string {
  if (typeof dir !== "string" || dir.length === 0) throw new InvalidArgumentError(what, dir, "an output folder path");
  const abs = path.resolve(dir);
  const real = realExisting(abs);
  for (const root of SPECIAL_ROOTS) {
    if (real === root || real.startsWith(root + "/") || abs === root || abs.startsWith(root + "/")) {
      throw new InvalidArgumentError(
        what,
        dir,
        `a folder on a regular filesystem (not under ${root}, a kernel filesystem)`,
      );
    }
  }
  // every existing component must be a folder: a file in the way is a clear error, not ENOTDIR
  let at = abs;
  const missing: string[] = [];
  for (;;) {
    let st: fs.Stats | undefined;
    try {
      st = fs.statSync(at);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === "ENOTDIR") {
        at = path.dirname(at);
        continue;
      }
      if (code !== "ENOENT")
        throw new InvalidArgumentError(what, dir, `a folder that can be read (${code} on ${at})`, { cause: err });
      st = undefined;
    }
    if (st) {
      if (!st.isDirectory()) {
        throw new InvalidArgumentError(
          what,
          dir,
          at === abs ? `a folder, not ${kindOf(st)}` : `a folder path, but ${at} is ${kindOf(st)}, not a folder`,
        );
      }
      break;
    }
    missing.push(at);
    const up = path.dirname(at);
    if (up === at) break;
    at = up;
  }
  if (missing.length === 0) {
    const entries = fs.readdirSync(abs);
    if (entries.length > 0 && ![RUN_MARKER_FILE, ...ours].some((f) => entries.includes(f)))
      throw new ForeignFolderError(abs, entries.sort());
  } else {
    try {
      fs.accessSync(at, fs.constants.W_OK);
    } catch (err) {
      throw new InvalidArgumentError(what, dir, `a folder that can be created (${at} is not writable)`, { cause: err });
    }
  }
  return abs;
}

/**
 * Make the output folder (after {@link checkOutputDir}) and write its marker file if absent.
 *
 * @example
 * markOutputDir("runs/quick", "run");
 */
export function markOutputDir(dir: string, kind: string, what = "--out", ours: readonly string[] = OUR_FILES): string {
  const abs = checkOutputDir(dir, what, ours);
  try {
    fs.mkdirSync(abs, { recursive: true });
    const marker = path.join(abs, RUN_MARKER_FILE);
    if (!fs.existsSync(marker))
      fs.writeFileSync(marker, JSON.stringify({ producer: "merge-to-mix", kind, version: RUN_MARKER_VERSION }) + "\n");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    throw new InvalidArgumentError(what, dir, `a folder that can be written (${code})`, { cause: err });
  }
  return abs;
}

/** The deepest existing ancestor of `abs`, with symbolic links resolved, plus the rest of the path. */
function realExisting(abs: string): string {
  let at = abs;
  const rest: string[] = [];
  for (;;) {
    try {
      return path.join(fs.realpathSync(at), ...rest.reverse());
    } catch {
      /* not there yet */
    }
    const up = path.dirname(at);
    if (up === at) return abs;
    rest.push(path.basename(at));
    at = up;
  }
}

function kindOf(st: fs.Stats): string {
  return st.isFile()
    ? "a file"
    : st.isFIFO()
      ? "a FIFO"
      : st.isSocket()
        ? "a socket"
        : st.isSymbolicLink()
          ? "a link"
          : st.isCharacterDevice() || st.isBlockDevice()
            ? "a device"
            : "not a folder";
}
