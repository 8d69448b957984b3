// Importing this module registers the "synthetic" suite (for runExperiment callers, tests and the CLI).
import { registerSyntheticSuite } from "./register";

/** The registered name of the default synthetic suite. */
export const SYNTHETIC_SUITE = registerSyntheticSuite();
