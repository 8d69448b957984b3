import { mean } from "../select/metrics/finite-stats";
import { pearson } from "../select/metrics/pearson";
import type { RunResults } from "./results";

/** Per target: the three conditions under which a Merge to Mix experiment means something. */
export interface SignalCheckRow {
  target: string;
  /** Own-task validation accuracy gain (points) of the target's single fine-tune over θ0 (mean over seeds). */
  own_gain: number;
  /** Oracle minus random-expectation test accuracy (points): does the choice of mixture matter? */
  oracle_minus_random: number;
  /** Pearson r of the true validation loss / accuracy between seeds, non-singleton mixtures (mean over seed pairs). */
  repeat_loss: number;
  repeat_acc: number;
  /** Pearson r of merged vs true validation loss / accuracy, non-singleton mixtures (mean over seeds). */
  merged_r_loss: number;
  merged_r_acc: number;
  /** Merge to Mix's test regret (points, mean over seeds). */
  m2m_regret: number;
}

/**
 * The signal checks of a run, per target and a mean row: does fine-tuning move the target, does the ground
 * truth repeat across seeds, does the mixture matter, and does the merged model track the truth. (The
 * summary prints them under "Calibration"; `calibrateGrid` compares these numbers across protocol cells.)
 * Seed repeatability needs ≥ 2 seeds (NaN otherwise).
 *
 * @example
 * signalChecks(results).find((r) => r.target === "mean")!.repeat_loss;
 */
export function signalChecks(r: RunResults): SignalCheckRow[] {
  const rows: SignalCheckRow[] = r.targets.map((t) => {
    const own = (r.singles ?? []).filter((s) => s.task === t).map((s) => 100 * (s.own_val_acc - s.base_val_acc));
    const sel = (m: string) => r.selections.filter((s) => s.target === t && s.method === m);
    const oracle = sel("oracle"),
      random = sel("random");
    const omr = oracle.map((o) => 100 * (o.test_acc - (random.find((x) => x.seed === o.seed)?.test_acc ?? NaN)));
    const mix = r.mixtures.filter((m) => m.target === t && m.size >= 2);
    const bySeed = r.seeds.map((seed) => mix.filter((m) => m.seed === seed).sort((a, b) => a.mask - b.mask));
    const rep = (f: "true_val_loss" | "true_val_acc") => {
      const rs: number[] = [];
      for (let i = 0; i < bySeed.length; i++)
        for (let j = i + 1; j < bySeed.length; j++) {
          rs.push(
            pearson(
              bySeed[i].map((m) => m[f] ?? NaN),
              bySeed[j].map((m) => m[f] ?? NaN),
            ),
          );
        }
      return mean(rs);
    };
    const corr = (truth: "val_loss" | "val_acc") =>
      mean(
        r.correlations
          .filter((c) => c.target === t && c.scorer === "merged" && c.truth === truth && c.subset === "no-singletons")
          .map((c) => c.pearson),
      );
    return {
      target: t,
      own_gain: mean(own),
      oracle_minus_random: mean(omr),
      repeat_loss: rep("true_val_loss"),
      repeat_acc: rep("true_val_acc"),
      merged_r_loss: corr("val_loss"),
      merged_r_acc: corr("val_acc"),
      m2m_regret: mean(sel("merge-to-mix").map((s) => 100 * s.regret)),
    };
  });
  const col = (f: keyof Omit<SignalCheckRow, "target">) => mean(rows.map((x) => x[f]));
  rows.push({
    target: "mean",
    own_gain: col("own_gain"),
    oracle_minus_random: col("oracle_minus_random"),
    repeat_loss: col("repeat_loss"),
    repeat_acc: col("repeat_acc"),
    merged_r_loss: col("merged_r_loss"),
    merged_r_acc: col("merged_r_acc"),
    m2m_regret: col("m2m_regret"),
  });
  return rows;
}
