import { popcount } from "../../merge/subsets";
import { InvalidArgumentError } from "../../util/errors";
import { toGlobalMask } from "./global-mask";
import { fineTuneJobs, singleMasks, type Engine } from "../engine";
import { ensureFineTunes, fineTuneKey } from "../finetune-pool";

/** A ground-truth evaluation of one mixture fine-tune on one target (store kind "truth", key `${seed}/${globalMask}/${target}`). */
export interface TruthRecord {
  val_acc: number;
  val_loss: number;
  test_acc: number;
  test_loss: number;
  val_seconds: number;
}

/** Every distinct mixture of ≥ 2 candidates over all targets, as masks over the suite's tasks. */
export function mixtureMasks(e: Pick<Engine, "plans">): number[] {
  const s = new Set<number>();
  for (const p of e.plans)
    for (let m = 1; m < 2 ** p.candidates.length; m++) if (popcount(m) >= 2) s.add(toGlobalMask(m, p.globalBits));
  return [...s].sort((a, b) => a - b);
}

/**
 * The ground truth: fine-tune θ0 on every distinct mixture once (shared across targets), then evaluate
 * every fine-tune — single or mixture — on every target it does not contain (stored as "truth" records).
 *
 * @example
 * await groundTruth(engine);
 */
export async function groundTruth(e: Engine): Promise<void> {
  const mixtures = mixtureMasks(e);
  await ensureFineTunes(e.store, e.ctx, fineTuneJobs(e, mixtures), {
    ...e.fineTuneOptions,
    label: "mixture fine-tunes (ground truth)",
  });
  const all = [...singleMasks(e), ...mixtures].sort((a, b) => a - b);
  e.progress.start("ground-truth evaluations", e.spec.seeds.length * all.length);
  for (const seed of e.spec.seeds) {
    for (const mask of all) {
      const targets = e.plans
        .filter((p) => {
          const pool = p.globalBits.reduce((g, b) => g | (1 << b), 0);
          return (mask & pool) === mask;
        })
        .map((p) => p.target);
      const todo = targets.filter((t) => !e.store.has("truth", `${seed}/${mask}/${t.name}`));
      if (todo.length) {
        const w = e.store.getWeights(fineTuneKey(seed, mask), e.theta0.layout);
        if (!w)
          throw new InvalidArgumentError(
            `fine-tune of mixture ${mask} (seed ${seed})`,
            "missing",
            "a stored fine-tune (re-run to resume)",
          );
        e.ev.load(w.params);
        e.store.putMany(
          "truth",
          todo.map((t) => {
            const e0 = Date.now();
            const val = e.ev.evaluate(t, "val");
            const valSeconds = (Date.now() - e0) / 1000;
            const test = e.ev.evaluate(t, "test");
            const rec: TruthRecord = {
              val_acc: val.accuracy,
              val_loss: val.loss,
              test_acc: test.accuracy,
              test_loss: test.loss,
              val_seconds: valSeconds,
            };
            return [`${seed}/${mask}/${t.name}`, rec] as const;
          }),
        );
      }
      e.progress.tick(1);
    }
  }
  e.progress.done();
}
