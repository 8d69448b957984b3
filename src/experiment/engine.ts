import * as path from "path";
import { taskSha } from "../data/manifest";
import { loadSuite, type LoadSuiteOptions } from "../data/suites";
import type { Suite } from "../data/types";
import { Evaluator } from "../evaluate/evaluator";
import { initBackend, type BackendChoice, type BackendInfo } from "../model/backend";
import { buildBase } from "../model/pretrain";
import { netSpecFor, type NetSpec } from "../model/spec";
import type { Anchor } from "../model/anchor";
import type { FineTuneRecipe } from "../model/recipe";
import type { ParamVector } from "../params/param-vector";
import { chooseSearch, type SearchChoice } from "../select/search/choose";
import { InvalidArgumentError, TooLargeError } from "../util/errors";
import { silentProgress, type Progress } from "../util/progress";
import { pretrainedEncoder } from "./base-model";
import { checkAnchorSuite, pretrainedAnchor } from "./anchor-data";
import { ensureFineTunes } from "./finetune-pool";
import type { FineTuneContext, FineTuneJob } from "./finetune-job";
import { suiteRef, type FineTuneRunner } from "./runners/runner";
import { planTargets, type TargetPlan } from "./plan";
import { protocolOf, resolveSpec, type ExperimentSpec, type SpecInput } from "./spec";
import { surrogateLimit } from "./measure/surrogate-limits";
import { checkOutputDir, markOutputDir } from "./run-dir";
import { RunStore } from "./store";

/**
 * Bumped when stored units change meaning; a run directory written by another version is refused.
 * 2: the training engine (explicit backward pass, flat SIMD Adam) and the projected merge-evaluations
 * changed every trained and merged number in the last float digits.
 */
export const RUN_FORMAT_VERSION = 2;

/** Options of {@link runExperiment} and {@link selectMixture}: the spec plus where and how. */
export type RunOptions = SpecInput & {
  /** Run directory: store, weights, results. Re-running the same spec resumes. */
  out: string;
  /** Replace a run directory that holds another spec instead of refusing. */
  overwrite?: boolean;
  /** Fine-tune worker threads (default 2, whatever the core count; 1 runs the fine-tunes in this thread). */
  workers?: number;
  /** Where fine-tunes run instead (e.g. `await QueueRunner.open({ url })`); the caller closes it. */
  runner?: FineTuneRunner;
  backend?: BackendChoice;
  progress?: Progress;
  /** Restrict the candidate pool (default: every task but the target). A target may not be listed. */
  candidates?: readonly string[];
  /** Passed to loadSuite (e.g. explicit split sizes). */
  suiteOptions?: Omit<LoadSuiteOptions, "preset" | "seed" | "progress">;
  /** Where pretrained encoders are cached (default data/models). */
  modelDir?: string;
  /** How mixtures are searched: "exhaustive" (default up to 16 candidates), "greedy", "beam", "evolutionary", "surrogate". */
  search?: string;
  /** At most this many merge-evaluations per target and seed (default: the strategy's own stopping rule). */
  budget?: number;
  /** Also optimise mixture proportions on the simplex (and, with a ground truth, fine-tune them). */
  weighted?: boolean;
  /** Merge-evaluations of the weighted search per (seed, target) (default 200). */
  weightedBudget?: number;
};

/** The options every fine-tune of a run is started with (one object, so a runner option added here reaches them all). */
export type FineTuneOptions = Omit<Parameters<typeof ensureFineTunes>[3], "label">;

/**
 * sha256 of the prepared arrays of every task of a suite (all splits, features then labels), by task name:
 * the provenance of a run and of an exported model.
 *
 * @example
 * suiteDataHashes(suite).mnist;   // "3f0c…"
 */
export function suiteDataHashes(suite: Suite): Record<string, string> {
  return Object.fromEntries(suite.tasks.map((t) => [t.name, taskSha(t)] as const));
}

/**
 * What a run directory's store is pinned to: the protocol, the candidate pool and — for user data, which
 * can change on disk under the same name — the data hashes of the user's tasks (seeds and targets may grow).
 */
export function runStoreSpec(
  spec: ExperimentSpec,
  opts: Pick<RunOptions, "candidates" | "suiteOptions">,
  userData?: Record<string, string>,
): unknown {
  const pinned: Record<string, unknown> = {
    version: RUN_FORMAT_VERSION,
    protocol: protocolOf(spec),
    candidates: opts.candidates ?? null,
    suiteOptions: opts.suiteOptions ?? null,
  };
  if (userData && Object.keys(userData).length) pinned.userData = userData;
  return pinned;
}

/**
 * Open the store of a run directory made by {@link runExperiment} with the same options (to read its
 * θ0, fine-tunes and results); close it when done. For suites of packaged data (user data pins its hashes).
 *
 * @example
 * const store = openRunStore({ suite: "vision8", preset: "quick", out: "runs/quick-vision8" });
 * const theta0 = store.getWeights("theta0")!.params;
 * store.close();
 */
