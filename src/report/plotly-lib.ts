import * as fs from "fs";
import { MissingDependencyError } from "../util/errors";

let cached: string | undefined;

/**
 * The plotly.js bundle (plotly.js-dist-min) as text, read once.
 *
 * @example
 * const js = plotlySource(); // ~4.6 MB of JavaScript
 */
export function plotlySource(): string {
  if (cached === undefined) {
    let path: string;
    try {
      path = require.resolve("plotly.js-dist-min");
    } catch (e) {
      throw new MissingDependencyError("plotly.js-dist-min", "npm ci", { cause: e });
    }
    cached = fs.readFileSync(path, "utf8");
  }
  return cached;
}

/**
 * One `<script>` element that defines `window.Plotly`, safe in the classic Notebook: `window.define` is
 * hidden while the UMD bundle runs, otherwise require.js captures it and `window.Plotly` stays undefined.
 * Loading twice is harmless (the second copy is skipped).
 *
 * @example
 * const html = `<head>${plotlyScriptTag()}</head>`;
 */
export function plotlyScriptTag(): string {
  const lib = plotlySource().replace(/<\/script/gi, "<\\/script");
  return (
    "<script>(function(){if(window.Plotly)return;var d=window.define;window.define=undefined;try{\n" +
    lib +
    "\n}finally{window.define=d;}})();</script>"
  );
}
