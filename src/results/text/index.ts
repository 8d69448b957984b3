export { formatSummary } from "./summary";
export { formatClaims, formatInterval } from "./claims-text";
export { formatWeighted, proportionsText, weightedVsBinaryText, weightsText } from "./weighted-text";
export { recommendationLine } from "./recommendation-text";
export { formatSelection } from "./selection-text";
export { formatGrid } from "./grid-text";
export { formatNumber, pct, type NumberFormat } from "./numbers";
export { formatVerifyFrontier } from "./verify-text";
export { formatVerified } from "./verified-text";
