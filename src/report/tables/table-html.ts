import { escapeHtml } from "../html";
import { TableRow } from "./dataframe";

export interface TableHtmlOptions {
  /** Columns to show, in order (default: the keys of the first row). */
  columns?: readonly string[];
  /** Header label per column (default: the column name). */
  labels?: Record<string, string>;
  /** Decimals for non-integer numbers (default 3). */
  digits?: number;
  /** Optional caption above the table. */
  caption?: string;
}

/** Format one cell: integers as is, other numbers with `digits` decimals, NaN as an en dash. */
export function formatCell(value: unknown, digits = 3): string {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return "–";
    return Number.isInteger(value) ? value.toLocaleString("en-US") : value.toFixed(digits);
  }
  return value == null ? "–" : String(value);
}

/**
 * An escaped HTML `<table>` from rows (every cell and header is escaped; numbers right-aligned).
 *
 * @example
 * tableHtml(selectionRows(results), { labels: SELECTION_LABELS });
 */
export function tableHtml(rows: readonly TableRow[], options: TableHtmlOptions = {}): string {
  const columns = options.columns ?? (rows.length ? Object.keys(rows[0]) : []);
  const labels = options.labels ?? {};
  const digits = options.digits ?? 3;
  const head = columns.map((c) => `<th>${escapeHtml(labels[c] ?? c)}</th>`).join("");
  const body = rows
    .map((r) => {
      const cls = r.target === "mean" || r.target === "all" ? ' class="m2m-summary"' : "";
      const cells = columns
        .map((c) => `<td${typeof r[c] === "number" ? ' style="text-align:right"' : ""}>${escapeHtml(formatCell(r[c], digits))}</td>`)
        .join("");
      return `<tr${cls}>${cells}</tr>`;
    })
    .join("");
  const caption = options.caption ? `<caption>${escapeHtml(options.caption)}</caption>` : "";
  return `<table class="m2m-table">${caption}<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}
