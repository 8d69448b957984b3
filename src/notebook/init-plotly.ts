import { plotlyScriptTag } from "../report/plotly-lib";
import { displaySink } from "./display";

/**
 * Embed plotly.js once in the notebook (~4.6 MB of output; works offline and in exported HTML). Run it
 * in the first cell that shows figures or widgets; it is safe to run again after a kernel restart.
 *
 * @example
 * import { initPlotly, showFigure } from "./src/notebook";
 * initPlotly();
 */
export function initPlotly(): void {
  displaySink().display().html(plotlyScriptTag());
}
