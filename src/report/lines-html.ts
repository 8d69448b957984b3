import { escapeHtml } from "./html";

/**
 * Text lines (e.g. the terminal's claim lines) as one escaped `<pre>` that wraps long lines instead of
 * overflowing a notebook column or a page, keeping their exact wording.
 *
 * @example
 * linesHtml(formatClaims(claimsOf(results)!));
 */
export function linesHtml(lines: readonly string[]): string {
  return (
    `<pre class="m2m-lines" style="white-space:pre-wrap;overflow-wrap:anywhere;max-width:100%;font-size:12.5px;line-height:1.45;` +
    `background:#f7f7f7;border:1px solid #e3e3e3;border-radius:4px;padding:8px 10px;margin:6px 0 14px">${escapeHtml(lines.join("\n"))}</pre>`
  );
}