export function openRunStore(opts: RunOptions): RunStore {
  return RunStore.open(opts.out, { spec: runStoreSpec(resolveSpec(opts), opts) });
}

/** One open run: the spec, data, plans, store, θ0 and the resident evaluator, shared by `run` and `select`. */
export interface Engine {
  readonly spec: ExperimentSpec;
  readonly suite: Suite;
  readonly plans: readonly TargetPlan[];
  /** The search each target's mixtures get (validated before anything is written). */
  readonly searches: ReadonlyMap<string, SearchChoice>;
  readonly store: RunStore;
  readonly theta0: ParamVector;
  readonly ctx: FineTuneContext;
  /** One resident evaluation network (do not dispose: the engine does). */
  readonly ev: Evaluator;
  readonly backend: BackendInfo;
  readonly fineTuneOptions: FineTuneOptions;
  readonly progress: Progress;
  /** Absolute run directory. */
  readonly out: string;
  /** sha256 of every task's prepared data (see {@link suiteDataHashes}). */
  readonly dataHashes: Readonly<Record<string, string>>;
  /** ISO timestamp of the start. */
  readonly started: string;
}

/** Limits a driver puts on the candidate pool before anything runs. */
export interface EngineLimits {
  /** Most candidates per target, and why (e.g. a table over all 2^N mixtures). */
  maxCandidates?: { n: number; why: string };
  /** The caller's own checks against the targets' plans and searches (e.g. K ≤ the mixtures scored), before any file is made. */
  check?: (plans: readonly TargetPlan[], searches: ReadonlyMap<string, SearchChoice>) => void;
}

/**
 * Open a run: resolve and validate the spec, the targets, the candidates and the search (all before any
 * file is made), load the data, open the run store (resuming), make θ0 (the pretrained encoder + heads
 * fitted on every task) and one resident evaluator; run `body`; always close the store and free the evaluator.
 *
 * @example
 * const n = await withEngine(opts, async (e) => e.plans.length);
 */
export async function withEngine<T>(
  opts: RunOptions,
  body: (e: Engine) => Promise<T>,
  limits: EngineLimits = {},
): Promise<T> {
  const progress = opts.progress ?? silentProgress;
  const spec = resolveSpec(opts);
  const started = new Date().toISOString();
  const workers = opts.workers ?? 2;
  if (!Number.isInteger(workers) || workers < 1)
    throw new InvalidArgumentError("workers", workers, "a positive integer");
  if (typeof opts.out !== "string" || opts.out.length === 0)
    throw new InvalidArgumentError("out", opts.out, "a run directory path");
  checkOutputDir(opts.out, "out"); // someone else's folder, a file in the way, /proc …: refused before anything is written
  const backend = await initBackend(opts.backend ?? "auto");
  progress.log(`backend: ${backend.detail}`);
  const t0 = Date.now();
  const suite = await loadSuite(spec.suite, {
    ...(opts.suiteOptions ?? {}),
    preset: spec.preset,
    seed: spec.dataSeed,
    progress,
  });
  progress.log(
    `suite ${suite.name} (${spec.preset}): ${suite.tasks.map((t) => `${t.name} ${t.splits.train.n}/${t.splits.val.n}/${t.splits.test.n}`).join(", ")} [${((Date.now() - t0) / 1000).toFixed(1)} s]`,
  );
  const plans = planTargets(suite, spec.targets, opts.candidates);
  const searches = new Map<string, SearchChoice>();
  for (const p of plans) {
    const n = p.candidates.length,
      max = limits.maxCandidates;
    if (max && n > max.n)
      throw new TooLargeError(`target ${p.target.name} has ${n} candidates; ${max.why} (at most ${max.n})`);
    searches.set(p.target.name, chooseSearch(n, opts.search, opts.budget));
    const limit = surrogateLimit(spec.surrogate, n); // the selection surrogate cannot be skipped: refuse now
    if (limit)
      throw new InvalidArgumentError(
        "surrogate",
        spec.surrogate,
        `one the pool of target ${p.target.name} allows (${limit}); use --surrogate mean or more candidates`,
      );
  }
  limits.check?.(plans, searches);
  if (spec.anchorShare) checkAnchorSuite(suite, spec.anchorShare); // before any file is made
  const dataHashes = suiteDataHashes(suite);
  const userData = Object.fromEntries(
    suite.tasks.filter((t) => t.source.package === "user").map((t) => [t.name, dataHashes[t.name]] as const),
  );
  const store = RunStore.open(opts.out, { spec: runStoreSpec(spec, opts, userData), overwrite: opts.overwrite });
  try {
    markOutputDir(opts.out, "run", "out");
    // every stored value and weight file is checked before the run trusts it; what fails is recomputed
    const list = (xs: string[]) => `${xs.slice(0, 4).join(", ")}${xs.length > 4 ? ", …" : ""}`;
    const values = store.verifyValues();
    if (values.length)
      progress.log(
        `run store: ${values.length} stored value${values.length > 1 ? "s" : ""} failed ${values.length > 1 ? "their" : "its"} checksum (${list(values)}): removed, recomputed where needed`,
      );
    const dropped = store.verifyWeights();
    if (dropped.length)
      progress.log(
        `run store: ${dropped.length} weight file${dropped.length > 1 ? "s" : ""} failed ${dropped.length > 1 ? "their" : "its"} sha256 (${list(dropped)}): removed, recomputed where needed`,
      );
    const { encoder } = await pretrainedEncoder(suite, spec.hidden, spec.pretrain, {
      modelDir: opts.modelDir,
      progress,
    });
    const netSpec = netSpecFor(suite.tasks, spec.hidden, spec.headRule);
    let theta0: ParamVector;
    const hit = store.getWeights("theta0");
    if (hit) theta0 = hit.params;
    else {
      theta0 = buildBase(encoder, suite.tasks, spec.headRule, spec.pretrain.seed);
      store.putWeights("theta0", theta0);
    }
    const anchor = spec.anchorShare
      ? await pretrainedAnchor(suite, encoder, spec.pretrain, spec.anchorShare, { modelDir: opts.modelDir, progress })
      : undefined;
    const ctx = fineTuneContext(spec, suite, theta0, netSpec, anchor);
    const ev = runEvaluator(spec, netSpec, theta0);
    try {
      return await body({
        spec,
        suite,
        plans,
        searches,
        store,
        theta0,
        ctx,
        ev,
        backend,
        progress,
        started,
        dataHashes,
        out: path.resolve(opts.out),
        fineTuneOptions: {
          workers,
          runner: opts.runner,
          backend: backend.name,
          data: suiteRef(spec.suite, spec.preset, spec.dataSeed, opts.suiteOptions),
          progress,
        },
      });
    } finally {
      ev.dispose();
    }
  } finally {
    store.close();
  }
}

