import * as fs from "fs";
import * as path from "path";
import { InvalidArgumentError } from "../../util/errors";
import { DEFAULT_TEXT_DIM, featurizeTexts } from "../text/index";
import { SplitSizes, Task } from "../types";
import { taskFromArrays } from "./arrays";
import { readRegularFile, textOfExample } from "./read-file";

/**
 * A Task from a folder with one sub-folder per class (sorted names = classes) of .txt files, each file one
 * example, featurised into the text suites' hashed space of `dim` buckets (use text8's dim to mix with it).
 *
 * @example
 * const task = taskFromTextFolder("reviews/", { dim: 1024, seed: 0 });
 * @throws InvalidArgumentError when the folder has fewer than two classes, a class has no .txt files or a
 * .txt is not a regular file; CorruptFileError for an empty, binary or non-UTF-8 file.
 */
export function taskFromTextFolder(dir: string, o: { dim?: number; name?: string; sizes?: Partial<SplitSizes>; seed?: number; concepts?: readonly string[] } = {}): Task {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new InvalidArgumentError("text folder", dir, "an existing folder with one sub-folder per class");
  const dim = o.dim ?? DEFAULT_TEXT_DIM;
  const classes = fs.readdirSync(dir).filter((d) => fs.statSync(path.join(dir, d)).isDirectory()).sort();
  const texts: string[] = [];
  const y: number[] = [];
  classes.forEach((c, k) => {
    const files = fs.readdirSync(path.join(dir, c)).filter((f) => /\.txt$/i.test(f)).sort();
    if (files.length === 0) throw new InvalidArgumentError(`text files in class folder ${path.join(dir, c)}`, 0, "at least one .txt file");
    for (const f of files) { const file = path.join(dir, c, f); texts.push(textOfExample(readRegularFile(file, "text file"), file)); y.push(k); }
  });
  const name = o.name ?? path.basename(path.resolve(dir)).replace(/[^a-z0-9._-]/gi, "-");
  return taskFromArrays({ name, x: featurizeTexts(texts, dim), y, classes, inputShape: [dim], concepts: o.concepts, sizes: o.sizes, seed: o.seed ?? 0 });
}
