import { InvalidArgumentError, UnknownNameError } from "../util/errors";
import { Progress, silentProgress } from "../util/progress";
import { loadPreparedTask } from "./cache";
import { makeSuite } from "./custom/make-suite";
import { manifestEntry, readManifest } from "./manifest";
import { checkPreset, PresetName, PRESET_NAMES, TEXT8_PRESETS, VISION8_SIZES, withOverrides } from "./presets";
import { toTask } from "./prepared";
import { loadText8Tasks, TEXT8_TASKS } from "./text/index";
import { SplitSizes, Suite } from "./types";
import { VISION_SHAPE } from "./vision/spec";
import { VisionTaskSpec } from "./vision/spec";
import { VISION8_TASKS } from "./vision/vision8";
import { VISION14_SIZES, VISION14_TASKS } from "./vision/vision14";

/** The seed used when none is given (the one data/manifest.json records). */
export const DEFAULT_DATA_SEED = 0;

/** Options of `loadSuite`. */
export interface LoadSuiteOptions {
  preset?: PresetName;
  seed?: number;
  /** Explicit overrides of the preset's sizes (applied to every task). */
  sizes?: Partial<SplitSizes>;
  /** A subset of the suite's tasks, in the order wanted. */
  tasks?: readonly string[];
  progress?: Progress;
  /** Hashed feature size for text suites (default: the preset's). */
  dim?: number;
  /** Prepared-data cache folder (default data/cache); `useCache: false` bypasses it. */
  cacheDir?: string;
  useCache?: boolean;
  manifestPath?: string;
}

/** The options a suite loader receives (preset, seed and progress filled in). */
export type ResolvedSuiteOptions = LoadSuiteOptions & { name: string; preset: PresetName; seed: number; progress: Progress };

export type SuiteLoader = (opts: ResolvedSuiteOptions) => Promise<Suite>;

/** What `describeSuites` says about one suite. */
export interface SuiteDescription {
  name: string;
  description: string;
  inputShape: readonly number[];
  tasks: Array<{ name: string; title: string; classes: readonly string[]; concepts: readonly string[]; sizes: { [P in PresetName]?: SplitSizes } }>;
}

interface Registered { loader: SuiteLoader; description: string; builtIn: boolean; describe?: () => Promise<SuiteDescription> }

const registry = new Map<string, Registered>();

/**
 * Register a suite under a name so `loadSuite(name)` (and the CLI) can load it.
 *
 * @example
 * registerSuite("rotated-mnist", async (o) => makeSuite("rotated-mnist", await myTasks(o.seed)));
 * @throws InvalidArgumentError when the name is a built-in suite or already registered (unless `replace`).
 */
export function registerSuite(name: string, loader: SuiteLoader, opts: { description?: string; describe?: () => Promise<SuiteDescription>; replace?: boolean } = {}): void {
  if (typeof name !== "string" || !/^[a-z0-9][a-z0-9._-]*$/i.test(name)) throw new InvalidArgumentError("suite name", name, "letters, digits, '.', '_' or '-'");
  if (typeof loader !== "function") throw new InvalidArgumentError(`loader of suite ${name}`, loader, "a function (opts) => Promise<Suite>");
  const old = registry.get(name);
  if (old && (old.builtIn || !opts.replace)) throw new InvalidArgumentError("suite name", name, old.builtIn ? "a name that is not a built-in suite" : "a new name (or pass { replace: true })");
  registry.set(name, { loader, description: opts.description ?? "user-registered suite", builtIn: false, describe: opts.describe });
}

/**
 * Names of every registered suite (built-ins first).
 *
 * @example
 * suiteNames(); // ["vision8", "text8", …]
 */
export function suiteNames(): string[] {
  return [...registry.keys()];
}

/**
 * Load a suite: its tasks split, prepared (from the cache when its hash checks out) and sharing one input space.
 *
 * @example
 * const suite = await loadSuite("vision8", { preset: "quick", seed: 0 });
 * suite.tasks.map((t) => t.name); // ["mnist", "fashion-mnist", …]
 * @throws UnknownNameError for an unknown suite, preset or task; InvalidArgumentError for sizes the source cannot fill.
 */
export async function loadSuite(name: string, opts: LoadSuiteOptions = {}): Promise<Suite> {
  const entry = registry.get(name);
  if (!entry) throw new UnknownNameError("suite", name, suiteNames());
  const preset = checkPreset(opts.preset ?? "quick");
  const seed = opts.seed ?? DEFAULT_DATA_SEED;
  if (!Number.isInteger(seed)) throw new InvalidArgumentError("seed", seed, "an integer");
  if (opts.sizes) withOverrides({ train: 0, val: 0, test: 0, headfitPerClass: 0 }, opts.sizes);
  return entry.loader({ ...opts, name, preset, seed, progress: opts.progress ?? silentProgress });
}

/** Check requested task names against the valid ones (UnknownNameError) and return them in the order asked. */
export function pickTasks(kind: string, valid: readonly string[], wanted?: readonly string[]): string[] {
  if (!wanted) return [...valid];
  if (wanted.length === 0) throw new InvalidArgumentError(`tasks of ${kind}`, wanted, "at least one task name");
  for (const t of wanted) if (!valid.includes(t)) throw new UnknownNameError(`${kind} task`, t, valid);
  return [...wanted];
}

