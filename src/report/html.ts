/**
 * Escaping for HTML text, HTML attributes and JSON embedded in `<script>`: every string that comes
 * from data (task, dataset or class names) goes through one of these before it reaches a page.
 */

/**
 * Escape text for HTML element content or a quoted attribute value.
 *
 * @example
 * escapeHtml('<script>alert("x")</script>'); // → "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"
 */
export function escapeHtml(value: unknown): string {
  return String(value)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/**
 * JSON that is safe inside an inline `<script>`: `<`, `>` and `&` become \u escapes (so `</script>` and
 * `<!--` cannot end or confuse the script element) and U+2028/U+2029 are escaped (old JS parsers treat
 * them as line ends inside string literals).
 *
 * @example
 * jsonForScript({ name: "</script>" }); // → '{"name":"\\u003c/script\\u003e"}'
 */
export function jsonForScript(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) return "null";
  return text
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

let counter = 0;
// Module-level counter + load time: unique within a page and across notebook cells even when the
// module is re-imported (the counter restarts but the time stamp differs). No randomness needed.
const stamp = Date.now().toString(36);

/**
 * A DOM id unique within a notebook or page.
 *
 * @example
 * uniqueId("m2m-fig"); // → "m2m-fig-lq3x9a-1"
 */
export function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix.replace(/[^A-Za-z0-9_-]/g, "")}-${stamp}-${counter}`;
}
