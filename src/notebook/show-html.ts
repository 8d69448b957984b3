import { displaySink } from "./display";

/**
 * Show raw HTML inline, e.g. a widget (`mixtureExplorer(results)`); needs `initPlotly()` for widgets.
 *
 * @example
 * showHtml(mixtureExplorer(results));
 */
export function showHtml(html: string): void {
  displaySink().display().html(String(html));
}
