/** The published page: the report that composes tables, figures and widgets, and its claims and weighted sections. */
export { claimsHtml } from "./claims-section";
export { diagnosticsFigures, diagnosticsHtml, diagnosticsLines } from "./diagnostics-section";
export { gridSummary, weightedHtml } from "./weighted-section";
export type { ReportExtras, WriteReportOptions } from "./write-report";
export { reportFigures, writeReport } from "./write-report";
