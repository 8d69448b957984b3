import { CLAIM1_DISPLAY } from "./claim1-table";
import { CORRELATION_DISPLAY } from "./correlation-table";
import { COST_DISPLAY } from "./cost-table";
import { METHOD_POWER_DISPLAY } from "./method-power-table";
import { PAIRED_DISPLAY } from "./paired-table";
import { RECOMMENDATION_DISPLAY, TOP_MIXTURE_DISPLAY } from "./recommendation-table";
import { SELECTION_DISPLAY } from "./selection-table";
import { SURROGATE_DISPLAY } from "./surrogate-table";
import type { TableDisplay } from "./table-display";
import { WEIGHTED_DISPLAY } from "./weighted-table";

/** Every table the report layer makes, so a table shown without options still looks like the report's. */
export const KNOWN_DISPLAYS: readonly TableDisplay[] = [
  SELECTION_DISPLAY,
  CORRELATION_DISPLAY,
  COST_DISPLAY,
  RECOMMENDATION_DISPLAY,
  TOP_MIXTURE_DISPLAY,
  METHOD_POWER_DISPLAY,
  PAIRED_DISPLAY,
  SURROGATE_DISPLAY,
  CLAIM1_DISPLAY,
  WEIGHTED_DISPLAY,
];

/**
 * The display of the report table whose columns these are (the same set, plus the COLUMN_lo / COLUMN_hi of
 * interval columns), or undefined for any other table. Tables are matched by their whole column set, never by
 * one column's name, so rows of your own with a `cosine` column are not mistaken for accuracies.
 *
 * @example
 * displayFor(selectionTable(results).columns) === SELECTION_DISPLAY;   // true
 */
export function displayFor(columns: readonly string[]): TableDisplay | undefined {
  const have = new Set(columns);
  return KNOWN_DISPLAYS.find((d) => {
    if (!d.columns.every((c) => have.has(c))) return false;
    const allowed = new Set(d.columns.flatMap((c) => (d.formats[c]?.interval ? [c, `${c}_lo`, `${c}_hi`] : [c])));
    return columns.every((c) => allowed.has(c));
  });
}
