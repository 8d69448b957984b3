export type { TableRow } from "./dataframe";
export { toDataFrame } from "./dataframe";
export { METHOD_COLUMNS, SELECTION_COLUMNS, SELECTION_LABELS, selectionRows, selectionTable } from "./selection-table";
export type { CorrelationTableOptions } from "./correlation-table";
export { CORRELATION_COLUMNS, CORRELATION_LABELS, SCORER_ORDER, correlationRows, correlationTable } from "./correlation-table";
export { COST_COLUMNS, COST_LABELS, costRows, costTable } from "./cost-table";
export type { TableHtmlOptions } from "./table-html";
export { formatCell, tableHtml } from "./table-html";
export { RECOMMENDATION_COLUMNS, RECOMMENDATION_LABELS, TOP_MIXTURE_COLUMNS, TOP_MIXTURE_LABELS, recommendationRows, recommendationTable, topMixtureRows, topMixturesTable } from "./recommendation-table";
