export {
  hasGroundTruth,
  type BaseRow,
  type CorrelationRow,
  type CostRow,
  type MethodName,
  type MixtureRow,
  type RunResults,
  type ScorerName,
  type SelectionRow,
  type SingleRow,
} from "./results";
export { seedAveragedTruth, type SeedAveragedTruth } from "./seed-averaged-truth";
export { claimsOf, type Claims, type MethodPower, type SurrogatePower } from "./claims";
export { signalChecks, type SignalCheckRow } from "./signal-checks";
export {
  rankMixtures,
  recommendationsOf,
  scoredMixtureRow,
  TOP_MIXTURES,
  type BaselineName,
  type BaselinePick,
  type Recommendation,
  type ScoredMixture,
} from "./recommendation";
export { recommendedCell, type GridCell } from "./grid-cell";
export type { FinalModel, SelectionResult } from "./selection-result";
export type { SurrogateRow } from "./surrogate-row";
export type { TaskVectorRow } from "./task-vector-row";
export { pickSizes, taskVectorSummary, topQuarterSpearman, type TaskVectorSummary } from "./diagnostics";
export type { WeightedRow, WeightedTruth } from "./weighted-row";
export type { WeightedGrid } from "./weighted-grid";
export { IncompleteRunError, readRunResults } from "./read-results";
export { toCSV, writeRunResults } from "./write-results";
export {
  cellName,
  formatClaims,
  formatDiagnostics,
  formatGrid,
  formatInterval,
  formatNumber,
  formatSelection,
  formatSummary,
  formatVerified,
  formatVerifyFrontier,
  formatWeighted,
  pct,
  proportionsText,
  recommendationLine,
  weightedVsBinaryText,
  weightsText,
  type NumberFormat,
} from "./text/index";
export {
  verifyFrontier,
  type FrontierOptions,
  type VerifyCurve,
  type VerifyFrontier,
  type VerifyPoint,
} from "./verify-frontier";
export type { Verified, VerifiedMixture } from "./verified";
export {
  weightedTruthIntervals,
  weightedVsBinary,
  type WeightedArm,
  type WeightedTruthIntervals,
  type WeightedVsBinary,
} from "./weighted-vs-binary";
