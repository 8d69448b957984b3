import { TABLE_CSS, TableHtmlOptions, TableRow, displayFor, tableHtml } from "../report/tables/index";
import { InvalidArgumentError } from "../util/errors";
import { displaySink } from "./display";

/** Something with rows: plain rows, a danfo DataFrame, or an arquero table. */
export type TableLike =
  readonly TableRow[] | { columns: string[]; values: unknown } | { objects(): object[]; columnNames(): string[] };

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
    const rows = (t.values as unknown[][]).map((v) =>
      Object.fromEntries(columns.map((c, i) => [c, v[i] as number | string])),
    );
    return { rows, columns };
  }
  throw new InvalidArgumentError("table", table, "rows (an array of objects), a danfo DataFrame or an arquero table");
}

/**
 * Show a table inline as escaped HTML, like the report shows it: a report table (matched by its columns)
 * gets its labels and formats (accuracies in percent, regrets in points, ranks and intervals as the terminal
 * prints them); other tables show numbers to `digits` decimals unless `formats` says otherwise. NaN is –.
 *
 * @example
 * showTable(selectionTable(results), { caption: "Selected-mixture test accuracy (%)" });
 * showTable(methodPowerRows(claimsOf(results)!), METHOD_POWER_DISPLAY);
 * showTable(rows, { formats: { val_acc: PERCENT }, labels: { val_acc: "val acc %" } });
 */
export function showTable(table: TableLike, options: TableHtmlOptions = {}): void {
  const { rows, columns } = tableRows(table);
  // the notebook has no report CSS: each table carries the (scoped) table styles
  displaySink()
    .display()
    .html(
      `<style>${TABLE_CSS}</style>` +
        tableHtml(rows, { ...options, columns: options.columns ?? displayFor(columns)?.columns ?? columns }),
    );
}
