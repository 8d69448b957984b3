import { ensureFineTunes, fineTuneKey } from "../experiment/finetune-pool";
import { suiteRef } from "../experiment/runners/runner";
import { InvalidArgumentError } from "../util/errors";
import { Base } from "./base";
import { Experts } from "./experts";
import { Model } from "./model";
import { stepProgress, type StepProgressOption } from "./step-progress";

/** Options of the fine-tuning steps. */
export interface FineTuneStepOptions {
  /** Training seed (default 0): the same seed gives the same weights. */
  seed?: number;
  /** Worker threads (default 2; 1 trains in this thread). */
  workers?: number;
  progress?: StepProgressOption;
}

/**
 * Run fine-tunes of θ0 for the given mixture masks through the base's run store (cached ones are reused).
 * Returns how many were already there.
 */
export async function ensureMasks(
  base: Base,
  masks: readonly number[],
  label: string,
  o: FineTuneStepOptions,
): Promise<{ seed: number; cached: number }> {
  const seed = o.seed ?? 0;
  if (!Number.isInteger(seed) || seed < 0) throw new InvalidArgumentError("seed", seed, "a non-negative integer");
  const cached = masks.filter((m) => base.store.hasWeights(fineTuneKey(seed, m))).length;
  await ensureFineTunes(
    base.store,
    base.ctx,
    masks.map((mask) => ({ mask, seed })),
    {
      workers: o.workers ?? 2,
      backend: base.backend.name,
      progress: stepProgress(o.progress),
      label,
      data: suiteRef(base.suite.name, base.spec.preset, base.spec.dataSeed),
    },
  );
  return { seed, cached };
}

/** The stored fine-tune of `mask` (after ensureMasks). */
export function storedParams(base: Base, seed: number, mask: number) {
  const w = base.store.getWeights(fineTuneKey(seed, mask), base.theta0.layout);
  if (!w)
    throw new InvalidArgumentError(
      "fine-tune",
      `seed ${seed}, mask ${mask}`,
      "a fine-tune in the base's run store (it was just trained: is the cache folder being cleaned?)",
    );
  return w.params;
}

/**
 * Step 2: fine-tune θ0 on each dataset alone, one expert per dataset (in worker threads, with a progress
 * bar; cached in the base's run store, so running the cell again is instant).
 *
 * @example
 * const experts = await fineTuneEach(base, ["mnist", "uci-digits", "qd-shapes"]);   // a table of the experts
 * experts.get("mnist").distanceFromBase();
 */
export async function fineTuneEach(
  base: Base,
  datasets: readonly string[],
  options: FineTuneStepOptions = {},
): Promise<Experts> {
  if (!(base instanceof Base))
    throw new InvalidArgumentError("base", base, "the value of `await pretrainedBase(suite)`");
  if (!Array.isArray(datasets) || datasets.length === 0)
    throw new InvalidArgumentError("datasets", datasets, `a non-empty list of task names of suite ${base.suite.name}`);
  base.maskOf(datasets); // names known and distinct
  const masks = datasets.map((d) => base.maskOf([d]));
  const t0 = Date.now();
  const { seed, cached } = await ensureMasks(base, masks, "experts (one fine-tune per dataset)", options);
  const models = datasets.map((d, i) => new Model(base, "expert", `θ_${d}`, [d], storedParams(base, seed, masks[i])));
  return new Experts(base, models, seed, (Date.now() - t0) / 1000, cached);
}
