import * as tf from "@tensorflow/tfjs";
import { describe, before } from "node:test";
import { initBackend } from "./backend";

/** The backends every tfjs-facing test runs on: the pure-JS reference and the one we ship. */
export const TEST_BACKENDS = ["cpu", "wasm"] as const;

/**
 * Run a test suite once per backend (cpu, then wasm), like tfjs-layers' `describeMathCPUAndGPU`.
 * The backend is activated (with wasm's extra gradient kernels) before the suite's tests run.
 * For tests only: it imports node:test, so it is not re-exported from src/model/index.ts.
 *
 * @example
 * describeBackends("Network", (backend) => {
 *   it("round-trips params", () => { … });
 * });
 */
export function describeBackends(name: string, fn: (backend: (typeof TEST_BACKENDS)[number]) => void): void {
  for (const backend of TEST_BACKENDS) {
    describe(`${name} [${backend}]`, () => {
      before(async () => {
        await initBackend(backend);
        if (tf.getBackend() !== backend)
          throw new Error(`backend ${backend} did not activate (got ${tf.getBackend()})`);
      });
      fn(backend);
    });
  }
}
