import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { outputUnits, netSpecFor, taskUnits, networkLayout, encoderShapeOf, encoderLayout } from "../../src/model/spec";
import { InvalidArgumentError, UnknownNameError } from "../../src/util/errors";
import { syntheticTask } from "./synthetic";

const digitsA = syntheticTask("a", {
  classes: 3,
  concepts: ["digit:0", "digit:1", "digit:2"],
  sizes: { train: 1, val: 1, test: 1, headfit: 1 },
});
const digitsB = syntheticTask("b", {
  classes: 2,
  concepts: ["digit:1", "digit:7"],
  sizes: { train: 1, val: 1, test: 1, headfit: 1 },
});

describe("output units per head rule", () => {
  it("shared: tasks with equal concept ids share units", () => {
    assert.deepEqual(outputUnits([digitsA, digitsB], "shared"), ["digit:0", "digit:1", "digit:2", "digit:7"]);
    const spec = netSpecFor([digitsA, digitsB], [8], "shared");
    assert.deepEqual([...taskUnits(digitsB, spec, "shared")], [1, 3]);
  });

  it("frozen/refit: private units per task", () => {
    for (const rule of ["frozen", "refit"] as const) {
      const spec = netSpecFor([digitsA, digitsB], [8], rule);
      assert.deepEqual(spec.units, ["a:c0", "a:c1", "a:c2", "b:c0", "b:c1"]);
      assert.deepEqual([...taskUnits(digitsB, spec, rule)], [3, 4]);
    }
  });

  it("a task outside the spec names the missing unit", () => {
    const spec = netSpecFor([digitsA], [8], "shared");
    assert.throws(
      () => taskUnits(digitsB, spec, "shared"),
      (e: unknown) => e instanceof UnknownNameError && /digit:7/.test(e.message),
    );
    assert.throws(() => netSpecFor([digitsA], [8], "zero-shot" as never), UnknownNameError);
    assert.throws(() => netSpecFor([digitsA], [0], "shared"), InvalidArgumentError);
  });

  it("layouts have stable names and recover the encoder shape", () => {
    const spec = netSpecFor([digitsA, digitsB], [8, 6], "shared");
    const layout = networkLayout(spec);
    assert.deepEqual(
      layout.entries.map((e) => `${e.name}${JSON.stringify(e.shape)}`),
      ["enc0/kernel[12,8]", "enc0/bias[8]", "enc1/kernel[8,6]", "enc1/bias[6]", "out/kernel[6,4]", "out/bias[4]"],
    );
    assert.deepEqual(encoderShapeOf(layout), { inputSize: 12, hidden: [8, 6] });
    assert.deepEqual(encoderShapeOf(encoderLayout(spec)), { inputSize: 12, hidden: [8, 6] });
  });
});
