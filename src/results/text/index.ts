export * from "./summary";
export * from "./claims-text";
export * from "./weighted-text";
export * from "./recommendation-text";
export * from "./selection-text";
export * from "./grid-text";
export * from "./numbers";
