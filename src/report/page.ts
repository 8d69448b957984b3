import { escapeHtml } from "./html";
import { plotlyScriptTag } from "./plotly-lib";
import { TABLE_CSS } from "./tables/table-css";

export interface PageOptions {
  title?: string;
  /** Embed plotly.js in the page (default true): the page then works offline. */
  plotly?: boolean;
  /** Extra CSS. */
  css?: string;
}

/** CSS shared by the report and widget pages. */
export const PAGE_CSS = `body{font-family:system-ui,-apple-system,"DejaVu Sans",sans-serif;margin:24px;color:#222;max-width:1400px}
${TABLE_CSS}`;

/**
 * A complete standalone HTML document around `body` (plotly.js embedded once, so it works offline).
 *
 * @example
 * fs.writeFileSync("explorer.html", htmlPage(mixtureExplorer(results), { title: "Mixture explorer" }));
 */
export function htmlPage(body: string, options: PageOptions = {}): string {
  return (
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(options.title ?? "merge-to-mix")}</title>` +
    `<style>${PAGE_CSS}${options.css ?? ""}</style>` +
    (options.plotly === false ? "" : plotlyScriptTag()) +
    `</head><body>\n${body}\n</body></html>\n`
  );
}
