import type { Claims } from "../../results/claims";
import { CORRELATION, ColumnFormat, withInterval } from "./column-format";
import type { TableRow } from "./dataframe";
import { intervalCells } from "./interval-cells";
import type { TableDisplay } from "./table-display";

/** Columns of the claim-1 table: r of each scorer vs the mixture fine-tunes (val loss, no singletons). */
export const CLAIM1_COLUMNS = ["target", "merged", "cosine", "l2"] as const;

export const CLAIM1_LABELS: Record<string, string> = {
  target: "target",
  merged: "merged model r",
  cosine: "cosine r",
  l2: "L2 r",
};

export const CLAIM1_FORMATS: Record<string, ColumnFormat> = {
  merged: withInterval(CORRELATION),
  cosine: withInterval(CORRELATION),
  l2: withInterval(CORRELATION),
};

export const CLAIM1_DISPLAY: TableDisplay = { columns: CLAIM1_COLUMNS, labels: CLAIM1_LABELS, formats: CLAIM1_FORMATS };

/**
 * Claim 1 as rows: the merged model's Pearson r with the mixture fine-tunes' validation loss (non-singleton
 * mixtures) per target (interval over that target's seeds), then a `target: "mean"` row over targets ×
 * seeds with the similarity baselines' r beside it (the claims hold the baselines' r for the mean only).
 *
 * @example
 * showTable(claim1Rows(claimsOf(results)!), CLAIM1_DISPLAY);
 */
export function claim1Rows(claims: Claims): TableRow[] {
  const rows: TableRow[] = claims.perTarget.map((p) => ({
    target: p.target,
    ...intervalCells("merged", p.r),
    ...intervalCells("cosine", undefined),
    ...intervalCells("l2", undefined),
  }));
  rows.push({
    target: "mean",
    ...intervalCells("merged", claims.claim1),
    ...intervalCells("cosine", claims.similarityR.cosine),
    ...intervalCells("l2", claims.similarityR.l2),
  });
  return rows;
}
