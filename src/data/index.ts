// The data layer: real datasets from installed packages, deterministic splits, suites, cache and manifest.
export * from "./types";
export * from "./split";
export * from "./atomic";
export * from "./idx";
export * from "./resize";
export * from "./sources";
export * from "./prepared";
export * from "./prepare";
export * from "./presets";
export * from "./concepts";
export * from "./cache";
export * from "./manifest";
export * from "./suites";
export * from "./build-data";
export * from "./vision";
export * from "./custom";
export * from "./text";
