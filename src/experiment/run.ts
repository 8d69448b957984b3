import * as path from "path";
import { loadSuite, type LoadSuiteOptions } from "../data/suites";
import type { Suite, Task } from "../data/types";
import { Evaluator } from "../evaluate/evaluator";
import { checkModelCount, popcount } from "../merge/subsets";
import { initBackend, type BackendChoice } from "../model/backend";
import { buildBase } from "../model/pretrain";
import { featureSize, netSpecFor } from "../model/spec";
import type { ParamVector } from "../params/param-vector";
import { InvalidArgumentError, UnknownNameError } from "../util/errors";
import { silentProgress, type Progress } from "../util/progress";
import { assembleResults, toGlobalMask, type RunMeasurements } from "./assemble";
import { pretrainedEncoder } from "./base-model";
import { fineTuneKey, ensureFineTunes, type FineTuneRecord } from "./finetune-pool";
import type { FineTuneContext, FineTuneJob } from "./finetune-job";
import { scoreMergedMixtures, type MergedScores } from "./merged-scores";
import type { RunResults, SingleRow } from "./results";
import { datasetSimilarities, type DatasetSimilarity } from "./similarity-scores";
import { protocolOf, resolveSpec, type ExperimentSpec, type SpecInput } from "./spec";
import { RunStore } from "./store";
import { writeRunResults } from "./write-results";
import { weightedMergeGrid, type WeightedGrid } from "./weighted-grid";
import { writeFileAtomic } from "../util/atomic";

/** Bumped when stored units change meaning; a run directory written by another version is refused. */
export const RUN_FORMAT_VERSION = 1;

/** Options of {@link runExperiment}: the spec (suite, preset, seeds, targets, overrides) plus where and how. */
export type RunOptions = SpecInput & {
  /** Run directory: store, weights, results.json and CSVs. Re-running the same spec resumes. */
  out: string;
  /** Replace a run directory that holds another spec instead of refusing. */
  overwrite?: boolean;
  /** Fine-tune worker threads (default 2, or 1 on a single core). */
  workers?: number;
  backend?: BackendChoice;
  progress?: Progress;
  /** Restrict the candidate pool (default: every task but the target). A target may not be listed. */
  candidates?: readonly string[];
  /** Passed to loadSuite (e.g. explicit split sizes). */
  suiteOptions?: Omit<LoadSuiteOptions, "preset" | "seed" | "progress">;
  /** Where pretrained encoders are cached (default data/models). */
  modelDir?: string;
};

/** What a run directory's store is pinned to: the protocol and the candidate pool (seeds and targets may grow). */
export function runStoreSpec(spec: ExperimentSpec, opts: Pick<RunOptions, "candidates" | "suiteOptions">): unknown {
  return { version: RUN_FORMAT_VERSION, protocol: protocolOf(spec), candidates: opts.candidates ?? null, suiteOptions: opts.suiteOptions ?? null };
}

/**
 * Open the store of a run directory made by {@link runExperiment} with the same options (to read its
 * θ0, fine-tunes and results); close it when done.
 *
 * @example
 * const store = openRunStore({ suite: "vision8", preset: "quick", out: "runs/quick-vision8" });
 * const theta0 = store.getWeights("theta0")!.params;
 * store.close();
 */
export function openRunStore(opts: RunOptions): RunStore {
  return RunStore.open(opts.out, { spec: runStoreSpec(resolveSpec(opts), opts) });
}

/** One target's leave-one-out setting. */
interface TargetPlan { target: Task; candidates: Task[]; globalBits: number[] }

function plan(suite: Suite, spec: ExperimentSpec, pool?: readonly string[]): TargetPlan[] {
  const names = suite.tasks.map((t) => t.name);
  const index = new Map(names.map((n, i) => [n, i] as const));
  const targets = spec.targets ?? names;
  for (const t of targets) if (!index.has(t)) throw new UnknownNameError(`target of suite ${suite.name}`, t, names);
  if (new Set(targets).size !== targets.length) throw new InvalidArgumentError("targets", targets, "distinct task names");
  if (pool) {
    for (const c of pool) if (!index.has(c)) throw new UnknownNameError(`candidate of suite ${suite.name}`, c, names);
    const both = pool.filter((c) => targets.includes(c));
    if (both.length) throw new InvalidArgumentError("candidates", pool, `no target among them (${both.join(", ")} ${both.length > 1 ? "are targets" : "is a target"}; the target's training data is never mixed in)`);
  }
  return targets.map((name) => {
    const candidates = suite.tasks.filter((t) => t.name !== name && (!pool || pool.includes(t.name)));
    if (candidates.length < 2) throw new InvalidArgumentError(`candidates of target ${name}`, candidates.map((c) => c.name), "at least 2 candidate datasets");
    checkModelCount(candidates.length);
    return { target: suite.tasks[index.get(name)!], candidates, globalBits: candidates.map((c) => index.get(c.name)!) };
  });
}


