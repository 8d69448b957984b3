import { Figure } from "./figure";
import { jsonForScript, uniqueId } from "./html";

export interface FigureHtmlOptions {
  /** Height of the plot in CSS pixels (default: layout.height or 420). */
  height?: number;
  /** DOM id of the plot div (default: a fresh unique id). */
  id?: string;
}

/**
 * A `<div>` + `<script>` that draws `fig` once `window.Plotly` exists (embedded by `plotlyScriptTag()`
 * or `initPlotly()`); after 15 s without it the div says so instead of staying blank.
 *
 * @example
 * const html = figureHtml({ data: [{ x: [1, 2], y: [3, 4], type: "scatter" }], layout: {} });
 */
export function figureHtml(fig: Figure, options: FigureHtmlOptions = {}): string {
  const id = options.id ?? uniqueId("m2m-fig");
  const layoutHeight = typeof fig.layout.height === "number" ? fig.layout.height : undefined;
  const height = options.height ?? layoutHeight ?? 420;
  return (
    `<div id="${id}" class="m2m-figure" style="height:${height}px;min-width:300px"></div>` +
    `<script>(function(){var f=${jsonForScript(fig)};var t=0;` +
    `function go(){var el=document.getElementById(${jsonForScript(id)});if(!el)return;` +
    `if(window.Plotly){window.Plotly.newPlot(el,f.data,f.layout||{},f.config||{responsive:true});}` +
    `else if(++t<300){setTimeout(go,50);}` +
    `else{el.textContent="plotly.js is not loaded: run initPlotly() once in this notebook, then re-run this cell.";}}go();})();</script>`
  );
}
