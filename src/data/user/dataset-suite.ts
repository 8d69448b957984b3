import * as fs from "fs";
import * as path from "path";
import { CorruptFileError, InvalidArgumentError } from "../../util/errors";
import { loadSuite, registerSuite } from "../suites";
import { Suite, Task } from "../types";
import { taskFromCSV } from "../custom/csv";
import type { DatasetConfig, DatasetTaskConfig } from "./dataset-config";
import { taskSource } from "./dataset-config";
import { taskFromImageFolder } from "../custom/image-folder";
import { makeSuite } from "../custom/make-suite";
import { decodePgm } from "../custom/pgm";
import { checkImageSize } from "../custom/png";
import { readRegularFile } from "../custom/read-file";
import { taskFromTextFolder } from "../custom/text-folder";

/** Width × height of a PNG (from its IHDR chunk) or PGM file. */
function imageSize(file: string): [number, number] {
  const b = readRegularFile(file, "image file");
  if (/\.png$/i.test(file)) {
    if (b.length < 24 || b.toString("latin1", 12, 16) !== "IHDR") throw new CorruptFileError(file, "not a PNG (no IHDR chunk)");
    checkImageSize(file, b.readUInt32BE(16), b.readUInt32BE(20));
    return [b.readUInt32BE(16), b.readUInt32BE(20)];
  }
  const img = decodePgm(b, file);
  return [img.width, img.height];
}

/**
 * Check that every image of a class-folder tree has one size (they are resized to 28×28 together; a folder
 * of mixed sizes would squash some and not others).
 *
 * @example
 * checkImageFolderSizes("scans/");   // [32, 32]
 * @throws InvalidArgumentError naming the first image whose size differs.
 */
export function checkImageFolderSizes(dir: string): [number, number] {
  let first: { file: string; size: [number, number] } | undefined;
  for (const c of fs.readdirSync(dir).sort()) {
    const sub = path.join(dir, c);
    if (!fs.statSync(sub).isDirectory()) continue;
    for (const f of fs.readdirSync(sub).filter((x) => /\.(png|pgm)$/i.test(x)).sort()) {
      const file = path.join(sub, f), size = imageSize(file);
      if (!first) first = { file, size };
      else if (size[0] !== first.size[0] || size[1] !== first.size[1]) {
        throw new InvalidArgumentError(`size of image ${file}`, `${size[0]}×${size[1]}`, `${first.size[0]}×${first.size[1]} like ${first.file} (every image of a folder has one size)`);
      }
    }
  }
  if (!first) throw new InvalidArgumentError("image folder", dir, "one sub-folder per class holding .png or .pgm images");
  return first.size;
}

/**
 * One user dataset as a Task, split with the data seed (CSV: numeric features; images: grayscale 28×28;
 * text: the text suites' hashed features).
 *
 * @example
 * const task = loadDatasetTask({ name: "sensors", csv: "/data/s.csv", label: "class" }, 0);
 * @throws InvalidArgumentError for a bad file (a non-numeric CSV feature, mixed image sizes, an empty class…).
 */
export function loadDatasetTask(t: DatasetTaskConfig, seed: number, defaultSizes?: DatasetConfig["sizes"]): Task {
  const src = taskSource(t);
  const sizes = { ...(defaultSizes ?? {}), ...(t.sizes ?? {}) };
  const common = { name: t.name, sizes, seed, concepts: t.concepts };
  let task: Task;
  if (src.kind === "csv") {
    task = taskFromCSV(src.path, { ...common, labelColumn: t.label ?? "label", featureColumns: t.features, header: t.header, delimiter: t.delimiter });
  } else if (src.kind === "images") {
    checkImageFolderSizes(src.path);
    task = taskFromImageFolder(src.path, { ...common, invert: t.invert });
  } else {
    task = taskFromTextFolder(src.path, { ...common, dim: t.dim });
  }
  return t.title ? { ...task, title: t.title } : task;
}

/**
 * Register a config's suite (replacing an earlier registration of the same name) so `loadSuite`, `run`
 * and `select` can use it: the tasks of its `base` suites (loaded with the caller's preset and data seed)
 * followed by the user's datasets. All must share one input space.
 *
 * @example
 * const name = registerDatasetSuite(readDatasetConfig("my-data.yaml"));
 * await selectMixture({ suite: name, target: "target", out: "runs/mine" });
 * @returns the registered suite name.
 */
export function registerDatasetSuite(cfg: DatasetConfig): string {
  const name = cfg.name ?? "user";
  registerSuite(name, async (o): Promise<Suite> => {
    const tasks: Task[] = [];
    for (const b of cfg.base ?? []) tasks.push(...(await loadSuite(b, { preset: o.preset, seed: o.seed, sizes: o.sizes, progress: o.progress })).tasks);
    for (const t of cfg.tasks) tasks.push({ ...loadDatasetTask(t, o.seed, { ...(cfg.sizes ?? {}), ...(o.sizes ?? {}) }), suite: name });
    const picked = o.tasks ? o.tasks.map((n) => tasks.find((t) => t.name === n) ?? (() => { throw new InvalidArgumentError(`task of suite ${name}`, n, tasks.map((t) => t.name).join(", ")); })()) : tasks;
    return makeSuite(name, picked);
  }, { description: `user datasets: ${[...(cfg.base ?? []).map((b) => `${b} (all tasks)`), ...cfg.tasks.map((t) => t.name)].join(", ")}`, replace: true });
  return name;
}
