// Your own datasets, described by a JSON/YAML config or a --data list, registered as a suite.
export * from "./dataset-config";
export * from "./dataset-suite";
