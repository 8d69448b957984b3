export {
  Adder, argmaxMask, bootstrapMean, bootstrapRatio, fsum, kendall, lowerMedian, mean, meanAndSpread, median,
  pairedDifference, pearson, rankOf, ranks, regret, spearman, tQuantile975, type BootstrapOptions, type Interval,
  type MaybeNumbers, type MeanAndSpread, type PairedComparison,
} from "./metrics/index";
export { cosineSimilarity, l2Distance, meanUnitEmbedding, type Embeddings, type L2Options } from "./similarity";
export {
  mixtureSimilarity, similarityPick, type MixtureRule, type MixtureSimilarityOptions,
} from "./mixture-similarity";
export { pickMixtures, type MethodName, type SelectionInput, type SelectionRow } from "./select";
export {
  correlations, meanCorrelations, type CorrelationInput, type CorrelationRow, type ScorerName,
} from "./correlations";
export {
  beamSearch, chooseSearch, compareSearch, Evaluator, evolutionarySearch, exhaustiveSearch, fitSurrogate,
  greedyBackward, greedyForward, predictSurrogate, runSearch, SEARCH_NAMES, surrogateSearch, type BeamOptions,
  type EvolutionaryOptions, type GreedyBackwardOptions, type GreedyForwardOptions, type Objective,
  type SearchChoice, type SearchComparisonRow, type SearchName, type SearchOptions, type SearchResult,
  type Strategy, type SurrogateFit, type SurrogateOptions, type TraceEntry,
} from "./search/index";
export {
  simplexSearch, uniformOver, type SimplexSearchOptions, type WeightedPoint, type WeightedSearchResult,
} from "./weighted/index";
export { selectionScore, type SelectionScore } from "./selection-score";
export { ensembleScores, softmaxRows } from "./ensemble-scores";
export {
  adaptiveNext, adaptiveOrder, checkVerifyCount, DEFAULT_SHORTLIST, portfolioOrder, randomBestOfK, rankedMasks,
  SHORTLIST_STRATEGIES, shortlistOrder, shortlistStrategy, sizesOrder, topOrder, type ShortlistInput,
  type ShortlistStrategy, type VerifiedScore,
} from "./verify/index";
