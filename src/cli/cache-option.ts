import * as path from "node:path";
import { ensureWritableDir, setCacheDir } from "../util/cache-dir";
import { InvalidArgumentError } from "../util/errors";

/**
 * The global `--cache DIR` (or `--cache=DIR`) option: chosen for the whole process and checked writable,
 * then removed from argv so commands need not list it.
 *
 * @example
 * takeCacheOption(["run", "--cache", "cache", "--suite", "synthetic"]); // ["run", "--suite", "synthetic"]
 */
export function takeCacheOption(argv: readonly string[]): string[] {
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i];
    let dir: string | undefined;
    if (w === "--cache") {
      dir = argv[i + 1];
      if (dir === undefined || dir.startsWith("--"))
        throw new InvalidArgumentError("--cache", "(no value)", "a folder after --cache");
      i++;
    } else if (w.startsWith("--cache=")) dir = w.slice("--cache=".length);
    else {
      rest.push(w);
      continue;
    }
    if (dir.trim() === "") throw new InvalidArgumentError("--cache", dir, "a folder");
    setCacheDir(ensureWritableDir(path.resolve(dir)));
  }
  return rest;
}
