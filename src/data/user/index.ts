// Your own datasets, described by a JSON/YAML config or a --data list, registered as a suite.
export {
  datasetsFromList, isDatasetConfigPath, readDatasetConfig, type DatasetConfig, type DatasetTaskConfig,
} from "./dataset-config";
export { checkImageFolderSizes, registerDatasetSuite } from "./dataset-suite";