/**
 * The recipe every fine-tune of a run uses: the spec's, plus — under the "steps" budget — a fixed step
 * count: `recipe.epochs` passes over the suite's mean training split, for single datasets and mixtures alike.
 *
 * @example
 * runRecipe(resolveSpec({ suite: "vision8", trainBudget: "steps" }), suite).steps;   // 5 × ⌈200 / 32⌉ = 35
 */
/** What every fine-tune of a run (or a steps base) trains from: θ0, the network, the recipe and the regime. */
export function fineTuneContext(
  spec: ExperimentSpec,
  suite: Suite,
  theta0: ParamVector,
  netSpec: NetSpec,
  anchor: Anchor | undefined,
): FineTuneContext {
  return {
    tasks: suite.tasks,
    base: theta0,
    netSpec,
    recipe: runRecipe(spec, suite),
    headRule: spec.headRule,
    ...(spec.finetune === "tangent" ? { finetune: "tangent" as const } : {}),
    ...(anchor ? { anchor, pretrain: spec.pretrain } : {}),
  };
}

/**
 * The evaluator every score of a run (or a steps base) uses: tangent fine-tunes are linearized models around θ0,
 * so in the tangent regime every model and merge is evaluated as one.
 *
 * @example
 * const ev = runEvaluator(spec, netSpec, theta0);
 */
export function runEvaluator(spec: ExperimentSpec, netSpec: NetSpec, theta0: ParamVector): Evaluator {
  return new Evaluator(netSpec, spec.headRule, spec.finetune === "tangent" ? { linearizeAround: theta0 } : {});
}

export function runRecipe(spec: ExperimentSpec, suite: Suite): FineTuneRecipe {
  if (spec.trainBudget === "epochs") return spec.recipe;
  const meanTrain = suite.tasks.reduce((s, t) => s + t.splits.train.n, 0) / suite.tasks.length;
  return { ...spec.recipe, steps: Math.max(1, spec.recipe.epochs * Math.ceil(meanTrain / spec.recipe.batchSize)) };
}

/** Fine-tune jobs for every seed of the run and each of `masks` (over the suite's tasks), in mask order. */
export function fineTuneJobs(e: Pick<Engine, "spec">, masks: Iterable<number>): FineTuneJob[] {
  const sorted = [...new Set(masks)].sort((a, b) => a - b);
  return e.spec.seeds.flatMap((seed) => sorted.map((mask) => ({ mask, seed })));
}

/** Masks of every candidate alone, over all targets (each dataset is fine-tuned once, shared by targets). */
export function singleMasks(e: Pick<Engine, "plans">): number[] {
  const s = new Set<number>();
  for (const p of e.plans) for (const b of p.globalBits) s.add(1 << b);
  return [...s].sort((a, b) => a - b);
}

/**
 * Merge to Mix's step 1: θ0 fine-tuned on each candidate alone, for every seed (cached in the store).
 *
 * @example
 * await fineTuneSingles(engine);
 */
export async function fineTuneSingles(e: Engine): Promise<void> {
  await ensureFineTunes(e.store, e.ctx, fineTuneJobs(e, singleMasks(e)), {
    ...e.fineTuneOptions,
    label: "single-dataset fine-tunes",
  });
}
