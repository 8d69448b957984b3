export { initBackend, backendAvailable, BACKEND_CHOICES, type BackendChoice, type BackendInfo } from "./backend";
export {
  registerWasmGradients,
  registerWasmConvGrad,
  registerWasmSegmentSum,
  registerWasmExplicitTranspose,
} from "./wasm-kernels";
export {
  HEAD_RULES,
  assertHeadRule,
  validateNetSpec,
  unitId,
  outputUnits,
  netSpecFor,
  taskUnits,
  featureSize,
  encoderLayout,
  networkLayout,
  encoderShapeOf,
  type HeadRule,
  type NetSpec,
} from "./spec";
export { initParams } from "./init";
export { Network, paramsOf, setNetworkParams } from "./network";
export { DEFAULT_FINETUNE_RECIPE, validateRecipe, epochPlan, type FineTuneRecipe } from "./recipe";
export { MASKED_LOGIT, maskTable, maskedCrossEntropy, oneHot, gatherRows, runEpochs } from "./training";
export { TaskPool, type PoolBatch } from "./task-pool";
export { fineTune, type FineTuneResult, type FineTuneRegime } from "./finetune";
export { FINETUNE_MODES, assertFineTuneMode, type FineTuneMode } from "./finetune-mode";
export {
  MAX_ANCHOR_SHARE,
  anchorHeadLayout,
  checkAnchorShare,
  anchorRows,
  validateAnchor,
  type Anchor,
} from "./anchor";
export { AnchorSampler } from "./anchor-sampler";
export { MlpTrainer, type AnchorBatch, type StepProfile } from "./mlp-trainer";
export { linearizedForward, linearizedEncoder, linearizedHead, linearizedLogits } from "./linearized";
export { pretrainEncoder, pretrainNetwork, buildBase, type PretrainData, type HeadFitOptions } from "./pretrain";
export { pretrainLoss, pretrainUnits, pretrainRows } from "./pretrain-loss";
