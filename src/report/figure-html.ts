import { Figure } from "./figure";
import { PANEL_GRID_JS } from "./figures/panel-grid";
import { jsonForScript, uniqueId } from "./html";

export interface FigureHtmlOptions {
  /** Height of the plot in CSS pixels (default: layout.height or 420). */
  height?: number;
  /** DOM id of the plot div (default: a fresh unique id). */
  id?: string;
}

/**
 * The figure as it is drawn inline: the layout's fixed `width` (kept for PNG export) is dropped and the
 * plot autosizes to its container, so a figure never overflows a notebook column or a page; the height stays.
 *
 * @example
 * inlineFigure(correlationOverview(results)).layout.width;   // undefined
 */
export function inlineFigure(fig: Figure): Figure {
  const { width: _width, ...layout } = fig.layout ?? {};
  return {
    data: fig.data,
    layout: { ...layout, autosize: true },
    config: { displaylogo: false, ...(fig.config ?? {}), responsive: true },
  };
}

/**
 * A `<div>` + `<script>` that draws `fig` once `window.Plotly` exists (embedded by `plotlyScriptTag()`
 * or `initPlotly()`); after 15 s without it the div says so instead of staying blank. The plot fills the
 * width of its container (see `inlineFigure`) and follows it when the window is resized; a panel grid
 * (layout.meta.m2mGrid) is laid out for the container's width, wrapping to fewer columns when it is narrow,
 * and then sets its own height (`height` applies to other figures).
 *
 * @example
 * const html = figureHtml({ data: [{ x: [1, 2], y: [3, 4], type: "scatter" }], layout: {} });
 */
export function figureHtml(fig: Figure, options: FigureHtmlOptions = {}): string {
  const id = options.id ?? uniqueId("m2m-fig");
  const layoutHeight = typeof fig.layout?.height === "number" ? fig.layout.height : undefined;
  const height = options.height ?? layoutHeight ?? 420;
  const inline = inlineFigure(fig);
  const grid = !!(inline.layout.meta as { m2mGrid?: unknown } | undefined)?.m2mGrid;
  if (!grid) inline.layout.height = height;
  return (
    `<div id="${id}" class="m2m-figure" style="width:100%;max-width:100%;height:${height}px;min-width:240px"></div>` +
    `<script>(function(){var f=${jsonForScript(inline)};var t=0;${grid ? PANEL_GRID_JS : ""}` +
    `function lay(el){${grid ? `var L=m2mPanelGrid(f.layout,el.clientWidth||960);el.style.height=L.height+"px";return L;` : "return f.layout;"}}` +
    `function go(){var el=document.getElementById(${jsonForScript(id)});if(!el)return;` +
    `if(window.Plotly){var c=f.config||{responsive:true};window.Plotly.newPlot(el,f.data,lay(el),c);` +
    (grid
      ? `var tm;window.addEventListener("resize",function(){clearTimeout(tm);tm=setTimeout(function(){if(document.body.contains(el))window.Plotly.react(el,f.data,lay(el),c);},150);});`
      : "") +
    `}else if(++t<300){setTimeout(go,50);}` +
    `else{el.textContent="plotly.js is not loaded: run initPlotly() once in this notebook, then re-run this cell.";}}go();})();</script>`
  );
}
