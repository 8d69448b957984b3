import { escapeHtml } from "../html";
import { ColumnFormat, formatCell } from "./column-format";
import { TableRow } from "./dataframe";
import { displayFor } from "./known-displays";

export { formatCell } from "./column-format";
export { TABLE_CSS } from "./table-css";

export interface TableHtmlOptions {
  /** Columns to show, in order (default: the keys of the first row, or the matching report table's columns). */
  columns?: readonly string[];
  /** Header label per column (default: the matching report table's labels, else the column name). */
  labels?: Readonly<Record<string, string>>;
  /** Display format per column (default: the matching report table's formats); see `ColumnFormat`. */
  formats?: Readonly<Record<string, ColumnFormat>>;
  /** Decimals for numbers of columns without a format (default 3). */
  digits?: number;
  /** Optional caption above the table. */
  caption?: string;
}

/**
 * An escaped HTML `<table>` from rows (every cell and header is escaped; numbers right-aligned). A table
 * the report layer makes (matched by its column set, see `displayFor`) gets that table's labels and
 * formats unless you pass your own, so accuracies read in percent everywhere, as in the terminal. The table
 * sits in a `div.m2m-scroll` box that never gets wider than its column: a table too wide for a narrow
 * window scrolls inside it instead of running past the column.
 *
 * @example
 * tableHtml(selectionRows(results));                              // percent, points, ranks with 1 decimal
 * tableHtml(rows, { formats: { val_acc: PERCENT }, labels: { val_acc: "val acc %" } });
 */
export function tableHtml(rows: readonly TableRow[], options: TableHtmlOptions = {}): string {
  const rawColumns = options.columns ?? (rows.length ? Object.keys(rows[0]) : []);
  const known = displayFor(rawColumns);
  const columns = options.columns ?? known?.columns ?? rawColumns;
  const labels = options.labels ?? known?.labels ?? {};
  const formats = options.formats ?? known?.formats ?? {};
  const digits = options.digits ?? 3;
  // text wraps at spaces only: a name like "hershey-digits" is never split at its hyphen
  const cell = (v: unknown, c: string, r: TableRow) => {
    const text = formatCell(v, formats[c] ?? digits, r, c);
    return typeof v === "string" && /-/.test(text) && /\s/.test(text)
      ? text
          .split(/(\s+)/)
          .map((t) => (/-/.test(t) ? `<span class="m2m-nw">${escapeHtml(t)}</span>` : escapeHtml(t)))
          .join("")
      : escapeHtml(text);
  };
  const head = columns.map((c) => `<th>${escapeHtml(labels[c] ?? c)}</th>`).join("");
  const body = rows
    .map((r) => {
      const cls = r.target === "mean" || r.target === "all" ? ' class="m2m-summary"' : "";
      const cells = columns
        .map(
          (c) =>
            `<td${typeof r[c] === "number" ? ' style="text-align:right;white-space:nowrap"' : ""}>${cell(r[c], c, r)}</td>`,
        )
        .join("");
      return `<tr${cls}>${cells}</tr>`;
    })
    .join("");
  const caption = options.caption ? `<caption>${escapeHtml(options.caption)}</caption>` : "";
  return `<div class="m2m-scroll"><table class="m2m-table">${caption}<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}
