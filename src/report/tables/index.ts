export type { TableRow } from "./dataframe";
export { toDataFrame } from "./dataframe";
export type { ColumnFormat } from "./column-format";
export {
  CORRELATION,
  COUNT,
  LOSS,
  PERCENT,
  POINTS,
  RANK,
  RATIO,
  SECONDS,
  SPEEDUP,
  formatCell,
  withInterval,
} from "./column-format";
export type { TableDisplay } from "./table-display";
export { KNOWN_DISPLAYS, displayFor } from "./known-displays";
export { METHOD_TITLES, intervalCells } from "./interval-cells";
export {
  METHOD_COLUMNS,
  SELECTION_COLUMNS,
  SELECTION_DISPLAY,
  SELECTION_FORMATS,
  SELECTION_LABELS,
  selectionRows,
  selectionTable,
} from "./selection-table";
export type { CorrelationTableOptions } from "./correlation-table";
export {
  CORRELATION_COLUMNS,
  CORRELATION_DISPLAY,
  CORRELATION_FORMATS,
  CORRELATION_LABELS,
  SCORER_ORDER,
  correlationRows,
  correlationTable,
} from "./correlation-table";
export { COST_COLUMNS, COST_DISPLAY, COST_FORMATS, COST_LABELS, costRows, costTable } from "./cost-table";
export type { TableHtmlOptions } from "./table-html";
export { TABLE_CSS, tableHtml } from "./table-html";
export {
  RECOMMENDATION_COLUMNS,
  RECOMMENDATION_DISPLAY,
  RECOMMENDATION_FORMATS,
  RECOMMENDATION_LABELS,
  TOP_MIXTURE_COLUMNS,
  TOP_MIXTURE_DISPLAY,
  TOP_MIXTURE_FORMATS,
  TOP_MIXTURE_LABELS,
  recommendationRows,
  recommendationTable,
  topMixtureRows,
  topMixturesTable,
} from "./recommendation-table";
export {
  METHOD_POWER_COLUMNS,
  METHOD_POWER_DISPLAY,
  METHOD_POWER_FORMATS,
  METHOD_POWER_LABELS,
  methodPowerRows,
} from "./method-power-table";
export { PAIRED_COLUMNS, PAIRED_DISPLAY, PAIRED_FORMATS, PAIRED_LABELS, pairedRows } from "./paired-table";
export {
  SURROGATE_COLUMNS,
  SURROGATE_DISPLAY,
  SURROGATE_FORMATS,
  SURROGATE_LABELS,
  surrogateRows,
} from "./surrogate-table";
export { CLAIM1_COLUMNS, CLAIM1_DISPLAY, CLAIM1_FORMATS, CLAIM1_LABELS, claim1Rows } from "./claim1-table";
export { WEIGHTED_COLUMNS, WEIGHTED_DISPLAY, WEIGHTED_FORMATS, WEIGHTED_LABELS, weightedRows } from "./weighted-table";
