import * as path from "path";
import { writeFileAtomic } from "../util/atomic";
import { assembleResults, type RunMeasurements } from "./measure/assemble";
import { baseScores } from "./measure/base-scores";
import { fineTuneSingles, withEngine, type Engine, type RunOptions } from "./engine";
import { fineTuneKey, type FineTuneRecord } from "./finetune-pool";
import { groundTruth } from "./measure/ground-truth";
import { scoredMixture, type MixtureScores } from "./measure/mixture-scores";
import { allSurrogates, selectionScores } from "./measure/surrogates";
import { taskVectorRows } from "./measure/task-vectors";
import { checkWeightedBudget, weightedMixture } from "./measure/weighted";
import { ownTaskRows } from "./measure/own-task";
import type { RunResults } from "../results/results";
import { verifyFrontier } from "../results/verify-frontier";
import { checkVerifyCount } from "../select/verify/strategy";
import { targetSimilarities } from "./measure/similarity-scores";
import { weightedMergeGrid } from "./measure/weighted-grid";
import { writeRunResults } from "../results/write-results";
import type { WeightedRow } from "../results/weighted-row";
import type { WeightedGrid } from "../results/weighted-grid";

// The run options and the store pinning live with the engine; re-exported here where callers import them.
export { RUN_FORMAT_VERSION, openRunStore, runStoreSpec, type RunOptions } from "./engine";

/** The run's tables enumerate all 2^N mixtures of a target (similarity baselines, ground truth). */
const RUN_MAX_CANDIDATES = {
  n: 24,
  why: "a run tabulates all 2^N mixtures per target; for larger pools use selectMixture (merge-to-mix select) with a search",
};

/** Merged scores of every (seed, target) of the run, keyed `${seed}/${target}`. */
async function mergedScores(e: Engine): Promise<Map<string, MixtureScores>> {
  const merged = new Map<string, MixtureScores>();
  for (const seed of e.spec.seeds)
    for (const p of e.plans) merged.set(`${seed}/${p.target.name}`, await selectionScores(e, seed, p));
  return merged;
}

/** Weighted mixing for the first target: the simplex over its three best single datasets (stored). */
function weightedGrid(e: Engine, merged: Map<string, MixtureScores>): WeightedGrid {
  const p = e.plans[0],
    seed = e.spec.seeds[0];
  let grid = e.store.get<WeightedGrid>("weighted-grid", `${seed}/${p.target.name}`);
  if (!grid) {
    const ms = merged.get(`${seed}/${p.target.name}`)!;
    const top = p.globalBits
      .map((b, i) => ({ b, s: -scoredMixture(ms, 1 << i)!.loss }))
      .sort((x, y) => y.s - x.s)
      .slice(0, Math.min(3, p.globalBits.length));
    const models = top.map((t) => e.store.getWeights(fineTuneKey(seed, 1 << t.b), e.theta0.layout)!.params);
    grid = weightedMergeGrid(
      e.ev,
      models,
      top.map((t) => e.suite.tasks[t.b].name),
      p.target,
      { score: "accuracy" },
    );
    e.store.put("weighted-grid", `${seed}/${p.target.name}`, grid);
  }
  return grid;
}

/**
 * Run the Merge to Mix leave-one-out protocol on a suite and return (and write to `out`) its results:
 * θ0 (pretrained, cached), one fine-tune per dataset per seed, the merged-model score of every candidate
 * mixture (the Gray-code sweep, or the mixtures a `search` strategy asks for within its `budget`), the
 * similarity baselines, and — for the ground truth — one fine-tune per distinct mixture, evaluated on
 * every target it does not contain, and every compared surrogate (spec.surrogates) scored over the same
 * single fine-tunes. Merge to Mix selects with spec.surrogate (default the uniform mean). Every unit of work is stored as it finishes, so killing the process
 * and running the same call again resumes with identical numbers. With `groundTruth: false` nothing is
 * computed from a truth (no oracle, regret, rank or correlation): the results are the merged-model picks.
 *
 * @example
 * const results = await runExperiment({ suite: "vision8", preset: "quick", seeds: 1, out: "runs/quick" });
 * results.selections.filter((r) => r.method === "merge-to-mix");
 */
export async function runExperiment(opts: RunOptions & { verify?: number }): Promise<RunResults> {
  checkWeightedBudget(opts.weightedBudget); // before any file is made
  if (opts.verify !== undefined) checkVerifyCount(opts.verify, Infinity);
  return withEngine(
    opts,
    async (e) => {
      await fineTuneSingles(e);
      const base = baseScores(e);
      const sims = targetSimilarities(e);
      const singles = ownTaskRows(e);
      const merged = await mergedScores(e);
      if (e.spec.groundTruth) await groundTruth(e);
      // every compared surrogate over the same single fine-tunes, where there is a truth to judge them by
      const notes: string[] = [];
      const surrogates = e.spec.groundTruth ? await allSurrogates(e, notes) : [];
      writeFileAtomic(path.join(e.out, "weighted-grid.json"), JSON.stringify(weightedGrid(e, merged)) + "\n");

      const m: RunMeasurements = {
        spec: e.spec,
        suite: e.suite,
        plans: e.plans.map((p) => ({
          target: p.target.name,
          candidates: p.candidates.map((c) => c.name),
          globalBits: [...p.globalBits],
        })),
        base,
        sims,
        merged,
        finetune: (seed, mask) => e.store.get<FineTuneRecord>("finetune", fineTuneKey(seed, mask)),
        truth: (seed, mask, target) => e.store.get("truth", `${seed}/${mask}/${target}`),
        started: e.started,
      };
      let weighted: WeightedRow[] | undefined;
      if (opts.weighted) {
        weighted = [];
        for (const seed of e.spec.seeds)
          for (const p of e.plans)
            weighted.push(
              await weightedMixture(e, seed, p, merged.get(`${seed}/${p.target.name}`)!, {
                budget: opts.weightedBudget,
                truth: e.spec.groundTruth,
              }),
            );
      }
      // task-vector geometry of the stored singles (and mixture fine-tunes, with a truth): cheap, in every run
      const taskVectors = taskVectorRows(e);
      const results = {
        ...assembleResults(m),
        singles,
        surrogates,
        taskVectors,
        ...(weighted ? { weighted } : {}),
        ...(notes.length ? { notes } : {}),
      };
      // the cost–regret frontier of verifying a shortlist comes for free from the ground truth
      const frontier = e.spec.groundTruth ? verifyFrontier(results, { pairedK: opts.verify }) : null;
      const withFrontier: RunResults = frontier ? { ...results, verify: frontier } : results;
      writeRunResults(e.out, withFrontier);
      return withFrontier;
    },
    {
      maxCandidates: RUN_MAX_CANDIDATES,
      check: (plans) => {
        if (opts.verify !== undefined)
          for (const p of plans) checkVerifyCount(opts.verify, 2 ** p.candidates.length - 1);
      },
    },
  );
}
