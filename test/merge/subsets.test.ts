import { test } from "node:test";
import assert from "node:assert/strict";
import { allMasks, flippedBit, grayCode, maskOf, membersOf, popcount } from "../../src/merge";

test("popcount counts bits, including bit 23 and bit 31", () => {
  assert.equal(popcount(0), 0);
  assert.equal(popcount(0b1011), 3);
  assert.equal(popcount((1 << 23) | 1), 2);
  assert.equal(popcount(0xffffffff), 32);
  for (let m = 0; m < 1024; m++)
    assert.equal(
      popcount(m),
      m
        .toString(2)
        .split("")
        .filter((c) => c === "1").length,
    );
});

test("membersOf and maskOf are inverse", () => {
  const names = ["mnist", "fashion", "kmnist", "emnist"];
  assert.deepEqual(membersOf(0b1010, names), ["fashion", "emnist"]);
  assert.equal(maskOf([1, 3]), 0b1010);
  assert.equal(maskOf([3, 1, 1]), 0b1010);
  for (let m = 0; m < 16; m++) assert.equal(maskOf(membersOf(m, [0, 1, 2, 3])), m);
  assert.throws(() => membersOf(16, names), { name: "InvalidArgumentError", message: /mask = 16/ });
  assert.throws(() => maskOf([-1]), { name: "InvalidArgumentError" });
});

test("grayCode: consecutive codes differ in exactly the bit flippedBit names", () => {
  assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 7].map(grayCode), [0, 1, 3, 2, 6, 7, 5, 4]);
  for (let i = 1; i < 5000; i++) {
    const diff = grayCode(i) ^ grayCode(i - 1);
    assert.equal(popcount(diff), 1);
    assert.equal(diff, 1 << flippedBit(i));
  }
});

test("allMasks visits every non-empty mask exactly once, N = 1..10", () => {
  for (let n = 1; n <= 10; n++) {
    const masks = allMasks(n);
    assert.equal(masks.length, 2 ** n - 1);
    const seen = new Set(masks);
    assert.equal(seen.size, masks.length);
    assert.ok(!seen.has(0));
    for (const m of masks) assert.ok(m < 2 ** n);
  }
  assert.deepEqual(Array.from(allMasks(2)), [1, 3, 2]);
});

test("allMasks refuses N > 24 with a pointer to search strategies", () => {
  assert.throws(() => allMasks(25), { name: "TooLargeError", message: /greedy, beam, evolutionary or surrogate/ });
  assert.throws(() => allMasks(0), { name: "InvalidArgumentError" });
});