/** A loader for a suite of vision task specs with per-preset sizes (prepared-data cache; manifest hashes when recorded). */
function visionLoader(suite: string, specs: readonly VisionTaskSpec[], presetSizes: { readonly [P in PresetName]: { readonly [task: string]: SplitSizes } }): SuiteLoader {
  return async (o) => {
    const names = pickTasks(suite, specs.map((s) => s.name), o.tasks);
    const manifest = o.sizes ? undefined : readManifest(o.manifestPath);
    o.progress.start(`prepare ${suite}`, names.length);
    const tasks = [];
    const t0 = Date.now();
    try {
      for (const n of names) {
        const spec = specs.find((s) => s.name === n)!;
        const sizes = withOverrides(presetSizes[o.preset][n], o.sizes);
        const expectedSha = manifest && manifestEntry(manifest, suite, o.preset, o.seed, n)?.sha256;
        const r = loadPreparedTask(spec, sizes, o.seed, suite, { cacheDir: o.cacheDir, expectedSha, read: o.useCache !== false, write: o.useCache !== false, progress: o.progress });
        tasks.push(toTask(r.task));
        o.progress.tick(1, `${n}${r.fromCache ? " (cache)" : ""}`);
      }
    } finally {
      o.progress.done();
    }
    o.progress.log(`data: ${suite} ${o.preset} seed ${o.seed} ready in ${((Date.now() - t0) / 1000).toFixed(2)} s`);
    return makeSuite(suite, tasks);
  };
}

const loadVision8 = visionLoader("vision8", VISION8_TASKS, VISION8_SIZES);

async function loadText8(o: ResolvedSuiteOptions): Promise<Suite> {
  const names = pickTasks("text8", TEXT8_TASKS, o.tasks);
  const sizes = withOverrides(TEXT8_PRESETS[o.preset].sizes, o.sizes);
  const tasks = await loadText8Tasks({ sizes, seed: o.seed, dim: o.dim ?? TEXT8_PRESETS[o.preset].dim, tasks: names, progress: o.progress });
  return makeSuite("text8", tasks);
}

/** Describe a vision suite from its specs, without touching data. */
function describeVision(name: string, specs: readonly VisionTaskSpec[], sizes: { readonly [P in PresetName]: { readonly [task: string]: SplitSizes } }): () => Promise<SuiteDescription> {
  return async () => ({
    name, description: registry.get(name)!.description, inputShape: VISION_SHAPE,
    tasks: specs.map((s) => ({ name: s.name, title: s.title, classes: s.classes, concepts: s.concepts, sizes: { quick: sizes.quick[s.name], full: sizes.full[s.name] } })),
  });
}

/** Describe a suite by loading its quick preset (text8 and user suites). */
async function describeByLoading(name: string): Promise<SuiteDescription> {
  const suite = await loadSuite(name, { preset: "quick" });
  const sizes = name === "text8" ? { quick: TEXT8_PRESETS.quick.sizes, full: TEXT8_PRESETS.full.sizes } : {};
  return {
    name, description: registry.get(name)!.description, inputShape: suite.inputShape,
    tasks: suite.tasks.map((t) => ({ name: t.name, title: t.title, classes: t.classes, concepts: t.concepts, sizes: { ...sizes, ...(name === "text8" ? {} : { quick: { train: t.splits.train.n, val: t.splits.val.n, test: t.splits.test.n, headfitPerClass: Math.round(t.splits.headfit.n / Math.max(1, t.classes.length)) } }) } })),
  };
}

/**
 * Every registered suite with its tasks' input shape, classes, concepts and split sizes per preset
 * (for `merge-to-mix suites --json`). vision8 is described without touching data; other suites are loaded
 * at the quick preset (text8: from data/manifest.json when it has the entries).
 *
 * @example
 * const d = await describeSuites(); d.suites[0].tasks[0].classes;
 */
export async function describeSuites(): Promise<{ presets: readonly PresetName[]; suites: SuiteDescription[] }> {
  const out: SuiteDescription[] = [];
  for (const [name, r] of registry) out.push(r.describe ? await r.describe() : await describeByLoading(name));
  return { presets: PRESET_NAMES, suites: out };
}

async function describeText8(): Promise<SuiteDescription> {
  const entries = readManifest().suites.text8?.quick?.[String(DEFAULT_DATA_SEED)];
  if (!entries || TEXT8_TASKS.some((t) => !entries[t])) return describeByLoading("text8");
  return {
    name: "text8", description: registry.get("text8")!.description, inputShape: entries[TEXT8_TASKS[0]].inputShape,
    tasks: TEXT8_TASKS.map((t) => ({ name: t, title: entries[t].title, classes: entries[t].classes, concepts: entries[t].concepts, sizes: { quick: TEXT8_PRESETS.quick.sizes, full: TEXT8_PRESETS.full.sizes } })),
  };
}

registry.set("vision8", {
  loader: loadVision8, builtIn: true, describe: describeVision("vision8", VISION8_TASKS, VISION8_SIZES),
  description: "8 image tasks, 28×28 grayscale: MNIST, Fashion-MNIST, UCI-Digits, Hershey-Digits, QD-Clothing, QD-Shapes, QD-Animals, QD-Vehicles",
});
registry.set("text8", {
  loader: loadText8, builtIn: true, describe: describeText8,
  description: "8 short-text tasks in one hashed word + char-3-gram space: spam, topic, genre, noun/verb supersense, gloss sentiment, era, language id",
});
registry.set("vision14", {
  loader: visionLoader("vision14", VISION14_TASKS, VISION14_SIZES), builtIn: true, describe: describeVision("vision14", VISION14_TASKS, VISION14_SIZES),
  description: "14 image tasks, 28×28 grayscale, for large-N search: MNIST, Fashion-MNIST, UCI-Digits, Hershey-Digits and five Quick, Draw! groups split in halves (5 categories each)",
});
