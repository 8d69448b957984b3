export * from "./errors";
export * from "./progress";
export * from "./rng";
export * from "./atomic";
export * from "./sha256";
