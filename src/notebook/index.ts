export type { NotebookDisplay, DisplaySink } from "./display";
export { NotInNotebookError, displaySink, setDisplaySink } from "./display";
export { initPlotly } from "./init-plotly";
export { showFigure, showPng } from "./show-figure";
export { showHtml } from "./show-html";
export type { TableLike } from "./show-table";
export { showTable, tableRows } from "./show-table";
export type { NotebookProgressOptions } from "./progress";
export { notebookProgress } from "./progress";
