/**
 * merge-to-mix: choose fine-tuning data mixtures by model merging (arXiv 2505.16066).
 * The pipeline, top to bottom: data → params → merge → model → evaluate → select → experiment → report → notebook.
 * Notebook helpers (tslab) live in "./notebook" and widgets in "../widgets"; they are not re-exported here so
 * the library loads outside a kernel without pulling them in.
 */
export * from "./util/index";
export * from "./data/index";
export * from "./params/index";
export * from "./merge/index";
export * as model from "./model/index";
export { Evaluator, NcmHead, ProjectedEvaluator, type EvalResult } from "./evaluate/index";
export * from "./select/index";
export * from "./experiment/index";
export * as report from "./report/index";
