import type { HeadRule } from "../model/spec";
import type { Interval } from "../select/metrics/bootstrap";
import type { Claims } from "./claims";
import type { TrainBudget } from "../model/recipe";

/** One cell of the protocol grid: a head rule and a fine-tuning budget, with what its run measured. */
export interface GridCell {
  headRule: HeadRule;
  trainBudget: TrainBudget;
  /** The strength axes, when the grid varied them (else the preset's recipe). */
  learningRate?: number;
  epochs?: number;
  /** The regime axes, when the grid varied them: "tangent" (absent = standard) and an anchor share above 0. */
  finetune?: "tangent";
  anchorShare?: number;
  /** Measured median ‖τᵢ‖/‖θ0‖ of the cell's single fine-tunes (encoder; null for grids stored before it was measured). */
  relativeUpdate?: number | null;
  /** The cell's run directory (under the grid's). */
  dir: string;
  /** Own-task validation gain of single fine-tunes over θ0 (points, mean over targets). */
  ownGain: number;
  /** Oracle − random test accuracy (points), bootstrapped over targets × seeds: does the mixture matter? */
  oracleMinusRandom: Interval;
  /** Oracle − θ0 test accuracy (points): does fine-tuning on the best mixture help the target at all? */
  oracleMinusBase: Interval;
  /** Pearson r of the true validation loss between seeds (mean over targets): does the truth repeat? */
  seedRepeat: number;
  claims: Claims;
}

/**
 * The cell the evidence points to: among cells whose truth repeats across seeds (r ≥ `minRepeat`) and
 * where the best mixture beats θ0 (oracle − θ0 > 0: choosing among mixtures that all hurt the target is
 * no mixture choice at all) — relaxing each condition in that order when no cell meets it — the one whose
 * oracle − random lower bound is highest: where choosing a mixture matters most clearly above the noise.
 * Then, among QUALIFYING cells — all three hold: the truth repeats, the best mixture beats θ0 and oracle −
 * random's lower bound is above 0 — the one with the highest claim-1 r (ties, and cells without a claim-1
 * r, by the lower bound). The conditions are fixed before looking at which selector wins.
 *
 * @example
 * recommendedCell(cells)?.headRule;   // "refit"
 */
export function recommendedCell(cells: readonly GridCell[], minRepeat = 0.7): GridCell | undefined {
  const narrow = (pool: readonly GridCell[], ok: (c: GridCell) => boolean) => {
    const k = pool.filter(ok);
    return k.length ? k : pool;
  };
  const pool = narrow(
    narrow(cells, (c) => c.seedRepeat >= minRepeat),
    (c) => c.oracleMinusBase.estimate > 0,
  );
  const lower = (c: GridCell) =>
    Number.isFinite(c.oracleMinusRandom.lo) ? c.oracleMinusRandom.lo : c.oracleMinusRandom.estimate;
  const r = (c: GridCell) => {
    const v = c.claims?.claim1?.estimate;
    return typeof v === "number" && Number.isFinite(v) ? v : -Infinity;
  };
  const qualifying = pool.filter((c) => c.seedRepeat >= minRepeat && c.oracleMinusBase.estimate > 0 && lower(c) > 0);
  if (qualifying.some((c) => r(c) > -Infinity))
    return [...qualifying].sort((a, b) => r(b) - r(a) || lower(b) - lower(a))[0];
  return [...pool].sort((a, b) => lower(b) - lower(a))[0];
}
