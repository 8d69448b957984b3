import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { initBackend, backendAvailable } from "../../src/model/backend";
import { MissingDependencyError, UnknownNameError } from "../../src/util/errors";

describe("initBackend", () => {
  it("auto skips the tfjs-node shim and picks wasm with the gradient kernels", async () => {
    const info = await initBackend("auto");
    assert.equal(info.name, "wasm");
    assert.equal(tf.getBackend(), "wasm");
    assert.match(info.detail, /SIMD/);
    assert.ok(tf.getKernel("Conv2DBackpropFilter", "wasm"));
    assert.ok(tf.getKernel("UnsortedSegmentSum", "wasm"));
    // the shim is installed under the real name, so a naive require() would have picked it
    assert.equal(require("@tensorflow/tfjs-node").__mergeToMixShim, true);
    assert.equal(backendAvailable("tensorflow"), false);
  });

  it("is idempotent and can switch backends", async () => {
    const a = await initBackend("auto"),
      b = await initBackend("auto");
    assert.deepEqual(a.name, b.name);
    assert.equal((await initBackend("cpu")).name, "cpu");
    assert.equal(tf.getBackend(), "cpu");
    assert.equal((await initBackend("wasm")).name, "wasm");
  });

  it("a forced native backend that is not installed names the install command", async () => {
    await assert.rejects(
      initBackend("tensorflow"),
      (e: unknown) => e instanceof MissingDependencyError && /npm install @tensorflow\/tfjs-node@/.test(e.message),
    );
    await assert.rejects(
      initBackend("tensorflow-gpu"),
      (e: unknown) => e instanceof MissingDependencyError && /tfjs-node-gpu/.test(e.message),
    );
    assert.equal(tf.getBackend(), "wasm", "a failed choice leaves the active backend alone");
  });

  it("rejects unknown names", async () => {
    await assert.rejects(initBackend("webgpu" as never), UnknownNameError);
  });
});
