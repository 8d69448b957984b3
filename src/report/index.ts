export { escapeHtml, jsonForScript, uniqueId } from "./html";
export type { MixturePoint } from "./points";
export { mixturePoints } from "./points";
export type { Figure } from "./figure";
export type { FigureHtmlOptions } from "./figure-html";
export { figureHtml, inlineFigure } from "./figure-html";
export { linesHtml } from "./lines-html";
export { plotlySource, plotlyScriptTag } from "./plotly-lib";
export type { PageOptions } from "./page";
export { htmlPage, PAGE_CSS } from "./page";
export {
  CLAIM1_DISPLAY,
  claim1Rows,
  CORRELATION,
  CORRELATION_DISPLAY,
  correlationRows,
  correlationTable,
  COST_COLUMNS,
  COST_DISPLAY,
  costRows,
  costTable,
  COUNT,
  displayFor,
  formatCell,
  KNOWN_DISPLAYS,
  LOSS,
  METHOD_POWER_DISPLAY,
  methodPowerRows,
  PAIRED_DISPLAY,
  pairedRows,
  PERCENT,
  POINTS,
  RANK,
  RECOMMENDATION_DISPLAY,
  recommendationRows,
  recommendationTable,
  SELECTION_COLUMNS,
  SELECTION_DISPLAY,
  selectionRows,
  selectionTable,
  SPEEDUP,
  SURROGATE_DISPLAY,
  surrogateRows,
  TABLE_CSS,
  tableHtml,
  TOP_MIXTURE_DISPLAY,
  topMixtureRows,
  topMixturesTable,
  WEIGHTED_COLUMNS,
  WEIGHTED_DISPLAY,
  weightedRows,
  withInterval,
  type ColumnFormat,
  type CorrelationTableOptions,
  type TableDisplay,
  type TableHtmlOptions,
  type TableRow,
} from "./tables/index";
export {
  claim1Chart,
  correlationOverview,
  methodPowerChart,
  perTargetPanels,
  similarityPanels,
  surrogateChart,
  topMixturesChart,
  verifyFrontierChart,
  weightedSimplexFigure,
  weightedTruthChart,
  taskVectorHeatmap,
  mixtureVsSumChart,
  type PanelOptions,
  type ScatterOptions,
} from "./figures/index";
export type { RenderOptions, FigureRenderer } from "./render";
export { CHROMIUM_FLAGS, chromiumPath, openFigureRenderer, renderFigure } from "./render";
export { IncompleteRunError, readRunResults } from "../results/read-results";
