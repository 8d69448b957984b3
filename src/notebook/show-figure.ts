import { Figure } from "../report/figure";
import { figureHtml } from "../report/figure-html";
import { InvalidArgumentError } from "../util/errors";
import { displaySink } from "./display";

/**
 * Show a Plotly figure inline (needs `initPlotly()` once in the notebook).
 *
 * @example
 * showFigure(correlationOverview(results));
 */
export function showFigure(fig: Figure, options: { height?: number } = {}): void {
  if (!fig || !Array.isArray(fig.data))
    throw new InvalidArgumentError("fig", fig, "a Plotly figure { data: [...], layout: {...} }");
  displaySink()
    .display()
    .html(figureHtml({ data: fig.data, layout: fig.layout ?? {}, config: fig.config }, options));
}

/**
 * Show a static image inline (e.g. the bytes of `renderFigure(fig)`), visible where page scripts do not run (GitHub).
 *
 * @example
 * showPng(await renderFigure(fig));
 */
export function showPng(bytes: Uint8Array): void {
  const d = displaySink().display();
  if (d.png) d.png(bytes);
  else d.html(`<img src="data:image/png;base64,${Buffer.from(bytes).toString("base64")}">`);
}
