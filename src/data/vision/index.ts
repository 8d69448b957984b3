// Vision sources: one file per source; vision8 assembles them.
export { VISION_SHAPE, type VisionTaskSpec } from "./spec";
export { loadMnistPool, mnistSpec } from "./mnist";
export { uciDigitsSpec } from "./uci-digits";
export { quickdrawCategories } from "./quickdraw";
export { QD_ANIMALS, QD_CLOTHING, QD_SHAPES, QD_VEHICLES, type QuickdrawGroup } from "./qd-groups";
export { HERSHEY_EVAL_FONTS, HERSHEY_TRAIN_FONTS, hersheyDigitsSpec } from "./hershey";
export { VISION8_TASKS } from "./vision8";
export {
  loadVisionPretrainData, PRETRAIN_EXCLUDED_CATEGORIES, pretrainCategories, type VisionPretrainData,
} from "./pretrain";
export { VISION14_SIZES, VISION14_TASKS } from "./vision14";
