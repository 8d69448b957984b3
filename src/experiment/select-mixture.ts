import * as fs from "fs";
import * as path from "path";
import { mixtureName } from "../data/mixture-name";
import { similarityPick } from "../select/mixture-similarity";
import { writeFileAtomic } from "../util/atomic";
import { fineTuneSingles, withEngine, type Engine, type RunOptions } from "./engine";
import { FINAL_JSON_FILE, FINAL_MODEL_FILE, finalModelProblem, trainFinalModel } from "./measure/final-model";
import { fineTuneKey, type FineTuneRecord } from "./finetune-pool";
import type { MixtureScores } from "./measure/mixture-scores";
import { selectionScores } from "./measure/surrogates";
import { checkWeightedBudget, weightedMixture } from "./measure/weighted";
import type { TargetPlan } from "./plan";
import {
  rankMixtures,
  scoredMixtureRow,
  TOP_MIXTURES,
  type BaselinePick,
  type Recommendation,
  type ScoredMixture,
} from "../results/recommendation";
import { targetSimilarities } from "./measure/similarity-scores";
import { protocolOf } from "./spec";
import { similarityScores, verifyShortlist } from "./measure/verify-shortlist";
import { checkVerifyCount, DEFAULT_SHORTLIST, shortlistStrategy } from "../select/verify/strategy";
import type { SearchChoice } from "../select/search/choose";
import { InvalidArgumentError } from "../util/errors";
import type { Verified } from "../results/verified";
import { toCSV } from "../results/write-results";
import type { WeightedRow } from "../results/weighted-row";
import type { SelectionResult } from "../results/selection-result";
import type { FinalModel } from "../results/selection-result";

/** Options of {@link selectMixture}: a run's options for one target and one seed, without a ground truth. */
export type SelectOptions = Omit<RunOptions, "targets" | "seeds" | "groundTruth"> & {
  /** The task to choose a mixture for (its training data is never mixed in). */
  target: string;
  /** Training seed (default 0). */
  seed?: number;
  /**
   * Fine-tune θ0 on the recommended mixture and export it (default true). With false, a final model an
   * earlier call exported for the same mixture is kept (and returned); one of another mixture is removed.
   */
  train?: boolean;
  /**
   * Verify a shortlist by real fine-tunes: fine-tune θ0 on K mixtures (the final model's included, so
   * K − 1 extra), keep the best real validation score as the recommendation and the exported model.
   */
  verify?: number;
  /** Which K to verify (default {@link DEFAULT_SHORTLIST}): top, sizes, portfolio or adaptive. */
  verifyStrategy?: string;
};

/**
 * Without training: a final model an earlier call left in OUT when it is of the recommended mixture (same
 * store, so the same protocol), else nothing — and a final model of another mixture is removed, so OUT
 * never holds a model that contradicts its selection.json. "damaged" when the earlier model of this mixture
 * fails the sha256 its final.json recorded (the caller exports it again).
 */
function earlierFinalModel(e: Engine, mixture: readonly string[]): FinalModel | null | "damaged" {
  const json = path.join(e.out, FINAL_JSON_FILE),
    model = path.join(e.out, FINAL_MODEL_FILE);
  let earlier: FinalModel | undefined;
  try {
    earlier = JSON.parse(fs.readFileSync(json, "utf8")) as FinalModel;
  } catch {
    earlier = undefined;
  }
  if (
    earlier &&
    fs.existsSync(model) &&
    Array.isArray(earlier.mixture) &&
    mixtureName(earlier.mixture) === mixtureName(mixture)
  ) {
    // never hand back a damaged model: checked against the sha256 final.json recorded
    const problem = finalModelProblem(model, String(earlier.sha256));
    if (!problem) return earlier;
    e.progress.log(`${FINAL_MODEL_FILE} is damaged (${problem}): exporting it again from the run store`);
    return "damaged";
  }
  if (earlier || fs.existsSync(model))
    e.progress.log(
      `removed ${FINAL_MODEL_FILE} and ${FINAL_JSON_FILE} of an earlier call: they were not of the recommended mixture`,
    );
  fs.rmSync(json, { force: true });
  fs.rmSync(model, { force: true });
  return null;
}

/** The recommendation of one target from its scored mixtures, the baselines' picks and the cost. */
function recommend(
  e: Engine,
  plan: TargetPlan,
  seed: number,
  ms: MixtureScores,
): Omit<SelectionResult, "version" | "suite" | "spec" | "data_sha256" | "final" | "started" | "finished"> {
  const names = plan.candidates.map((c) => c.name),
    n = names.length;
  const scored = ms.masks.map((m, i) => scoredMixtureRow(m, names, ms.acc[i], ms.loss[i]));
  const byMask = new Map(scored.map((m) => [m.mask, m] as const));
  const ranked = rankMixtures(scored, e.spec.score);
  const sim = targetSimilarities(e)[plan.target.name];
  const singles = rankMixtures(
    scored.filter((m) => m.size === 1),
    e.spec.score,
  );
  const picks: Array<[BaselinePick["method"], number]> = [
    [
      "cosine",
      similarityPick(
        names.map((c) => sim.cosine[c]),
        "higher",
      ),
    ],
    [
      "l2",
      similarityPick(
        names.map((c) => sim.l2[c]),
        "lower",
      ),
    ],
    ["best-single", singles[0].mask],
    ["all", 2 ** n - 1],
  ];
  e.ev.load(e.theta0);
  const base = e.ev.evaluate(plan.target, "val");
  let finetuneSeconds = 0;
  for (const b of plan.globalBits)
    finetuneSeconds += e.store.get<FineTuneRecord>("finetune", fineTuneKey(seed, 1 << b))?.seconds ?? NaN;
  return {
    seed,
    target: plan.target.name,
    candidates: names,
    score: e.spec.score,
    search: {
      strategy: ms.search.strategy,
      budget: ms.search.budget,
      evaluations: ms.searchEvaluations,
      extra: ms.extraEvaluations,
      mixtures: 2 ** n - 1,
    },
    recommended: ranked[0],
    top: ranked.slice(0, TOP_MIXTURES),
    baselines: picks.map(([method, mask]) => ({ method, ...byMask.get(mask)! })),
    theta0: { val_acc: base.accuracy, val_loss: base.loss },
    cost: { finetunes: n, finetune_seconds: finetuneSeconds, merge_evals: ms.masks.length, merge_seconds: ms.seconds },
    mixtures: ranked,
  };
}

