import { MATCHED_FIT_K, parseSurrogate, surrogateName } from "../../merge/surrogate";
import { InvalidArgumentError } from "../../util/errors";
import { hashSeed } from "../../util/rng";
import type { TruthRecord } from "./ground-truth";
import type { Engine } from "../engine";
import { ensureFineTunes, fineTuneKey, type FineTuneRecord } from "../finetune-pool";
import { scoreEnsemble } from "./ensemble";
import { toGlobalMask } from "./global-mask";
import type { MergedScores } from "./merged-scores";
import { scoreMixtures, type MixtureScores } from "./mixture-scores";
import type { TargetPlan } from "../plan";
import { calibrationMasks, scoreSurrogate, type SurrogateScores, type TruthSample } from "./surrogate-scores";
import { singleLoader, singlesOf, type SingleLoader } from "./single-fine-tunes";
import { surrogateLimit } from "./surrogate-limits";
import type { SurrogateRow } from "../../results/surrogate-row";

/**
 * A calibrated surrogate's k mixture fine-tunes for one (seed, target): drawn with a seed of their own,
 * fine-tuned if the store lacks them (a run with ground truth has them already), and scored on the
 * target's VALIDATION split only. Returns the truth to fit λ to and what it cost.
 */
async function calibrationOf(
  e: Engine,
  seed: number,
  p: TargetPlan,
  k: number,
): Promise<TruthSample & { finetunes: number; seconds: number }> {
  const masks = calibrationMasks(p.candidates.length, k, hashSeed(`calibrate:${seed}:${p.target.name}`));
  const global = masks.map((m) => toGlobalMask(m, p.globalBits));
  await ensureFineTunes(
    e.store,
    e.ctx,
    global.map((mask) => ({ mask, seed })),
    { ...e.fineTuneOptions, label: `calibration fine-tunes (${p.target.name})` },
  );
  let seconds = 0;
  const trueLoss = global.map((g) => {
    seconds += e.store.get<FineTuneRecord>("finetune", fineTuneKey(seed, g))?.seconds ?? 0;
    const truth = e.store.get<TruthRecord>("truth", `${seed}/${g}/${p.target.name}`);
    if (truth) return truth.val_loss;
    const key = `${seed}/${g}/${p.target.name}`;
    let rec = e.store.get<{ val_loss: number }>("calibration", key);
    if (!rec) {
      e.ev.load(e.store.getWeights(fineTuneKey(seed, g), e.theta0.layout)!.params);
      rec = { val_loss: e.ev.evaluate(p.target, "val").loss };
      e.store.put("calibration", key, rec);
    }
    return rec.val_loss;
  });
  return { masks, trueLoss, finetunes: k, seconds };
}

/**
 * One surrogate's row for one (seed, target) — its {@link SurrogateScores} of every mixture with the calibration
 * cost — from the stored single fine-tunes (cached in the store
 * under "surrogate", so a resumed run and every later report reuse them).
 *
 * @example
 * const row = await surrogateRow(engine, 0, engine.plans[0], "ta:0.5");
 */
