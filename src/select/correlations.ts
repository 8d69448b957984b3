import { InvalidArgumentError } from "../util/errors";
import { mean } from "./metrics/finite-stats";
import { kendall } from "./metrics/kendall";
import { pearson } from "./metrics/pearson";
import { spearman } from "./metrics/spearman";

/** Scorers that give a value per mixture (for correlations). */
export type ScorerName = "merged" | "cosine" | "l2";

/** Correlation of one scorer with the truth, for one (seed, target) or the average over targets. */
export interface CorrelationRow {
  seed: number;
  /** A task name, or "mean" for the average of per-target values. */
  target: string;
  scorer: ScorerName;
  /** Which truth: validation accuracy or validation loss of the mixture fine-tune. */
  truth: "val_acc" | "val_loss";
  /** "all" mixtures, or "no-singletons" (singletons: merged = fine-tuned by construction). */
  subset: "all" | "no-singletons";
  n: number;
  pearson: number;
  spearman: number;
  kendall: number;
}

/** Per-mixture numbers of one (seed, target), indexed by mask (length 2^N, index 0 ignored). */
export interface CorrelationInput {
  seed: number;
  target: string;
  /** Merged model's validation accuracy. */
  merged: ArrayLike<number>;
  /** Merged model's validation loss; when given it is the "merged" scorer against truth val_loss. */
  mergedLoss?: ArrayLike<number>;
  cosine: ArrayLike<number>;
  l2: ArrayLike<number>;
  trueValAcc: ArrayLike<number | null>;
  trueValLoss: ArrayLike<number | null>;
}

const isPow2 = (m: number): boolean => (m & (m - 1)) === 0;

/**
 * Correlations (Pearson, Spearman, Kendall τ-b) of each scorer with the mixture fine-tunes' truth, for
 * one (seed, target): scorers merged/cosine/l2 × truth val_acc/val_loss × subsets all/no-singletons
 * (singletons are excluded because there the merged model IS the fine-tune).
 *
 * Orientation, so that "positive = the scorer ranks mixtures like the truth" everywhere: losses and L2
 * distances are NEGATED before correlating (higher is better on both sides). Against truth val_loss the
 * "merged" scorer is −(merged loss) when `mergedLoss` is given, else the merged accuracy.
 * Mixtures with a missing truth (null) are dropped; `n` is the number of pairs used.
 *
 * @example
 * correlations({ seed: 0, target: "mnist", merged, cosine, l2, trueValAcc, trueValLoss })
 *   .filter((r) => r.scorer === "merged" && r.truth === "val_acc" && r.subset === "all");
 */
export function correlations(input: CorrelationInput): CorrelationRow[] {
  const len = input.merged.length;
  if (len < 2 || !isPow2(len)) throw new InvalidArgumentError("merged.length", len, "2^N (arrays indexed by mask)");
  const get = (name: string, a: ArrayLike<number | null> | undefined, sign: number): Float64Array => {
    if (!a || a.length !== len)
      throw new InvalidArgumentError(`${name}.length`, a && a.length, `${len} (same as merged)`);
    return Float64Array.from({ length: len }, (_, i) => {
      const v = a[i];
      return v == null ? NaN : sign * v;
    });
  };
  const scorers: Record<ScorerName, [Float64Array, Float64Array]> = {
    merged: [
      get("merged", input.merged, 1),
      input.mergedLoss ? get("mergedLoss", input.mergedLoss, -1) : get("merged", input.merged, 1),
    ],
    cosine: [get("cosine", input.cosine, 1), get("cosine", input.cosine, 1)],
    l2: [get("l2", input.l2, -1), get("l2", input.l2, -1)],
  };
  const truths = {
    val_acc: get("trueValAcc", input.trueValAcc, 1),
    val_loss: get("trueValLoss", input.trueValLoss, -1),
  };
  const rows: CorrelationRow[] = [];
  for (const subset of ["all", "no-singletons"] as const) {
    const masks: number[] = [];
    for (let m = 1; m < len; m++) if (subset === "all" || !isPow2(m)) masks.push(m);
    for (const scorer of ["merged", "cosine", "l2"] as const) {
      for (const truth of ["val_acc", "val_loss"] as const) {
        const s = scorers[scorer][truth === "val_acc" ? 0 : 1],
          t = truths[truth];
        const keep = masks.filter((m) => Number.isFinite(s[m]) && Number.isFinite(t[m]));
        const x = keep.map((m) => s[m]),
          y = keep.map((m) => t[m]);
        rows.push({
          seed: input.seed,
          target: input.target,
          scorer,
          truth,
          subset,
          n: keep.length,
          pearson: pearson(x, y),
          spearman: spearman(x, y),
          kendall: kendall(x, y),
        });
      }
    }
  }
  return rows;
}

/**
 * The mean over targets of per-target correlation rows, one row with target "mean" per
 * (seed, scorer, truth, subset). NaN correlations (undefined for a target) are left out of the mean;
 * `n` is the number of targets with a defined Pearson r.
 *
 * @example
 * const all = targets.flatMap((t) => correlations(inputs[t]));
 * all.push(...meanCorrelations(all));
 */
export function meanCorrelations(rows: readonly CorrelationRow[]): CorrelationRow[] {
  const groups = new Map<string, CorrelationRow[]>();
  for (const r of rows) {
    if (r.target === "mean") continue;
    const key = JSON.stringify([r.seed, r.scorer, r.truth, r.subset]);
    const g = groups.get(key);
    if (g) g.push(r);
    else groups.set(key, [r]);
  }
  const meanOf = (g: CorrelationRow[], f: "pearson" | "spearman" | "kendall"): number => mean(g.map((r) => r[f]));
  return [...groups.values()].map((g) => ({
    seed: g[0].seed,
    target: "mean",
    scorer: g[0].scorer,
    truth: g[0].truth,
    subset: g[0].subset,
    n: g.filter((r) => Number.isFinite(r.pearson)).length,
    pearson: meanOf(g, "pearson"),
    spearman: meanOf(g, "spearman"),
    kendall: meanOf(g, "kendall"),
  }));
}
