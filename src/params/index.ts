export * from "./layout";
export * from "./param-vector";
export * from "./safetensors";
