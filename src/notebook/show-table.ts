import { TableHtmlOptions, TableRow, tableHtml } from "../report/tables/index";
import { InvalidArgumentError } from "../util/errors";
import { displaySink } from "./display";

/** Something with rows: plain rows, a danfo DataFrame, or an arquero table. */
export type TableLike =
  | readonly TableRow[]
  | { columns: string[]; values: unknown }
  | { objects(): object[]; columnNames(): string[] };

/** Rows and columns of any TableLike. */
export function tableRows(table: TableLike): { rows: TableRow[]; columns: string[] } {
  if (Array.isArray(table)) return { rows: table as TableRow[], columns: table.length ? Object.keys(table[0]) : [] };
  const t = table as Record<string, unknown>;
  if (typeof t.objects === "function" && typeof t.columnNames === "function") {
    const a = table as { objects(): object[]; columnNames(): string[] };
    return { rows: a.objects() as TableRow[], columns: a.columnNames() };
  }
  if (Array.isArray(t.columns) && Array.isArray(t.values)) {
    const columns = t.columns as string[];
    const rows = (t.values as unknown[][]).map((v) => Object.fromEntries(columns.map((c, i) => [c, v[i] as number | string])));
    return { rows, columns };
  }
  throw new InvalidArgumentError("table", table, "rows (an array of objects), a danfo DataFrame or an arquero table");
}

/**
 * Show a table inline as escaped HTML (numbers to `digits` decimals, NaN as –).
 *
 * @example
 * showTable(selectionTable(results), { labels: SELECTION_LABELS, caption: "Selected-mixture test accuracy" });
 */
export function showTable(table: TableLike, options: TableHtmlOptions = {}): void {
  const { rows, columns } = tableRows(table);
  displaySink().display().html(tableHtml(rows, { columns, ...options }));
}
