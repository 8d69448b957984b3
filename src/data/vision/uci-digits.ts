import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { CorruptFileError, MissingDependencyError } from "../../util/errors";
import { RawPool } from "../prepare";
import { quantize } from "../prepared";
import { resizeBilinear } from "../resize";
import { cacheSubdir } from "../../util/cache-dir";
import { fetchSklearnDigits } from "./fetch-sklearn-digits";
import { DIGIT_CLASSES, DIGIT_CONCEPTS, poolTaskSpec, VisionTaskSpec } from "./spec";

/** Where scikit-learn's copy of UCI optdigits lives: `raw/sklearn/` under the cache folder (data/raw in a
 *  checkout, filled by scripts/debian-data.sh; an installed package fetches it on first use). */
export function uciDigitsFile(): string {
  return path.join(cacheSubdir("raw"), "sklearn", "digits.csv.gz");
}

/**
 * One 8×8 optdigits image (levels 0–16) as a 28×28 image in [0, 1]: bilinear 8→24, then 2 px of padding,
 * so it looks like a blurry, thick MNIST digit.
 *
 * @example
 * upsampleOptdigit(levels64); // Float32Array(784)
 */
export function upsampleOptdigit(levels: ArrayLike<number>): Float32Array {
  const src = Float32Array.from({ length: 64 }, (_, i) => levels[i] / 16);
  const big = resizeBilinear(src, 8, 8, 24, 24);
  const out = new Float32Array(784);
  for (let y = 0; y < 24; y++) out.set(big.subarray(y * 24, (y + 1) * 24), (y + 2) * 28 + 2);
  return out;
}

let cached: RawPool | undefined;

/**
 * The 1,797 UCI optdigits of scikit-learn's digits.csv.gz, upsampled to 28×28.
 *
 * @example
 * loadUciDigitsPool().n; // 1797
 * @throws MissingDependencyError naming `bash scripts/debian-data.sh` when the file is absent.
 */
export function loadUciDigitsPool(file = uciDigitsFile()): RawPool {
  if (cached && file === uciDigitsFile()) return cached;
  if (!fs.existsSync(file) && file === uciDigitsFile()) fetchSklearnDigits(file);
  if (!fs.existsSync(file)) throw new MissingDependencyError(`UCI optdigits (${file}, from Debian python3-sklearn)`, "bash scripts/debian-data.sh");
  const rows = zlib.gunzipSync(fs.readFileSync(file)).toString("utf8").split(/\r?\n/).filter((l) => l.trim() !== "");
  const n = rows.length;
  const x = new Uint8Array(n * 784), y = new Int32Array(n);
  rows.forEach((row, i) => {
    const v = row.split(",").map(Number);
    if (v.length !== 65 || v.some((a) => !Number.isInteger(a) || a < 0 || a > 16)) throw new CorruptFileError(file, `row ${i + 1} is not 64 levels in 0–16 plus a label`);
    x.set(quantize(upsampleOptdigit(v)), i * 784);
    y[i] = v[64];
  });
  const pool = { x, y, n };
  if (file === uciDigitsFile()) cached = pool;
  return pool;
}

/** Version recorded by scripts/debian-data.sh next to the file. */
function sklearnVersion(): string {
  try { return fs.readFileSync(path.join(path.dirname(uciDigitsFile()), "VERSION"), "utf8").trim(); } catch { return "unknown"; }
}

/** UCI optdigits (via scikit-learn, BSD-3): 8×8 digits upsampled to 28×28. */
export const uciDigitsSpec: VisionTaskSpec = poolTaskSpec({
  name: "uci-digits", title: "UCI-Digits", classes: DIGIT_CLASSES, concepts: DIGIT_CONCEPTS,
  source: () => ({ package: "debian:python3-sklearn", version: sklearnVersion(), licence: "BSD-3-Clause (scikit-learn); UCI optdigits" }),
  pool: () => loadUciDigitsPool(),
});
