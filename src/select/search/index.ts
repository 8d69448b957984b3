export * from "./objective";
export * from "./greedy-forward";
export * from "./greedy-backward";
export * from "./beam";
export * from "./evolutionary";
export * from "./surrogate";
export * from "./compare";
