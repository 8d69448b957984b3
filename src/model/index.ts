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
export { fineTune, type FineTuneResult } from "./finetune";
export { linearizedForward, linearizedLogits } from "./linearized";
export { pretrainEncoder, buildBase, type PretrainData, type HeadFitOptions } from "./pretrain";
