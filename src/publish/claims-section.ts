import type { Claims } from "../results/claims";
import { formatClaims } from "../results/text/claims-text";
import { escapeHtml } from "../report/html";
import { linesHtml } from "../report/lines-html";
import {
  CLAIM1_DISPLAY,
  METHOD_POWER_DISPLAY,
  PAIRED_DISPLAY,
  SURROGATE_DISPLAY,
  claim1Rows,
  methodPowerRows,
  pairedRows,
  surrogateRows,
  tableHtml,
} from "../report/tables/index";

/**
 * The report's claims, as HTML: the terminal's claim lines (same wording), then the per-method table
 * (test accuracy %, regret in points, normalised regret, percentile rank, each with its 95% interval), the
 * paired comparisons, claim 1 per target and the surrogate comparison (when the run compared any).
 *
 * @example
 * const html = claimsHtml(claimsOf(results)!);
 */
export function claimsHtml(claims: Claims): string {
  const parts = [
    linesHtml(formatClaims(claims)),
    tableHtml(methodPowerRows(claims), {
      ...METHOD_POWER_DISPLAY,
      caption: "Each method's pick, judged on the seed-averaged truth (95% bootstrap intervals over targets × seeds)",
    }),
    tableHtml(pairedRows(claims), {
      ...PAIRED_DISPLAY,
      caption: "Merge to Mix paired against each baseline (same target and seed)",
    }),
    tableHtml(claim1Rows(claims), {
      ...CLAIM1_DISPLAY,
      caption: "Claim 1: Pearson r with the mixture fine-tunes' validation loss, non-singleton mixtures",
    }),
  ];
  parts.push(
    claims.surrogates.length
      ? tableHtml(surrogateRows(claims), {
          ...SURROGATE_DISPLAY,
          caption: "Surrogates over the same single fine-tunes (mean = Merge to Mix's uniform average)",
        })
      : `<p>${escapeHtml("This run compared no other surrogates (merge operators).")}</p>`,
  );
  return parts.join("\n");
}
