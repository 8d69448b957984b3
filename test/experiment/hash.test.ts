import { strict as assert } from "node:assert";
import { createHash } from "node:crypto";
import { describe, it } from "node:test";
import { canonicalJson, stableHash } from "../../src/experiment/hash";
import { InvalidArgumentError } from "../../src/util/errors";

describe("stableHash / canonicalJson", () => {
  it("sorts keys at every depth and is sha256 of the canonical text", () => {
    assert.equal(
      canonicalJson({ b: 1, a: { d: [1, { z: 0, y: 2 }], c: "x" } }),
      '{"a":{"c":"x","d":[1,{"y":2,"z":0}]},"b":1}',
    );
    assert.equal(stableHash({ b: 1, a: 2 }), createHash("sha256").update('{"a":2,"b":1}').digest("hex"));
    assert.equal(stableHash({ lr: 0.01, task: "m" }), stableHash({ task: "m", lr: 0.01 }));
  });
  it("differs for any change, including types", () => {
    const hs = [1, "1", [1], { a: 1 }, { a: 1.0000001 }, null, true, NaN, Infinity, -Infinity, 10n].map(stableHash);
    assert.equal(new Set(hs).size, hs.length);
    assert.notEqual(stableHash({ a: undefined, b: 1 }), stableHash({ b: 2 }));
    assert.equal(stableHash({ a: undefined, b: 1 }), stableHash({ b: 1 })); // like JSON
    assert.equal(stableHash(-0), stableHash(0));
  });
  it("hashes typed arrays by content and type", () => {
    const x = new Float32Array([1, 2, 3]);
    assert.equal(stableHash({ w: x }), stableHash({ w: new Float32Array([1, 2, 3]) }));
    assert.notEqual(stableHash({ w: x }), stableHash({ w: new Float32Array([1, 2, 4]) }));
    assert.notEqual(stableHash(x), stableHash(new Int32Array(new Float32Array([1, 2, 3]).buffer)));
    assert.notEqual(stableHash(x), stableHash([1, 2, 3]));
    // A view hashes its own bytes, not the whole buffer.
    const big = new Float32Array([9, 1, 2, 3, 9]);
    assert.equal(stableHash(big.subarray(1, 4)), stableHash(x));
  });
  it("rejects functions, symbols, cycles, Maps", () => {
    assert.throws(() => stableHash({ f: () => 1 }), /value\.f/);
    const a: Record<string, unknown> = {};
    a.self = a;
    assert.throws(() => stableHash(a), InvalidArgumentError);
    assert.throws(() => stableHash(new Map()), /Map/);
  });
});
