export { Evaluator, type EvalResult, type EvaluatorOptions } from "./evaluator";
export { NcmHead, DEFAULT_NCM, type NcmOptions } from "./ncm-head";
export { ProjectedEvaluator, MAX_PROJECTED_FLOATS } from "./projected-evaluator";
export { scoreLogits } from "./logit-score";
