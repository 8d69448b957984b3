export { Evaluator, type EvalResult, type EvaluatorOptions } from "./evaluator";
export { NcmHead, DEFAULT_NCM, type NcmOptions } from "./ncm-head";