/**
 * Choose a mixture for your own target, without a ground truth: the same engine as `runExperiment`, for
 * one target and seed. Fine-tunes θ0 once per candidate (cached), scores mixtures by their merged model on
 * the target's validation split (every mixture, or what a `search` strategy asks for within its `budget`),
 * recommends the best, shows each baseline's pick (cosine, L2, best single, all) scored the same way, and —
 * unless `train: false` — fine-tunes θ0 on the recommended mixture and exports it (OUT/final.safetensors +
 * OUT/final.json). With `verify: K` it first fine-tunes a shortlist of K mixtures for real (`verifyStrategy`,
 * default {@link DEFAULT_SHORTLIST}) and recommends and exports the best real validation score (`verified`).
 * Writes OUT/selection.json and OUT/mixtures.csv. Every input is checked before a file is made; an
 * interrupted call resumes where it stopped.
 *
 * @example
 * const sel = await selectMixture({ suite: "vision8", target: "mnist", out: "runs/select-mnist" });
 * sel.recommended.members;   // e.g. ["uci-digits", "hershey-digits"]
 * sel.final?.test_acc;
 * const v = await selectMixture({ suite: "vision8", target: "mnist", out: "runs/select-mnist-v3", verify: 3 });
 * v.verified!.mixtures.map((m) => [m.merged_val_loss, m.real_val_loss]);
 */
export async function selectMixture(opts: SelectOptions): Promise<SelectionResult> {
  const {
    target,
    seed = 0,
    train = true,
    weighted: wantWeighted,
    weightedBudget,
    verify,
    verifyStrategy,
    ...rest
  } = opts;
  checkWeightedBudget(weightedBudget);
  // verify's own checks before any file is made; K ≤ the mixtures scored is checked once the plan is known
  if (verify !== undefined) checkVerifyCount(verify, Infinity);
  if (verify !== undefined && !train)
    throw new InvalidArgumentError(
      "verify",
      verify,
      "no verify without training (train: false / --no-train): verifying fine-tunes the shortlist and exports the best",
    );
  const strategy = shortlistStrategy(verifyStrategy ?? DEFAULT_SHORTLIST);
  const checkVerify = (plans: readonly TargetPlan[], searches: ReadonlyMap<string, SearchChoice>) => {
    if (verify === undefined) return;
    const all = 2 ** plans[0].candidates.length - 1,
      budget = searches.get(plans[0].target.name)?.budget ?? null;
    checkVerifyCount(verify, budget === null ? all : Math.min(budget, all));
  };
  return withEngine(
    { ...rest, targets: [target], seeds: [seed], groundTruth: false },
    async (e) => {
      const plan = e.plans[0];
      await fineTuneSingles(e);
      const ms = await selectionScores(e, seed, plan);
      const rec = recommend(e, plan, seed, ms);
      let verified: Verified | undefined;
      if (verify !== undefined) {
        if (verify > rec.mixtures.length)
          e.progress.log(`verify ${verify}: the search scored ${rec.mixtures.length} mixtures; verifying all of them`);
        verified = await verifyShortlist(e, plan, seed, rec.mixtures, {
          k: Math.min(verify, rec.mixtures.length),
          strategy,
          others: similarityScores(e, plan),
        });
        rec.recommended = rec.mixtures.find((m) => m.mask === verified!.recommended)!;
      }
      const weighted = wantWeighted
        ? await weightedMixture(e, seed, plan, ms, { budget: weightedBudget, truth: false })
        : undefined;
      const data = Object.fromEntries(
        [plan.target, ...plan.candidates].map((t) => [t.name, e.dataHashes[t.name]] as const),
      );
      const exportFinal = () =>
        trainFinalModel(e, plan, rec.recommended.mask, seed, {
          merged_val_loss: String(rec.recommended.merged_val_loss),
          merged_val_acc: String(rec.recommended.merged_val_acc),
          search: rec.search.strategy,
        });
      const earlier = train ? null : earlierFinalModel(e, rec.recommended.members);
      const final = train || earlier === "damaged" ? await exportFinal() : earlier;
      const result: SelectionResult = {
        version: 1,
        suite: e.suite.name,
        spec: JSON.parse(JSON.stringify(protocolOf(e.spec))),
        ...rec,
        data_sha256: data,
        final,
        ...(weighted ? { weighted } : {}),
        ...(verified ? { verified } : {}),
        started: e.started,
        finished: new Date().toISOString(),
      };
      const finite = (_k: string, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? null : v);
      writeFileAtomic(path.join(e.out, "selection.json"), JSON.stringify(result, finite, 1) + "\n");
      writeFileAtomic(path.join(e.out, "mixtures.csv"), toCSV(result.mixtures));
      return result;
    },
    { check: checkVerify },
  );
}
