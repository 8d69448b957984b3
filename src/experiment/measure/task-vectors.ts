import { popcount } from "../../merge/subsets";
import { cosineMatrix, mixtureVsSum, relativeUpdate, type Ranges } from "../../merge/task-vectors";
import type { ParamLayout } from "../../params/layout";
import type { TaskVectorRow } from "../../results/task-vector-row";
import type { Engine } from "../engine";
import { fineTuneKey } from "../finetune-pool";
import { mixtureMasks } from "./ground-truth";
import { singleMasks } from "../engine";

/** The encoder's index ranges ("enc…" entries): heads are per task or refitted, so the geometry is measured without them. */
export function encoderRanges(layout: ParamLayout): Ranges {
  return layout.entries.filter((e) => e.name.startsWith("enc")).map((e) => [e.offset, e.offset + e.size] as const);
}

/**
 * The task-vector geometry of each seed, measured on the stored weights (encoder parameters): each single's
 * relative update, the cosine matrix of the singles, and every stored mixture fine-tune (the ground truth's)
 * against the sum of its members' task vectors. Mixtures not in the store are skipped.
 *
 * @example
 * const rows = taskVectorRows(engine);   // one row per seed
 */
export function taskVectorRows(e: Engine): TaskVectorRow[] {
  const keep = encoderRanges(e.theta0.layout),
    t0 = e.theta0.data;
  const bits = singleMasks(e).map((m) => 31 - Math.clz32(m));
  return e.spec.seeds.map((seed) => {
    const singles = new Map<number, Float32Array>();
    for (const b of bits) {
      const w = e.store.getWeights(fineTuneKey(seed, 1 << b), e.theta0.layout);
      if (w) singles.set(b, w.params.data);
    }
    const have = bits.filter((b) => singles.has(b));
    const mixtures: TaskVectorRow["mixtures"] = [];
    for (const mask of e.spec.groundTruth ? mixtureMasks(e) : []) {
      const size = popcount(mask);
      const members = have.filter((b) => (mask >>> b) & 1).map((b) => singles.get(b)!);
      if (size < 2 || members.length !== size) continue;
      const w = e.store.getWeights(fineTuneKey(seed, mask), e.theta0.layout);
      if (!w) continue;
      const { cos, normRatio } = mixtureVsSum(w.params.data, members, t0, keep);
      mixtures.push({ mask, size, cos_sum: cos, norm_ratio: normRatio });
    }
    const models = have.map((b) => singles.get(b)!);
    return {
      seed,
      tasks: have.map((b) => e.suite.tasks[b].name),
      relative_update: models.map((m) => relativeUpdate(m, t0, keep)),
      cosine: cosineMatrix(models, t0, keep),
      mixtures,
    };
  });
}
