// Synthetic suites with planted relatedness (teacher–student Gaussian), for tests and teaching.
export * from "./teacher";
export * from "./sample";
export * from "./synthetic-suite";
export * from "./register";
export * from "./suite";
