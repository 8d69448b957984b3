import type { Engine } from "../engine";

/** θ0 (no fine-tuning) on one target: validation accuracy and loss, test accuracy. */
export interface BaseScore {
  val: number;
  valLoss: number;
  test: number;
}

/**
 * θ0 itself on every target of the run (the reference every mixture is measured against).
 *
 * @example
 * const base = baseScores(engine);   // Map target → { val, valLoss, test }
 */
export function baseScores(e: Engine): Map<string, BaseScore> {
  e.ev.load(e.theta0);
  return new Map(
    e.plans.map((p) => {
      const v = e.ev.evaluate(p.target, "val");
      return [
        p.target.name,
        { val: v.accuracy, valLoss: v.loss, test: e.ev.evaluate(p.target, "test").accuracy },
      ] as const;
    }),
  );
}
