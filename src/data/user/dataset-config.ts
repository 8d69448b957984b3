import * as fs from "fs";
import * as path from "path";
import { parse as parseYaml } from "yaml";
import { CorruptFileError, InvalidArgumentError } from "../../util/errors";
import { SplitSizes } from "../types";

/** One user dataset: exactly one of `csv`, `images` or `text`, plus how to read it. */
export interface DatasetTaskConfig {
  /** Task id (letters, digits, '.', '_', '-'). */
  name: string;
  title?: string;
  /** A CSV file (optionally .gz) with numeric feature columns and one label column. */
  csv?: string;
  /** A folder with one sub-folder of .png/.pgm images per class, all of one size. */
  images?: string;
  /** A folder with one sub-folder of .txt files per class (one example per file). */
  text?: string;
  /** CSV: the label column (name, or 0-based index without a header; default "label"). */
  label?: string | number;
  /** CSV: feature columns (default every other column). */
  features?: Array<string | number>;
  /** CSV: whether the first row is a header (default: when `label` is a name). */
  header?: boolean;
  delimiter?: string;
  /** Images: dark-on-light → light-on-dark (like MNIST). */
  invert?: boolean;
  /** Text: hashed feature size (default the text suites'). */
  dim?: number;
  /** Concept id per class: equal ids across tasks mean the same label (default private to the task). */
  concepts?: string[];
  /** Split sizes (default: the config's `sizes`, else headfit ≤ 5 per class and 60/20/20). */
  sizes?: Partial<SplitSizes>;
}

/** A small config describing a suite of user datasets, optionally on top of registered suites' tasks. */
export interface DatasetConfig {
  /** The suite's name (default: the config file's name). */
  name?: string;
  /** Registered suites whose tasks join the user's (loaded with the run's preset and data seed), e.g. "vision8". */
  base?: string[];
  /** Default split sizes of the user's tasks. */
  sizes?: Partial<SplitSizes>;
  tasks: DatasetTaskConfig[];
}

const TASK_KEYS = ["name", "title", "csv", "images", "text", "label", "features", "header", "delimiter", "invert", "dim", "concepts", "sizes"];
const CONFIG_KEYS = ["name", "base", "sizes", "tasks"];
const SIZE_KEYS = ["train", "val", "test", "headfitPerClass"];

/** Which kind of source a task reads, and the path. */
export function taskSource(t: DatasetTaskConfig): { kind: "csv" | "images" | "text"; path: string } {
  const kinds = (["csv", "images", "text"] as const).filter((k) => t[k] !== undefined);
  if (kinds.length !== 1) throw new InvalidArgumentError(`source of dataset ${JSON.stringify(t.name)}`, kinds.length ? kinds : "(none)", "exactly one of csv: FILE, images: FOLDER, text: FOLDER");
  return { kind: kinds[0], path: t[kinds[0]] as string };
}

function checkSizes(where: string, s: unknown): void {
  if (s === undefined) return;
  if (!s || typeof s !== "object" || Array.isArray(s)) throw new InvalidArgumentError(where, s, `an object with some of ${SIZE_KEYS.join(", ")}`);
  for (const [k, v] of Object.entries(s)) {
    if (!SIZE_KEYS.includes(k)) throw new InvalidArgumentError(`${where}.${k}`, v, `one of the keys ${SIZE_KEYS.join(", ")}`);
    if (!Number.isInteger(v) || (v as number) < 0) throw new InvalidArgumentError(`${where}.${k}`, v, "a non-negative integer");
  }
}

/**
 * Check a parsed config's shape (unknown keys, types, one source per dataset, distinct names); `where`
 * names it in errors. Paths are not touched here (see {@link resolveDatasetConfig}).
 *
 * @example
 * checkDatasetConfig({ tasks: [{ name: "mine", csv: "mine.csv" }] }, "my.yaml");
 * @throws InvalidArgumentError naming the offending key and value.
 */
