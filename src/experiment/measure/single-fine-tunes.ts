import type { ParamVector } from "../../params/param-vector";
import { InvalidArgumentError } from "../../util/errors";
import type { Engine } from "../engine";
import { fineTuneKey } from "../finetune-pool";
import type { TargetPlan } from "../plan";

/** Loads one seed's single fine-tunes by suite bit from the run store, each read (and checksummed) once. */
export type SingleLoader = (bit: number) => ParamVector;

/**
 * The single fine-tunes of one seed, loaded lazily and once each (the candidates of every target share them).
 *
 * @example
 * const single = singleLoader(engine, 0);
 * const models = plan.globalBits.map(single);
 */
export function singleLoader(e: Engine, seed: number): SingleLoader {
  const cache = new Map<number, ParamVector>();
  return (bit) => {
    let pv = cache.get(bit);
    if (!pv) {
      const w = e.store.getWeights(fineTuneKey(seed, 1 << bit), e.theta0.layout);
      if (!w)
        throw new InvalidArgumentError(
          `fine-tune of ${e.suite.tasks[bit].name} (seed ${seed})`,
          "missing",
          "a stored fine-tune (re-run to resume)",
        );
      cache.set(bit, (pv = w.params));
    }
    return pv;
  };
}

/** A target's candidates' single fine-tunes of one seed, in candidate order. */
export function singlesOf(
  e: Engine,
  seed: number,
  p: TargetPlan,
  single: SingleLoader = singleLoader(e, seed),
): ParamVector[] {
  return p.globalBits.map(single);
}
