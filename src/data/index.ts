// The data layer: real datasets from installed packages, deterministic splits, suites, cache and manifest.
export type { Split, SplitName, SplitSizes, Suite, Task, TaskSource } from "./types";
export { mixtureName, type MixtureSeparator } from "./mixture-name";
export { resizeImage } from "./resize";
export { packageDir } from "./sources";
export {
  serializePrepared, SPLIT_NAMES, type PreparedHeader, type PreparedSplit, type PreparedTask, type TaskMeta,
} from "./prepared";
export type { RawPool } from "./prepare";
export { checkPreset, PRESET_NAMES, VISION8_SIZES, type PresetName } from "./presets";
export { conceptMap, type ConceptUse } from "./concepts";
export { cachePath, loadPreparedTask, readCachedTask, type CacheRead } from "./cache";
export { manifestEntry, readManifest, taskSha, type DataManifest, type ManifestTaskEntry } from "./manifest";
export {
  describeSuites, loadSuite, registerSuite, suiteNames, type LoadSuiteOptions, type ResolvedSuiteOptions,
  type SuiteDescription, type SuiteLoader,
} from "./suites";
export { buildData, verifyData, type DataOptions, type DataTaskReport } from "./build-data";
export {
  HERSHEY_EVAL_FONTS, HERSHEY_TRAIN_FONTS, hersheyDigitsSpec, loadMnistPool, loadVisionPretrainData, mnistSpec,
  PRETRAIN_EXCLUDED_CATEGORIES, pretrainCategories, QD_ANIMALS, QD_CLOTHING, QD_SHAPES, QD_VEHICLES,
  quickdrawCategories, uciDigitsSpec, VISION8_TASKS, type QuickdrawGroup, type VisionPretrainData,
  type VisionTaskSpec,
} from "./vision/index";
export {
  decodePgm, decodePng, encodePng, imageGrid, makeSuite, taskFromArrays, taskFromCSV, taskFromImageFolder,
  taskFromTextFolder, type DecodedImage, type TaskFromArraysOptions, type TaskFromCsvOptions,
} from "./custom/index";
export {
  checkImageFolderSizes, datasetsFromList, isDatasetConfigPath, readDatasetConfig, registerDatasetSuite,
  type DatasetConfig, type DatasetTaskConfig,
} from "./user/index";
export {
  documentIds, featurizeText, featurizeTexts, featurizeWords, fnv1a, glossSentimentExamples, isTextTask,
  labelConcepts, loadGlossSentimentTask, loadText8Tasks, loadTextPretrainData, pretrainPool, TEXT8_LABELS,
  TEXT8_TASKS, text8Concepts, tokenizeWords, wordBucket, type PretrainChunk, type PretrainSource, type TextExample,
  type TextLoadOptions, type TextPretrainData, type TextPretrainOptions, type TextTask,
} from "./text/index";
export { registerSyntheticSuite, type SyntheticSuiteOptions } from "./synthetic/index";
