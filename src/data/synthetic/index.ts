// Synthetic suites with planted relatedness (teacher–student Gaussian), for tests and teaching.

export type { SyntheticSuiteOptions } from "./synthetic-suite";
export { registerSyntheticSuite } from "./register";