export function checkDatasetConfig(raw: unknown, where: string): DatasetConfig {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) throw new InvalidArgumentError(where, raw, "an object with a tasks list");
  const c = raw as Record<string, unknown>;
  for (const k of Object.keys(c)) if (!CONFIG_KEYS.includes(k)) throw new InvalidArgumentError(`key of ${where}`, k, `one of ${CONFIG_KEYS.join(", ")}`);
  if (c.name !== undefined && (typeof c.name !== "string" || !/^[a-z0-9][a-z0-9._-]*$/i.test(c.name))) throw new InvalidArgumentError(`${where}: name`, c.name, "a suite name of letters, digits, '.', '_' or '-'");
  if (typeof c.base === "string") c.base = [c.base];
  if (c.base !== undefined && (!Array.isArray(c.base) || c.base.some((b) => typeof b !== "string"))) throw new InvalidArgumentError(`${where}: base`, c.base, "a suite name or a list of suite names");
  checkSizes(`${where}: sizes`, c.sizes);
  if (!Array.isArray(c.tasks) || c.tasks.length === 0) throw new InvalidArgumentError(`${where}: tasks`, c.tasks, "a non-empty list of datasets (name + csv, images or text)");
  const names = new Set<string>();
  c.tasks.forEach((t, i) => {
    const at = `${where}: tasks[${i}]`;
    if (!t || typeof t !== "object" || Array.isArray(t)) throw new InvalidArgumentError(at, t, "an object with name and csv, images or text");
    const o = t as Record<string, unknown>;
    for (const k of Object.keys(o)) if (!TASK_KEYS.includes(k)) throw new InvalidArgumentError(`key of ${at}`, k, `one of ${TASK_KEYS.join(", ")}`);
    if (typeof o.name !== "string" || !/^[a-z0-9][a-z0-9._-]*$/i.test(o.name)) throw new InvalidArgumentError(`${at}.name`, o.name, "a task id of letters, digits, '.', '_' or '-'");
    if (names.has(o.name)) throw new InvalidArgumentError(`${at}.name`, o.name, "distinct dataset names");
    names.add(o.name);
    for (const k of ["csv", "images", "text", "title", "delimiter"]) if (o[k] !== undefined && typeof o[k] !== "string") throw new InvalidArgumentError(`${at}.${k}`, o[k], "a string");
    taskSource(o as unknown as DatasetTaskConfig);
    if (o.label !== undefined && typeof o.label !== "string" && !Number.isInteger(o.label)) throw new InvalidArgumentError(`${at}.label`, o.label, "a column name or 0-based index");
    if (o.dim !== undefined && (!Number.isInteger(o.dim) || (o.dim as number) < 1)) throw new InvalidArgumentError(`${at}.dim`, o.dim, "a positive integer");
    if (o.concepts !== undefined && (!Array.isArray(o.concepts) || o.concepts.some((x) => typeof x !== "string"))) throw new InvalidArgumentError(`${at}.concepts`, o.concepts, "a list of concept ids, one per class");
    if (o.features !== undefined && (!Array.isArray(o.features) || o.features.some((x) => typeof x !== "string" && !Number.isInteger(x)))) throw new InvalidArgumentError(`${at}.features`, o.features, "a list of column names or indices");
    checkSizes(`${at}.sizes`, o.sizes);
  });
  return c as unknown as DatasetConfig;
}

/**
 * Every dataset path made absolute (relative paths are against `dir`) and checked to exist with the right
 * kind. With `confine` (a config file's paths), a path must stay inside `dir` once links are resolved:
 * a config cannot make the tool read `../../../../etc/passwd`. Paths given on the command line are not confined.
 */
export function resolveDatasetConfig(cfg: DatasetConfig, dir: string, confine = false): DatasetConfig {
  const tasks = cfg.tasks.map((t) => {
    const src = taskSource(t);
    const abs = path.resolve(dir, src.path);
    if (confine) confineTo(dir, abs, `${src.kind} of dataset ${t.name}`, src.path);
    if (!fs.existsSync(abs)) throw new InvalidArgumentError(`${src.kind} of dataset ${t.name}`, src.path, `an existing ${src.kind === "csv" ? "CSV file" : "folder"} (looked for ${abs})`);
    const isDir = fs.statSync(abs).isDirectory();
    if ((src.kind === "csv") === isDir) throw new InvalidArgumentError(`${src.kind} of dataset ${t.name}`, src.path, src.kind === "csv" ? "a CSV file, not a folder" : "a folder with one sub-folder per class");
    return { ...t, [src.kind]: abs };
  });
  return { ...cfg, tasks };
}

