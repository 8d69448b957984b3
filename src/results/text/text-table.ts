/**
 * A text table; `left` columns (default the first) are left-aligned, the rest right-aligned.
 *
 * @example
 * textTable(["mixture", "loss"], [["a+b", "0.412"]], 1);
 */
export function textTable(header: string[], rows: string[][], left = 1): string {
  const w = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (i < left ? c.padEnd(w[i]) : c.padStart(w[i])))
      .join("  ")
      .trimEnd();
  return [line(header), w.map((x) => "-".repeat(x)).join("  "), ...rows.map(line)].join("\n");
}
