/**
 * merge-to-mix: choose fine-tuning data mixtures by model merging (arXiv 2505.16066).
 * The pipeline, top to bottom: data → params → merge → model → evaluate → select → results → experiment → report → notebook.
 * Each layer's public names are listed by name: its index.ts exports what other layers, users and docs use.
 * Notebook helpers (tslab) live in "./notebook" and widgets in "../widgets"; they are not re-exported here so
 * the library loads outside a kernel without pulling them in.
 */
export {
  cacheDir, CacheFolderError, cacheSubdir, CorruptFileError, ensureWritableDir, hashSeed, InvalidArgumentError,
  isSourceCheckout, LayoutMismatchError, MergeToMixError, MissingDependencyError, NonFiniteError, normaliseWeights,
  packageRoot, Rng, setCacheDir, sha256Hex, silentProgress, TooLargeError, UnknownNameError, writeFileAtomic,
  type CacheKind, type Progress,
} from "./util/index";
export {
  buildData, cachePath, checkImageFolderSizes, checkPreset, conceptMap, datasetsFromList, decodePgm, decodePng,
  describeSuites, documentIds, encodePng, featurizeText, featurizeTexts, featurizeWords, fnv1a,
  glossSentimentExamples, HERSHEY_EVAL_FONTS, HERSHEY_TRAIN_FONTS, hersheyDigitsSpec, imageGrid,
  isDatasetConfigPath, isTextTask, labelConcepts, loadGlossSentimentTask, loadMnistPool, loadPreparedTask,
  loadSuite, loadText8Tasks, loadTextPretrainData, loadVisionPretrainData, makeSuite, manifestEntry, mixtureName,
  mnistSpec, packageDir, PRESET_NAMES, PRETRAIN_EXCLUDED_CATEGORIES, pretrainCategories, pretrainPool, QD_ANIMALS,
  QD_CLOTHING, QD_SHAPES, QD_VEHICLES, quickdrawCategories, readCachedTask, readDatasetConfig, readManifest,
  registerDatasetSuite, registerSuite, registerSyntheticSuite, resizeImage, serializePrepared, SPLIT_NAMES,
  suiteNames, taskFromArrays, taskFromCSV, taskFromImageFolder, taskFromTextFolder, taskSha, TEXT8_LABELS,
  TEXT8_TASKS, text8Concepts, tokenizeWords, uciDigitsSpec, verifyData, VISION8_SIZES, VISION8_TASKS, wordBucket,
  type CacheRead, type ConceptUse, type DataManifest, type DataOptions, type DatasetConfig, type DatasetTaskConfig,
  type DataTaskReport, type DecodedImage, type LoadSuiteOptions, type ManifestTaskEntry, type MixtureSeparator,
  type PreparedHeader, type PreparedSplit, type PreparedTask, type PresetName, type PretrainChunk,
  type PretrainSource, type QuickdrawGroup, type RawPool, type ResolvedSuiteOptions, type Split, type SplitName,
  type SplitSizes, type Suite, type SuiteDescription, type SuiteLoader, type SyntheticSuiteOptions, type Task,
  type TaskFromArraysOptions, type TaskFromCsvOptions, type TaskMeta, type TaskSource, type TextExample,
  type TextLoadOptions, type TextPretrainData, type TextPretrainOptions, type TextTask, type VisionPretrainData,
  type VisionTaskSpec,
} from "./data/index";
export {
  decodeSafetensors, encodeSafetensors, loadParams, loadParamsSync, ParamLayout, ParamVector, saveParams,
  saveParamsSync, type LoadedParams, type LoadOptions, type ParamEntry, type SaveOptions,
} from "./params/index";
export {
  allMasks, CALIBRATION_LAMBDAS, dare, DEFAULT_SURROGATES, flippedBit, grayCode, maskOf, MATCHED_FIT_K,
  MATCHED_SHRINKS, membersOf, mergeMask, mergeMaskUnchecked, parseSurrogate, popcount, surrogateName, sweepLength,
  sweepSubsets, taskArithmetic, ties, tiesTrim, uniformMean, validateModels, weightedMean, type DareOptions,
  type Surrogate, type SweepOptions, type SweepStep, type TiesOptions,
} from "./merge/index";
export * as model from "./model/index";
export { Evaluator, NcmHead, ProjectedEvaluator, type EvalResult } from "./evaluate/index";
export {
  adaptiveNext, adaptiveOrder, Adder, argmaxMask, beamSearch, bootstrapMean, bootstrapRatio, checkVerifyCount,
  chooseSearch, compareSearch, correlations, cosineSimilarity, DEFAULT_SHORTLIST, evolutionarySearch,
  exhaustiveSearch, fitSurrogate, fsum, greedyBackward, greedyForward, kendall, l2Distance, lowerMedian, mean,
  meanAndSpread, meanCorrelations, meanUnitEmbedding, median, mixtureSimilarity, pairedDifference, pearson,
  pickMixtures, portfolioOrder, predictSurrogate, randomBestOfK, rankedMasks, rankOf, ranks, regret, runSearch,
  SEARCH_NAMES, selectionScore, SHORTLIST_STRATEGIES, shortlistOrder, shortlistStrategy, similarityPick,
  simplexSearch, sizesOrder, spearman, surrogateSearch, topOrder, tQuantile975, uniformOver, type BeamOptions,
  type BootstrapOptions, type CorrelationInput, type CorrelationRow, type Embeddings, type EvolutionaryOptions,
  type GreedyBackwardOptions, type GreedyForwardOptions, type Interval, type L2Options, type MaybeNumbers,
  type MeanAndSpread, type MethodName, type MixtureRule, type MixtureSimilarityOptions, type Objective,
  type PairedComparison, type ScorerName, type SearchChoice, type SearchComparisonRow, type SearchName,
  type SearchOptions, type SearchResult, type SelectionInput, type SelectionRow, type SelectionScore,
  type ShortlistInput, type ShortlistStrategy, type SimplexSearchOptions, type Strategy, type SurrogateFit,
  type SurrogateOptions, type TraceEntry, type VerifiedScore, type WeightedPoint, type WeightedSearchResult,
} from "./select/index";
// result types, judgements and terminal text
export {
  claimsOf, formatClaims, formatDiagnostics, formatGrid, formatInterval, formatNumber, formatSelection, formatSummary, formatVerified,
  formatVerifyFrontier, formatWeighted, hasGroundTruth, IncompleteRunError, pct, proportionsText, rankMixtures,
  readRunResults, recommendationLine, recommendationsOf, recommendedCell, scoredMixtureRow, seedAveragedTruth,
  signalChecks, toCSV, TOP_MIXTURES, pickSizes, taskVectorSummary, topQuarterSpearman, type TaskVectorSummary, verifyFrontier, weightedTruthIntervals, weightedVsBinary, weightedVsBinaryText,
  weightsText, writeRunResults, type BaselineName, type BaselinePick, type BaseRow, type Claims, type CostRow,
  type FinalModel, type FrontierOptions, type GridCell, type MethodPower, type MixtureRow, type NumberFormat,
  type Recommendation, type RunResults, type ScoredMixture, type SeedAveragedTruth, type SelectionResult,
  type SignalCheckRow, type SingleRow, type SurrogatePower, type SurrogateRow, type Verified, type VerifiedMixture,
  type VerifyCurve, type VerifyFrontier, type VerifyPoint, type WeightedArm, type WeightedGrid, type WeightedRow,
  type WeightedTruth, type WeightedTruthIntervals, type WeightedVsBinary,
} from "./results/index";
// the driver: runs, selection, the calibrate grid, the run store and the fine-tune runners
export {
  baseVsScratch, calibrateGrid, clearQueue, datasetSimilarities, ensureFineTunes, FineTuneFailedError, fineTuneKey,
  ForeignFolderError, formatQueueStatus, JOB_FORMAT, LocalRunner, markOutputDir, openRunStore, PRESET_DEFAULTS,
  pretrainedEncoder, QueueConnectionError, QueueRunner, queueStatus, resolveSpec, RESULT_FORMAT, runExperiment,
  runRecipe, RunStore, scoreMergedMixtures, selectMixture, SpecMismatchError, stableHash, startQueueWorker,
  suiteRef, weightedMergeGrid, WorkerCrashError, WorkerJobError, WorkerRefusalError, type BaseCheckRow,
  type DatasetSimilarity, type EnsureFineTunesOptions, type ExperimentSpec, type FineTuneBatch,
  type FineTuneContext, type FineTuneJob, type FineTuneOutput, type FineTuneRecord, type FineTuneRunner,
  type GridOptions, type MergedScores, type PretrainKind, type PretrainSpec, type ProtocolSpec, type QueueAddress,
  type QueueContext, type QueueJobData, type QueueJobHandler, type QueueJobResult, type QueueRunnerOptions,
  type QueueStatus, type QueueWorkerHandle, type QueueWorkerOptions, type ResultSink, type RunOptions,
  type RunStoreOptions, type SelectOptions, type SpecInput, type SuiteRef,
} from "./experiment/index";
export * as report from "./report/index";
