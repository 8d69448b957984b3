/**
 * merge-to-mix: choose fine-tuning data mixtures by model merging (arXiv 2505.16066).
 * The pipeline, top to bottom: data → params → merge → model → evaluate → select → experiment → report → notebook.
 * Notebook helpers (tslab) live in "./notebook" and widgets in "../widgets"; they are not re-exported here so
 * the library loads outside a kernel without pulling them in.
 */
export * from "./util";
export * from "./data";
export * from "./params";
export * from "./merge";
export * as model from "./model";
export { Evaluator, NcmHead, type EvalResult } from "./evaluate";
export * from "./select";
export * from "./experiment";
export * as report from "./report";
