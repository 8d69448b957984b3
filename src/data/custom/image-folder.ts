import * as fs from "fs";
import * as path from "path";
import { CorruptFileError, InvalidArgumentError } from "../../util/errors";
import { resizeImage } from "../resize";
import { SplitSizes, Task } from "../types";
import { taskFromArrays } from "./arrays";
import { readRegularFile } from "./read-file";
import { decodePgm } from "./pgm";
import { DecodedImage, decodePng } from "./png";

/**
 * An image as grayscale floats in [0, 1] (RGB → luma 0.299/0.587/0.114; alpha composited on black).
 *
 * @example
 * toGray(decodePng(bytes)); // Float32Array(width*height)
 */
export function toGray(img: DecodedImage): Float32Array {
  const n = img.width * img.height, c = img.channels, out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const p = img.data.subarray(i * c, i * c + c);
    const lum = c >= 3 ? 0.299 * p[0] + 0.587 * p[1] + 0.114 * p[2] : p[0];
    const alpha = c === 2 ? p[1] / 255 : c === 4 ? p[3] / 255 : 1;
    out[i] = (lum / 255) * alpha;
  }
  return out;
}

/**
 * Read a PNG or PGM file as a side×side grayscale image in [0, 1].
 *
 * @example
 * readImageFile("cats/1.png"); // Float32Array(784)
 */
export function readImageFile(file: string, side = 28): Float32Array {
  const bytes = readRegularFile(file, "image file");
  const ext = path.extname(file).toLowerCase();
  const img = ext === ".png" ? decodePng(bytes, file) : ext === ".pgm" ? decodePgm(bytes, file) : undefined;
  if (!img) throw new CorruptFileError(file, `extension ${JSON.stringify(ext)} is not a supported image (.png, .pgm)`);
  return resizeImage(toGray(img), img.width, img.height, side, side);
}

/**
 * A Task from a folder with one sub-folder per class (sorted names = classes) of .png / .pgm images,
 * converted to grayscale and resized to 28×28 ([28, 28, 1], the vision suites' input space).
 * `invert: true` turns dark-on-light images into light-on-dark like MNIST.
 *
 * @example
 * const task = taskFromImageFolder("my-digits/", { seed: 0 });
 * @throws InvalidArgumentError when the folder has fewer than two classes or a class has no images.
 */
export function taskFromImageFolder(dir: string, o: { name?: string; sizes?: Partial<SplitSizes>; seed?: number; invert?: boolean; concepts?: readonly string[] } = {}): Task {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new InvalidArgumentError("image folder", dir, "an existing folder with one sub-folder per class");
  const classes = fs.readdirSync(dir).filter((d) => fs.statSync(path.join(dir, d)).isDirectory()).sort();
  const rows: Float32Array[] = [];
  const y: number[] = [];
  classes.forEach((c, k) => {
    const files = fs.readdirSync(path.join(dir, c)).filter((f) => /\.(png|pgm)$/i.test(f)).sort();
    if (files.length === 0) throw new InvalidArgumentError(`images in class folder ${path.join(dir, c)}`, 0, "at least one .png or .pgm file");
    for (const f of files) {
      const img = readImageFile(path.join(dir, c, f));
      if (o.invert) for (let i = 0; i < img.length; i++) img[i] = 1 - img[i];
      rows.push(img); y.push(k);
    }
  });
  const name = o.name ?? path.basename(path.resolve(dir)).replace(/[^a-z0-9._-]/gi, "-");
  return taskFromArrays({ name, x: rows, y, classes, inputShape: [28, 28, 1], concepts: o.concepts, sizes: o.sizes, seed: o.seed ?? 0 });
}
