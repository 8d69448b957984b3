import type { DataFrame } from "danfojs-node";
import { mixtureName } from "../../data/mixture-name";
import type { Recommendation, ScoredMixture } from "../../results/recommendation";
import { COUNT, ColumnFormat, LOSS, PERCENT } from "./column-format";
import { TableRow, toDataFrame } from "./dataframe";
import type { TableDisplay } from "./table-display";

const name = (m: Pick<ScoredMixture, "members"> | undefined): string => (m ? mixtureName(m.members) : "–");

/** Columns of the recommendation table (one row per target and seed). */
export const RECOMMENDATION_COLUMNS = [
  "target",
  "recommended",
  "merged_val_loss",
  "merged_val_acc",
  "cosine",
  "l2",
  "best_single",
  "all",
  "evaluations",
  "mixtures",
] as const;

/** Display labels: every score is a merged-model score, not a fine-tuned truth. */
export const RECOMMENDATION_LABELS: Record<string, string> = {
  target: "target",
  recommended: "recommended mixture",
  merged_val_loss: "merged val loss",
  merged_val_acc: "merged val acc %",
  cosine: "cosine pick",
  l2: "L2 pick",
  best_single: "best single",
  all: "all (merged val loss)",
  evaluations: "merge-evaluations",
  mixtures: "mixtures",
};

/** Losses with 3 decimals, accuracy in percent (1 decimal): as `merge-to-mix select` prints them. */
export const RECOMMENDATION_FORMATS: Record<string, ColumnFormat> = {
  merged_val_loss: LOSS,
  merged_val_acc: PERCENT,
  all: LOSS,
  evaluations: COUNT,
  mixtures: COUNT,
};

/** The recommendation table's display. */
export const RECOMMENDATION_DISPLAY: TableDisplay = {
  columns: RECOMMENDATION_COLUMNS,
  labels: RECOMMENDATION_LABELS,
  formats: RECOMMENDATION_FORMATS,
};

/**
 * One row per recommendation: the recommended mixture and its merged val loss and accuracy, each
 * baseline's pick, and how many merge-evaluations it took out of how many mixtures. No truth involved.
 *
 * @example
 * recommendationRows(recommendationsOf(results));
 */
export function recommendationRows(recs: readonly Recommendation[]): TableRow[] {
  return recs.map((r) => {
    const pick = (m: string) => r.baselines.find((b) => b.method === m);
    const all = pick("all");
    return {
      target: r.target,
      recommended: name(r.recommended),
      merged_val_loss: r.recommended.merged_val_loss,
      merged_val_acc: r.recommended.merged_val_acc,
      cosine: name(pick("cosine")),
      l2: name(pick("l2")),
      best_single: name(pick("best-single")),
      all: all ? all.merged_val_loss : NaN,
      evaluations: r.cost.merge_evals,
      mixtures: r.search.mixtures,
    };
  });
}

/** The recommendation table as a danfo DataFrame (see {@link recommendationRows}). */
export function recommendationTable(recs: readonly Recommendation[]): DataFrame {
  return toDataFrame(recommendationRows(recs), RECOMMENDATION_COLUMNS);
}

/** Columns of the top-mixtures table. */
export const TOP_MIXTURE_COLUMNS = [
  "rank",
  "mixture",
  "size",
  "merged_val_loss",
  "merged_val_acc",
  "picked_by",
] as const;
export const TOP_MIXTURE_LABELS: Record<string, string> = {
  rank: "#",
  mixture: "mixture",
  size: "size",
  merged_val_loss: "merged val loss",
  merged_val_acc: "merged val acc %",
  picked_by: "also picked by",
};

/** Losses with 3 decimals, accuracy in percent. */
export const TOP_MIXTURE_FORMATS: Record<string, ColumnFormat> = {
  rank: COUNT,
  size: COUNT,
  merged_val_loss: LOSS,
  merged_val_acc: PERCENT,
};

/** The top-mixtures table's display. */
export const TOP_MIXTURE_DISPLAY: TableDisplay = {
  columns: TOP_MIXTURE_COLUMNS,
  labels: TOP_MIXTURE_LABELS,
  formats: TOP_MIXTURE_FORMATS,
};

/**
 * The best mixtures of one recommendation by merged-model score, best first, with the baselines that
 * picked the same mixture.
 *
 * @example
 * showTable(topMixturesTable(selection), { labels: TOP_MIXTURE_LABELS });
 */
export function topMixtureRows(rec: Recommendation): TableRow[] {
  return rec.top.map((m, i) => ({
    rank: i + 1,
    mixture: name(m),
    size: m.size,
    merged_val_loss: m.merged_val_loss,
    merged_val_acc: m.merged_val_acc,
    picked_by: rec.baselines
      .filter((b) => b.mask === m.mask)
      .map((b) => b.method)
      .join(", "),
  }));
}

/** The top-mixtures table as a danfo DataFrame (see {@link topMixtureRows}). */
export function topMixturesTable(rec: Recommendation): DataFrame {
  return toDataFrame(topMixtureRows(rec), TOP_MIXTURE_COLUMNS);
}