/**
 * Run the Merge to Mix leave-one-out protocol on a suite and return (and write to `out`) its results:
 * θ0 (pretrained, cached), one fine-tune per dataset per seed, the merged-model score of every candidate
 * mixture via the Gray-code sweep, the similarity baselines, and — for the ground truth — one fine-tune
 * per distinct mixture, evaluated on every target it does not contain. Every unit of work is stored as
 * it finishes, so killing the process and running the same call again resumes with identical numbers.
 *
 * @example
 * const results = await runExperiment({ suite: "vision8", preset: "quick", seeds: 1, out: "runs/quick" });
 * results.selections.filter((r) => r.method === "merge-to-mix");
 */
export async function runExperiment(opts: RunOptions): Promise<RunResults> {
  const progress = opts.progress ?? silentProgress;
  const spec = resolveSpec(opts);
  const started = new Date().toISOString();
  const backend = await initBackend(opts.backend ?? "auto");
  progress.log(`backend: ${backend.detail}`);
  const t0 = Date.now();
  const suite = await loadSuite(spec.suite, { ...(opts.suiteOptions ?? {}), preset: spec.preset, seed: spec.dataSeed, progress });
  progress.log(`suite ${suite.name} (${spec.preset}): ${suite.tasks.map((t) => `${t.name} ${t.splits.train.n}/${t.splits.val.n}/${t.splits.test.n}`).join(", ")} [${((Date.now() - t0) / 1000).toFixed(1)} s]`);
  const plans = plan(suite, spec, opts.candidates);
  const store = RunStore.open(opts.out, { spec: runStoreSpec(spec, opts), overwrite: opts.overwrite });
  try {
    // θ0: the pretrained encoder (shared across runs) + heads fitted on every task's headfit split.
    const { encoder } = await pretrainedEncoder(suite, spec.hidden, spec.pretrain, { modelDir: opts.modelDir, progress });
    const netSpec = netSpecFor(suite.tasks, spec.hidden, spec.headRule);
    let theta0: ParamVector;
    const hit = store.getWeights("theta0");
    if (hit) theta0 = hit.params;
    else { theta0 = buildBase(encoder, suite.tasks, spec.headRule, spec.pretrain.seed); store.putWeights("theta0", theta0); }
    const ctx: FineTuneContext = { tasks: suite.tasks, base: theta0, netSpec, recipe: spec.recipe, headRule: spec.headRule };

    // Which fine-tunes: every candidate alone, and (ground truth) every distinct mixture of ≥ 2 candidates.
    const singleMasks = new Set<number>(), mixtureMasks = new Set<number>();
    for (const p of plans) {
      for (const b of p.globalBits) singleMasks.add(1 << b);
      if (spec.groundTruth) for (let m = 1; m < 2 ** p.candidates.length; m++) if (popcount(m) >= 2) mixtureMasks.add(toGlobalMask(m, p.globalBits));
    }
    const jobs = (masks: Set<number>): FineTuneJob[] => spec.seeds.flatMap((seed) => [...masks].sort((a, b) => a - b).map((mask) => ({ mask, seed })));
    const workers = opts.workers ?? 2;
    if (!Number.isInteger(workers) || workers < 1) throw new InvalidArgumentError("workers", workers, "a positive integer");
    await ensureFineTunes(store, ctx, jobs(singleMasks), { workers, backend: backend.name, progress, label: "single-dataset fine-tunes" });

    const ev = new Evaluator(netSpec, spec.headRule);
    try {
      // θ0 itself on every target, and the similarity baselines (θ0 embeddings; seed-independent).
      ev.load(theta0);
      const base = new Map(plans.map((p) => [p.target.name, { val: ev.evaluate(p.target, "val").accuracy, test: ev.evaluate(p.target, "test").accuracy }] as const));
      let sims = store.get<Record<string, DatasetSimilarity>>("similarity", "theta0");
      const missingSims = plans.filter((p) => !sims || !sims[p.target.name]).map((p) => p.target);
      if (missingSims.length) {
        sims = { ...(sims ?? {}), ...datasetSimilarities(ev, theta0, suite.tasks, missingSims, featureSize(netSpec)) };
        store.put("similarity", "theta0", sims);
      }

      // Each single fine-tune on its own task (validation): the calibration's "does fine-tuning help" check.
      const singleRows: SingleRow[] = [];
      for (const seed of spec.seeds) {
        for (const mask of [...singleMasks].sort((a, b) => a - b)) {
          const task = suite.tasks[Math.log2(mask)];
          const key = `${seed}/${task.name}`;
          let row = store.get<SingleRow>("own", key);
          if (!row) {
            ev.load(theta0);
            const b = ev.evaluate(task, "val");
            ev.load(store.getWeights(fineTuneKey(seed, mask), theta0.layout)!.params);
            const o = ev.evaluate(task, "val");
            row = { seed, task: task.name, base_val_acc: b.accuracy, base_val_loss: b.loss, own_val_acc: o.accuracy, own_val_loss: o.loss };
            store.put("own", key, row);
          }
          singleRows.push(row);
        }
      }

      // Merge to Mix: merged-model scores of every mixture, per seed and target.
      const merged = new Map<string, MergedScores>();
      for (const seed of spec.seeds) {
        const singles = new Map<number, ParamVector>();
        const single = (bit: number) => {
          let pv = singles.get(bit);
          if (!pv) {
            const w = store.getWeights(fineTuneKey(seed, 1 << bit), theta0.layout);
            if (!w) throw new InvalidArgumentError(`fine-tune of ${suite.tasks[bit].name} (seed ${seed})`, "missing", "a stored fine-tune (re-run to resume)");
            singles.set(bit, (pv = w.params));
          }
          return pv;
        };
        for (const p of plans) {
          const key = `${seed}/${p.target.name}`;
          let s = store.get<MergedScores>("merged", key);
          if (!s) {
            s = scoreMergedMixtures(ev, p.globalBits.map(single), p.target, progress);
            store.put("merged", key, s);
          }
          merged.set(key, s);
        }
      }

      // Ground truth: fine-tune every mixture once, evaluate it on every target it does not contain.
      if (spec.groundTruth) {
        await ensureFineTunes(store, ctx, jobs(mixtureMasks), { workers, backend: backend.name, progress, label: "mixture fine-tunes (ground truth)" });
      }
      const allMasks = spec.groundTruth ? new Set([...singleMasks, ...mixtureMasks]) : singleMasks;
      const evalUnits = spec.seeds.length * allMasks.size;
      progress.start("ground-truth evaluations", evalUnits);
      for (const seed of spec.seeds) {
        for (const mask of [...allMasks].sort((a, b) => a - b)) {
          const targets = plans.filter((p) => {
            const pool = p.globalBits.reduce((g, b) => g | (1 << b), 0);
            return (mask & pool) === mask;
          }).map((p) => p.target);
          const todo = targets.filter((t) => !store.has("truth", `${seed}/${mask}/${t.name}`));
          if (todo.length) {
            const w = store.getWeights(fineTuneKey(seed, mask), theta0.layout);
            if (!w) throw new InvalidArgumentError(`fine-tune of mixture ${mask} (seed ${seed})`, "missing", "a stored fine-tune (re-run to resume)");
            ev.load(w.params);
            store.putMany("truth", todo.map((t) => {
              const e0 = Date.now();
              const val = ev.evaluate(t, "val");
              const valSeconds = (Date.now() - e0) / 1000;
              const test = ev.evaluate(t, "test");
              return [`${seed}/${mask}/${t.name}`, { val_acc: val.accuracy, val_loss: val.loss, test_acc: test.accuracy, test_loss: test.loss, val_seconds: valSeconds }] as const;
            }));
          }
          progress.tick(1);
        }
      }
      progress.done();

      // Weighted mixing for the first target: the simplex over its three best single datasets.
      let grid = store.get<WeightedGrid>("weighted-grid", `${spec.seeds[0]}/${plans[0].target.name}`);
      if (!grid) {
        const p = plans[0], seed = spec.seeds[0];
        const ms = merged.get(`${seed}/${p.target.name}`)!;
        const top = p.globalBits.map((b, i) => ({ b, s: -ms.loss[1 << i] })).sort((x, y) => y.s - x.s).slice(0, Math.min(3, p.globalBits.length));
        const models = top.map((t) => store.getWeights(fineTuneKey(seed, 1 << t.b), theta0.layout)!.params);
        grid = weightedMergeGrid(ev, models, top.map((t) => suite.tasks[t.b].name), p.target, { score: "accuracy" });
        store.put("weighted-grid", `${seed}/${p.target.name}`, grid);
      }
      writeFileAtomic(path.join(path.resolve(opts.out), "weighted-grid.json"), JSON.stringify(grid) + "\n");

      const m: RunMeasurements = {
        spec, suite, plans: plans.map((p) => ({ target: p.target.name, candidates: p.candidates.map((c) => c.name), globalBits: p.globalBits })),
        base, sims: sims!, merged,
        finetune: (seed, mask) => store.get<FineTuneRecord>("finetune", fineTuneKey(seed, mask)),
        truth: (seed, mask, target) => store.get("truth", `${seed}/${mask}/${target}`),
        started,
      };
      const results = { ...assembleResults(m), singles: singleRows };
      writeRunResults(path.resolve(opts.out), results);
      return results;
    } finally {
      ev.dispose();
    }
  } finally {
    store.close();
  }
}
