export { Evaluator, type EvalResult, type EvaluatorOptions } from "./evaluator";
export { NcmHead, DEFAULT_NCM, type NcmOptions } from "./ncm-head";
export { ProjectedEvaluator } from "./projected-evaluator";
export { mergeScorer, type MergeScorer } from "./merge-scorer";
export { scoreLogits } from "./logit-score";
