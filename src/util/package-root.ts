import * as fs from "fs";
import * as path from "path";

let cached: string | undefined;

/**
 * The folder holding merge-to-mix's own package.json: the repository root when run from sources
 * (src/… under tsx), the installed package's folder when run from dist/ (node_modules/merge-to-mix).
 * Found by walking up from this file, so it works from src/util and dist/src/util alike.
 *
 * @example
 * fs.existsSync(path.join(packageRoot(), "data", "manifest.json")); // true
 */
export function packageRoot(): string {
  if (cached) return cached;
  let dir = fs.realpathSync(__dirname);
  for (;;) {
    const file = path.join(dir, "package.json");
    if (fs.existsSync(file)) {
      try {
        if ((JSON.parse(fs.readFileSync(file, "utf8")) as { name?: string }).name === "merge-to-mix")
          return (cached = dir);
      } catch {
        /* not ours; keep walking */
      }
    }
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`merge-to-mix: no package.json named merge-to-mix above ${__dirname}`);
    dir = up;
  }
}

/**
 * True in a development checkout (a git work tree with src/), false in an installed package.
 *
 * @example
 * isSourceCheckout(); // true in the repository, false under node_modules/merge-to-mix
 */
export function isSourceCheckout(root = packageRoot()): boolean {
  return fs.existsSync(path.join(root, ".git")) && fs.existsSync(path.join(root, "src", "index.ts"));
}
