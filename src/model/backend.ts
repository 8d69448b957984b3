import * as tf from "@tensorflow/tfjs";
import { MissingDependencyError, UnknownNameError } from "../util/errors";
import { registerWasmGradients } from "./wasm-kernels";

/** Which tfjs backend to run on; "auto" takes the fastest one really installed. */
export type BackendChoice = "auto" | "tensorflow-gpu" | "tensorflow" | "wasm" | "cpu";

export const BACKEND_CHOICES: readonly BackendChoice[] = ["auto", "tensorflow-gpu", "tensorflow", "wasm", "cpu"];

/** What initBackend settled on. */
export interface BackendInfo {
  /** The tfjs backend name now active: "tensorflow", "wasm" or "cpu". */
  readonly name: string;
  /** One line for logs: package, SIMD/threads, registered kernels. */
  readonly detail: string;
}

const NATIVE_PACKAGES = {
  "tensorflow-gpu": "@tensorflow/tfjs-node-gpu",
  tensorflow: "@tensorflow/tfjs-node",
} as const;

/**
 * Load a native tfjs-node package if it is truly installed. node_modules carries a shim named
 * @tensorflow/tfjs-node (for danfojs-node) that only re-exports tfjs and sets `__mergeToMixShim`:
 * it is not a backend. A real package registers the "tensorflow" backend on our tfjs engine.
 */
function loadNative(choice: "tensorflow-gpu" | "tensorflow"): boolean {
  let mod: { __mergeToMixShim?: boolean } | undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod = require(NATIVE_PACKAGES[choice]);
  } catch {
    return false;
  }
  if (!mod || mod.__mergeToMixShim) return false;
  return tf.findBackendFactory("tensorflow") != null;
}

function loadWasm(): boolean {
  try {
    require("@tensorflow/tfjs-backend-wasm");
    return tf.findBackendFactory("wasm") != null;
  } catch {
    return false;
  }
}

let prodMode = false;

async function activate(name: string): Promise<boolean> {
  if (tf.getBackend() === name) return true;
  const ok = await tf.setBackend(name);
  await tf.ready();
  return ok;
}

/**
 * Choose and activate the tfjs backend. "auto" prefers @tensorflow/tfjs-node-gpu, then
 * @tensorflow/tfjs-node (only when really installed, not the shim), then wasm (SIMD, 1 thread),
 * then the pure-JS cpu backend. A forced choice that is unavailable throws MissingDependencyError
 * with the install command. On wasm it registers the missing gradient kernels. Idempotent:
 * calling again with the same choice is cheap; another choice switches backend.
 *
 * @example
 * const { name, detail } = await initBackend();   // e.g. { name: "wasm", detail: "… SIMD on, 1 thread" }
 * await initBackend("cpu");                         // force the reference backend (tests)
 */
export async function initBackend(choice: BackendChoice = "auto"): Promise<BackendInfo> {
  if (!BACKEND_CHOICES.includes(choice)) throw new UnknownNameError("backend", String(choice), BACKEND_CHOICES);
  if (!prodMode) {
    // prod mode skips per-op NaN checks and debug bookkeeping
    tf.enableProdMode();
    prodMode = true;
  }
  const order: BackendChoice[] = choice === "auto" ? ["tensorflow-gpu", "tensorflow", "wasm", "cpu"] : [choice];
  for (const c of order) {
    if (c === "tensorflow-gpu" || c === "tensorflow") {
      if (loadNative(c) && (await activate("tensorflow"))) {
        return {
          name: "tensorflow",
          detail: `${NATIVE_PACKAGES[c]} (native TensorFlow${c === "tensorflow-gpu" ? ", GPU" : ""})`,
        };
      }
      if (choice !== "auto") {
        throw new MissingDependencyError(
          `${NATIVE_PACKAGES[c]} (the real package, not the local shim)`,
          `npm install ${NATIVE_PACKAGES[c]}@4.22.0`,
        );
      }
    } else if (c === "wasm") {
      if (loadWasm() && (await activate("wasm"))) {
        const added = registerWasmGradients();
        const wasm = require("@tensorflow/tfjs-backend-wasm") as { getThreadsCount?: () => number };
        const threads = wasm.getThreadsCount ? wasm.getThreadsCount() : 1;
        const simd = await tf.env().getAsync("WASM_HAS_SIMD_SUPPORT");
        return {
          name: "wasm",
          detail:
            `@tensorflow/tfjs-backend-wasm, SIMD ${simd ? "on" : "off"}, ${threads} thread${threads === 1 ? "" : "s"}` +
            (added.length ? `, registered ${added.join(" + ")}` : ""),
        };
      }
      if (choice !== "auto")
        throw new MissingDependencyError(
          "@tensorflow/tfjs-backend-wasm",
          "npm install @tensorflow/tfjs-backend-wasm@4.22.0",
        );
    } else {
      await activate("cpu");
      return { name: "cpu", detail: "@tensorflow/tfjs-backend-cpu (pure JavaScript, slow)" };
    }
  }
  /* istanbul ignore next: cpu always succeeds */
  throw new MissingDependencyError("a tfjs backend", "npm install @tensorflow/tfjs@4.22.0");
}

/**
 * True when `choice` could be activated now (without activating it).
 *
 * @example
 * if (!backendAvailable("tensorflow")) console.log("native TensorFlow not installed; using wasm");
 */
export function backendAvailable(choice: Exclude<BackendChoice, "auto">): boolean {
  if (choice === "cpu") return true;
  if (choice === "wasm") return loadWasm();
  return loadNative(choice);
}
