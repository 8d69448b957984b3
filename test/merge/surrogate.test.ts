import { it } from "node:test";
import assert from "node:assert/strict";
import { DEFAULT_SURROGATES, parseSurrogate, surrogateName } from "../../src/merge/surrogate";
import { InvalidArgumentError, UnknownNameError } from "../../src/util/errors";

it("parses every default surrogate and round-trips its name", () => {
  for (const n of DEFAULT_SURROGATES) assert.equal(surrogateName(parseSurrogate(n)), n);
  assert.deepEqual(parseSurrogate("ta:0.5"), { kind: "ta", lambda: 0.5 });
  assert.deepEqual(parseSurrogate("ties:30"), { kind: "ties", k: 30, lambda: 1 });
  assert.deepEqual(parseSurrogate("dare"), { kind: "dare", p: 0.9 });
  assert.deepEqual(parseSurrogate("calibrated:3"), { kind: "calibrated", k: 3 });
  assert.equal(surrogateName(parseSurrogate("calibrated:3")), "calibrated:3");
  assert.deepEqual(parseSurrogate("matched"), { kind: "matched", shrink: 1 });
  assert.deepEqual(parseSurrogate("matched:0.5"), { kind: "matched", shrink: 0.5 });
  assert.deepEqual(parseSurrogate("matched:2"), { kind: "matched", shrink: 2 });
  assert.deepEqual(parseSurrogate("matched:fit"), { kind: "matched", shrink: "fit" });
  assert.equal(surrogateName(parseSurrogate("matched:0.5")), "matched:0.5");
  assert.deepEqual(parseSurrogate("ensemble"), { kind: "ensemble" });
});

it("bad names and values are typed errors naming the value", () => {
  assert.throws(() => parseSurrogate("median"), UnknownNameError);
  const cases: Array<[string, string]> = [
    ["ta", "ta"],
    ["ta:0", "0"],
    ["ta:x", "x"],
    ["ties:0", "0"],
    ["dare:1", "1"],
    ["calibrated:1", "1"],
    ["calibrated:2.5", "2.5"],
    ["mean:3", "mean:3"],
    ["ta:1:2", "ta:1:2"],
    ["matched:0", "0"],
    ["matched:2.5", "2.5"],
    ["matched:-1", "-1"],
    ["matched:x", "x"],
    ["matched:NaN", "NaN"],
    ["matched:", ""],
    ["ensemble:1", "ensemble:1"],
  ];
  for (const [bad, shown] of cases) {
    assert.throws(
      () => parseSurrogate(bad),
      (e: unknown) => e instanceof InvalidArgumentError && e.message.includes(JSON.stringify(shown)),
      bad,
    );
  }
});
