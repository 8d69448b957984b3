import { registerSuite, suiteNames } from "../suites";
import { makeSyntheticSuite, SyntheticSuiteOptions } from "./synthetic-suite";

/**
 * Register a synthetic suite (default name "synthetic", K = 5 tasks) so `loadSuite`, `runExperiment` and the
 * CLI can use it. Idempotent: a name already registered is left as is. The loader honours the data seed,
 * `sizes` overrides and a `tasks` subset; presets do not change the sizes (the suite is CI-sized).
 *
 * @example
 * registerSyntheticSuite();
 * await loadSuite("synthetic", { seed: 0 });
 * registerSyntheticSuite({ name: "synthetic-26", unrelated: 23 });   // 26 tasks
 * @returns the registered name.
 */
export function registerSyntheticSuite(opts: Omit<SyntheticSuiteOptions, "seed" | "tasks"> = {}): string {
  const name = opts.name ?? "synthetic";
  if (suiteNames().includes(name)) return name;
  registerSuite(name, async (o) => makeSyntheticSuite({ ...opts, name, seed: o.seed, tasks: o.tasks, sizes: { ...(opts.sizes ?? {}), ...(o.sizes ?? {}) } }), {
    description: `teacher–student Gaussian suite with planted relatedness (target, helper, conflict, ${opts.unrelated ?? 2} unrelated)`,
  });
  return name;
}
