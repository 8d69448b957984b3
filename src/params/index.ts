export { ParamLayout, type ParamEntry } from "./layout";
export { ParamVector } from "./param-vector";
export {
  decodeSafetensors,
  encodeSafetensors,
  loadParams,
  loadParamsSync,
  saveParams,
  saveParamsSync,
  type LoadedParams,
  type LoadOptions,
  type SaveOptions,
} from "./safetensors";