/** Throw unless `abs` (links resolved where it exists) lies inside `dir`. */
function confineTo(dir: string, abs: string, what: string, given: string): void {
  const real = (p: string) => { try { return fs.realpathSync(p); } catch { return path.resolve(p); } };
  const root = real(dir), target = real(abs);
  const rel = path.relative(root, target);
  if (rel === "" || rel.startsWith("..") || path.isAbsolute(rel)) {
    throw new InvalidArgumentError(what, given, `a path inside the config's folder ${root} (a config may not reach outside it; give other paths on the command line: --data NAME=/absolute/path)`);
  }
}

/**
 * Read a dataset config file (JSON, or YAML for .yaml/.yml): parsed, checked, paths resolved against the
 * file's folder, confined to it, and checked to exist. The suite's name defaults to the file's name.
 *
 * @example
 * const cfg = readDatasetConfig("my-data.yaml");
 * // name: my-data
 * // base: vision8            # optional: mix your datasets with a registered suite's
 * // tasks:
 * //   - { name: target, images: scans/ }
 * //   - { name: sensors, csv: sensors.csv, label: class }
 * @throws CorruptFileError when the file does not parse; InvalidArgumentError naming a bad key or a missing path.
 */
export function readDatasetConfig(file: string): DatasetConfig {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new InvalidArgumentError("dataset config", file, "an existing .json, .yaml or .yml file");
  const text = fs.readFileSync(file, "utf8");
  let raw: unknown;
  try {
    raw = /\.ya?ml$/i.test(file) ? parseYaml(text) : JSON.parse(text);
  } catch (err) {
    throw new CorruptFileError(file, `does not parse as ${/\.ya?ml$/i.test(file) ? "YAML" : "JSON"}: ${(err as Error).message.split("\n")[0]}`, { cause: err });
  }
  const cfg = checkDatasetConfig(raw, file);
  const name = cfg.name ?? path.basename(file).replace(/\.(json|ya?ml)$/i, "").replace(/[^a-z0-9._-]/gi, "-");
  return resolveDatasetConfig({ ...cfg, name }, path.dirname(path.resolve(file)), true);
}

/** Whether a `--suite` value names a config file rather than a registered suite. */
export function isDatasetConfigPath(s: string): boolean {
  return /\.(json|ya?ml)$/i.test(s);
}

/**
 * Datasets given on a command line as `name=path,name=path`: a CSV file (.csv, .csv.gz) or a folder of
 * class sub-folders (images when they hold .png/.pgm files, text when .txt). CSVs read `labelColumn`.
 *
 * @example
 * datasetsFromList("target=scans/,sensors=s.csv", { labelColumn: "class" });
 * @throws InvalidArgumentError for an entry without "=", a repeated name, or a path that does not exist.
 */
export function datasetsFromList(list: string, opts: { labelColumn?: string; base?: string[]; name?: string } = {}): DatasetConfig {
  const tasks: DatasetTaskConfig[] = [];
  for (const entry of list.split(",").map((s) => s.trim()).filter((s) => s)) {
    const eq = entry.indexOf("=");
    if (eq <= 0) throw new InvalidArgumentError("--data entry", entry, "NAME=PATH (a CSV file or a folder of class sub-folders)");
    const name = entry.slice(0, eq), p = entry.slice(eq + 1);
    if (!fs.existsSync(p)) throw new InvalidArgumentError(`path of dataset ${name}`, p, "an existing CSV file or folder");
    if (!fs.statSync(p).isDirectory()) { tasks.push({ name, csv: p, label: opts.labelColumn ?? "label" }); continue; }
    tasks.push({ name, [folderKind(p)]: p });
  }
  return resolveDatasetConfig(checkDatasetConfig({ name: opts.name, base: opts.base, tasks }, "--data"), process.cwd());
}

/** "images" or "text": what a folder of class sub-folders holds. */
function folderKind(dir: string): "images" | "text" {
  for (const c of fs.readdirSync(dir)) {
    const sub = path.join(dir, c);
    if (!fs.statSync(sub).isDirectory()) continue;
    for (const f of fs.readdirSync(sub)) {
      if (/\.(png|pgm)$/i.test(f)) return "images";
      if (/\.txt$/i.test(f)) return "text";
    }
  }
  throw new InvalidArgumentError("dataset folder", dir, "one sub-folder per class holding .png/.pgm images or .txt files");
}
