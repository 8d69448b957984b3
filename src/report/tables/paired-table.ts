import type { Claims } from "../../results/claims";
import { COUNT, ColumnFormat, POINTS, withInterval } from "./column-format";
import type { TableRow } from "./dataframe";
import { METHOD_TITLES, intervalCells } from "./interval-cells";
import type { TableDisplay } from "./table-display";

/** Columns of the paired comparisons (Merge to Mix − each baseline). */
export const PAIRED_COLUMNS = ["against", "difference", "wins", "ties", "losses"] as const;

export const PAIRED_LABELS: Record<string, string> = {
  against: "Merge to Mix − …",
  difference: "test accuracy difference (points)",
  wins: "wins",
  ties: "ties",
  losses: "losses",
};

export const PAIRED_FORMATS: Record<string, ColumnFormat> = {
  difference: withInterval({ ...POINTS, sign: true }),
  wins: COUNT,
  ties: COUNT,
  losses: COUNT,
};

export const PAIRED_DISPLAY: TableDisplay = { columns: PAIRED_COLUMNS, labels: PAIRED_LABELS, formats: PAIRED_FORMATS };

/**
 * Merge to Mix paired against each baseline, by target and seed: the mean test-accuracy difference
 * (a fraction, with its 95% interval) and the targets it wins, ties and loses.
 *
 * @example
 * showTable(pairedRows(claimsOf(results)!), PAIRED_DISPLAY);
 */
export function pairedRows(claims: Claims): TableRow[] {
  return claims.paired.map((p) => ({
    against: METHOD_TITLES[p.against] ?? p.against,
    ...intervalCells("difference", p),
    wins: p.wins,
    ties: p.ties,
    losses: p.losses,
  }));
}
