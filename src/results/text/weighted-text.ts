import { formatInterval } from "./claims-text";
import { mean } from "../../select/metrics/finite-stats";
import { pct } from "./numbers";
import type { WeightedRow } from "../weighted-row";
import { weightedVsBinary, type WeightedVsBinary } from "../weighted-vs-binary";

/**
 * Proportions as the terminal writes them, `helper=0.62 other=0.38`: the members worth printing (≥ 0.5%),
 * in the order given.
 *
 * @example
 * proportionsText(grid.candidates.map((c, i) => [c, grid.optimum!.weights[i]]));
 */
export function proportionsText(pairs: ReadonlyArray<readonly [string, number]>): string {
  return pairs
    .filter(([, v]) => v >= 0.005)
    .map(([c, v]) => `${c}=${v.toFixed(2)}`)
    .join(" ");
}

/** Mean proportions over seeds, renormalised (over the finite means); the members worth printing (≥ 0.5%), largest first. */
function meanWeights(rows: readonly WeightedRow[]): Array<[string, number]> {
  const n = rows[0].candidates.length;
  const w = Array.from({ length: n }, (_, i) => mean(rows.map((r) => r.weights[i])));
  const s = w.reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);
  return w
    .map((v, i) => [rows[0].candidates[i], v / s] as [string, number])
    .filter(([, v]) => v >= 0.005)
    .sort((a, b) => b[1] - a[1]);
}

/**
 * The proportions of `rows` (one target's seeds) averaged over seeds and renormalised, members ≥ 0.5%
 * largest first, as the terminal writes them: `helper=0.62 other=0.38`; "–" without rows.
 *
 * @example
 * weightsText(results.weighted!.filter((w) => w.target === "mnist"));
 */
export function weightsText(rows: readonly WeightedRow[]): string {
  return rows.length === 0 ? "–" : proportionsText(meanWeights(rows));
}

/**
 * The paired optimised − binary difference as the summary and the report print it, in points:
 * `+1.1 points [0.3, 2.0]` (`[–]` under 2 seeds).
 *
 * @example
 * weightedVsBinaryText(weightedVsBinary(results.weighted!));   // "+1.1 points [0.3, 2.0]"
 */
export function weightedVsBinaryText(v: WeightedVsBinary): string {
  return formatInterval(v.interval, { scale: 100, digits: 1, sign: true, unit: " points" });
}

/**
 * The weighted-mixture block of a summary: per target (means over seeds)
 *   weighted mixture for TARGET: a=0.62 b=0.31 c=0.07; merged val loss 0.398 vs binary pick 0.412; test 82.1% vs 81.0%
 * then, with a ground truth, the paired line `weighted vs binary pick: +1.1 points [lo, hi] (95% CI)` —
 * intervals need ≥ 2 seeds: with one they read "[–]" and a note says so.
 *
 * @example
 * console.log(formatWeighted(results.weighted!, results.seeds.length).join("\n"));
 */
export function formatWeighted(rows: readonly WeightedRow[], seeds: number): string[] {
  const targets = [...new Set(rows.map((r) => r.target))];
  const out: string[] = [
    `Weighted mixtures (proportions on the simplex over every candidate, optimised on the merged model's validation score from the binary pick; ${seeds} seed${seeds === 1 ? "" : "s"})`,
  ];
  for (const t of targets) {
    const rs = rows.filter((r) => r.target === t);
    const w = weightsText(rs);
    const test = rs[0].truth
      ? `; test ${pct(mean(rs.map((r) => r.truth!.weighted.test_acc)))}% vs ${pct(mean(rs.map((r) => r.truth!.binary?.test_acc ?? NaN)))}%`
      : "";
    out.push(
      `weighted mixture for ${t}: ${w}; merged val loss ${mean(rs.map((r) => r.merged_loss)).toFixed(3)} vs binary pick ${mean(rs.map((r) => r.binary_merged_loss)).toFixed(3)}${test}`,
    );
    if (rs[0].truth) {
      out.push(
        `  fine-tuned with proportions (test %): optimised ${pct(mean(rs.map((r) => r.truth!.weighted.test_acc)))}, uniform over the pick ${pct(mean(rs.map((r) => r.truth!.uniform.test_acc)))}, ` +
          `size-proportional over the pick ${pct(mean(rs.map((r) => r.truth!.proportional.test_acc)))}, binary pick (concatenated) ${pct(mean(rs.map((r) => r.truth!.binary?.test_acc ?? NaN)))}`,
      );
    }
  }
  if (rows.some((r) => r.truth)) {
    const v = weightedVsBinary(rows, seeds),
      p = v.paired,
      text = weightedVsBinaryText(v);
    out.push(
      `weighted vs binary pick: ${text} (95% CI), wins/ties/losses ${p.wins}/${p.ties}/${p.losses}${seeds < 2 ? " (one seed: an interval needs ≥ 2 seeds)" : ""}`,
    );
  }
  return out;
}
