export { validateModels } from "./validate";
export { uniformMean } from "./uniform-mean";
export { weightedMean } from "./weighted-mean";
export { taskArithmetic } from "./task-arithmetic";
export { ties, tiesTrim, type TiesOptions } from "./ties";
export { dare, type DareOptions } from "./dare";
export { allMasks, flippedBit, grayCode, maskOf, membersOf, popcount } from "./subsets";
export { mergeMask, mergeMaskUnchecked } from "./merge-mask";
export { sweepLength, sweepSubsets, type SweepOptions, type SweepStep } from "./sweep";
export {
  CALIBRATION_LAMBDAS,
  DEFAULT_SURROGATES,
  MATCHED_FIT_K,
  MATCHED_SHRINKS,
  parseSurrogate,
  surrogateName,
  type Surrogate,
} from "./surrogate";
export { matchedCoefficients, matchedSweep, type MatchedBudget, type MatchedRule } from "./matched-coefficients";
export { cosineMatrix, mixtureVsSum, norm, relativeUpdate, taskCosine, type Ranges } from "./task-vectors";
