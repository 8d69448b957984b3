export * from "./metrics/index";
export * from "./similarity";
export * from "./mixture-similarity";
export * from "./select";
export * from "./correlations";
export * from "./search/index";
export * from "./weighted/index";
export * from "./selection-score";
