import type { ColumnFormat } from "./column-format";

/**
 * How a table is shown: its columns in order, their header labels and their formats. Pass it to
 * `tableHtml` or `showTable` (`showTable(selectionTable(results), SELECTION_DISPLAY)`); the rows stay plain data.
 */
export interface TableDisplay {
  readonly columns: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
  readonly formats: Readonly<Record<string, ColumnFormat>>;
}
