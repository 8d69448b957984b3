export { Adder, fsum } from "./fsum";
export { ranks } from "./ranks";
export { pearson } from "./pearson";
export { spearman } from "./spearman";
export { kendall } from "./kendall";
export { meanAndSpread, tQuantile975, type MeanAndSpread } from "./mean-spread";
export { lowerMedian, mean, median, type MaybeNumbers } from "./finite-stats";
export { argmaxMask, rankOf, regret } from "./rank-of";
export {
  bootstrapMean,
  bootstrapRatio,
  pairedDifference,
  type BootstrapOptions,
  type Interval,
  type PairedComparison,
} from "./bootstrap";