export async function surrogateRow(
  e: Engine,
  seed: number,
  p: TargetPlan,
  name: string,
  single: SingleLoader = singleLoader(e, seed),
): Promise<SurrogateRow> {
  const key = `${seed}/${p.target.name}/${name}`;
  const hit = e.store.get<SurrogateRow>("surrogate", key);
  if (hit) return hit;
  const surrogate = parseSurrogate(name);
  // an exhaustive selection sweep already scored the uniform mean of every mixture: the same numbers, not recomputed
  const merged =
    surrogate.kind === "mean" ? e.store.get<MergedScores>("merged", `${seed}/${p.target.name}`) : undefined;
  if (merged) {
    const row: SurrogateRow = {
      seed,
      target: p.target.name,
      name: surrogateName(surrogate),
      val_acc: merged.acc,
      val_loss: merged.loss,
      seconds: merged.seconds,
      lambda: null,
      calibration_masks: null,
      extra_finetunes: 0,
      extra_seconds: 0,
    };
    e.store.put("surrogate", key, row);
    return row;
  }
  const singles = singlesOf(e, seed, p, single);
  const n = p.candidates.length;
  // matched:fit fits on at most MATCHED_FIT_K mixtures of ≥ 2 members (2^n − 1 − n of them exist)
  const cal =
    surrogate.kind === "calibrated"
      ? await calibrationOf(e, seed, p, surrogate.k)
      : surrogate.kind === "matched" && surrogate.shrink === "fit"
        ? await calibrationOf(e, seed, p, Math.min(MATCHED_FIT_K, 2 ** n - 1 - n))
        : undefined;
  const matched = { budget: e.spec.trainBudget, sizes: p.candidates.map((t) => t.splits.train.n) };
  const s =
    surrogate.kind === "ensemble"
      ? scoreEnsemble(e.ev, singles, p.target, p.candidates)
      : scoreSurrogate(e.ev, e.theta0, singles, p.target, surrogate, {
          seed,
          calibration: cal,
          matched,
          progress: e.progress,
        });
  const row: SurrogateRow = {
    seed,
    target: p.target.name,
    name: s.name,
    val_acc: s.acc,
    val_loss: s.loss,
    seconds: s.seconds,
    lambda: s.lambda ?? null,
    calibration_masks: s.calibrationMasks ?? null,
    extra_finetunes: cal?.finetunes ?? 0,
    extra_seconds: cal?.seconds ?? 0,
  };
  e.store.put("surrogate", key, row);
  return row;
}

/**
 * Every compared surrogate (spec.surrogates, plus the selection surrogate) for every seed and target; one
 * that cannot be computed for a target's pool (see {@link surrogateLimit}) is skipped, with a line in `notes`
 * (and in the terminal).
 *
 * @example
 * const rows = await allSurrogates(engine);   // 6 surrogates × targets × seeds
 */
export async function allSurrogates(e: Engine, notes: string[] = []): Promise<SurrogateRow[]> {
  const names = [...new Set([...e.spec.surrogates, e.spec.surrogate])];
  const rows: SurrogateRow[] = [];
  for (const seed of e.spec.seeds) {
    const single = singleLoader(e, seed);
    for (const p of e.plans)
      for (const name of names) {
        // what cannot be computed for this pool is skipped with a note, not a crash after the fine-tunes
        const why = surrogateLimit(name, p.candidates.length);
        if (why) {
          const note = `surrogate ${name} skipped for target ${p.target.name}: ${why}`;
          if (!notes.includes(note)) {
            notes.push(note);
            e.progress.log(note);
          }
          continue;
        }
        rows.push(await surrogateRow(e, seed, p, name, single));
      }
  }
  return rows;
}

/**
 * The scores Merge to Mix selects with for one (seed, target): the merged model's (`scoreMixtures`, any
 * search) under the default surrogate "mean", else the chosen surrogate's scores of every mixture
 * (exhaustive only; a calibrated surrogate's k mixture fine-tunes are counted in its seconds).
 *
 * @example
 * const s = await selectionScores(engine, 0, engine.plans[0]);
 */
export async function selectionScores(e: Engine, seed: number, p: TargetPlan): Promise<MixtureScores> {
  if (e.spec.surrogate === "mean") return scoreMixtures(e, seed, p);
  const search = e.searches.get(p.target.name)!;
  if (search.strategy !== "exhaustive")
    throw new InvalidArgumentError(
      "surrogate",
      e.spec.surrogate,
      `"mean" under --search ${search.strategy} (other surrogates score every mixture: use the exhaustive sweep)`,
    );
  const row = await surrogateRow(e, seed, p, e.spec.surrogate);
  const masks = Array.from({ length: row.val_acc.length - 1 }, (_, i) => i + 1);
  const seconds = row.seconds + row.extra_seconds;
  return {
    search,
    masks,
    acc: masks.map((m) => row.val_acc[m]),
    loss: masks.map((m) => row.val_loss[m]),
    searchEvaluations: masks.length,
    extraEvaluations: 0,
    seconds,
    evalSeconds: row.seconds,
  };
}
