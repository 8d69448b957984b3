import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { lowerMedian, mean, median } from "../../src/select/metrics/finite-stats";

// In the style of d3-array's test/mean-test.js and median-test.js: each edge case on its own line.
describe("mean", () => {
  it("returns the mean value for numbers", () => {
    assert.equal(mean([1]), 1);
    assert.equal(mean([5, 1, 2, 3, 4]), 3);
    assert.equal(mean([20, 3]), 11.5);
    assert.equal(mean([3, 20]), 11.5);
  });
  it("sums exactly, whatever the order", () => {
    assert.equal(mean([0.1, 0.2, 0.3]), 0.6 / 3); // naive: 0.6000000000000001 / 3
    assert.equal(mean([0.3, 0.2, 0.1]), mean([0.1, 0.2, 0.3]));
    assert.equal(mean([1e100, 1, -1e100]), 1 / 3);
  });
  it("ignores null, undefined, NaN and ±Infinity", () => {
    assert.equal(mean([NaN, 1, 2, 3, 4, 5]), 3);
    assert.equal(mean([1, 2, 3, 4, 5, NaN]), 3);
    assert.equal(mean([10, null, 3, undefined, 5, NaN]), 6);
    assert.equal(mean([Infinity, 2, -Infinity, 4]), 3);
  });
  it("returns NaN when there are no finite values", () => {
    assert.ok(Number.isNaN(mean([])));
    assert.ok(Number.isNaN(mean([NaN])));
    assert.ok(Number.isNaN(mean([NaN, NaN])));
    assert.ok(Number.isNaN(mean([null, undefined])));
    assert.ok(Number.isNaN(mean([Infinity, -Infinity])));
  });
  it("reads any iterable", () => {
    assert.equal(mean(new Float64Array([1, 2, 6])), 3);
    assert.equal(mean(new Set([1, 2, 6])), 3);
  });
});

describe("median", () => {
  it("returns the middle value for an odd count", () => {
    assert.equal(median([1]), 1);
    assert.equal(median([5, 1, 2, 3, 4]), 3);
    assert.equal(median([3, 1, 2]), 2);
  });
  it("returns the mean of the two middle values for an even count", () => {
    assert.equal(median([20, 3]), 11.5);
    assert.equal(median([1, 2, 3, 4]), 2.5);
    assert.equal(median([4, 3, 2, 1]), 2.5);
  });
  it("sorts numerically, not as text", () => {
    assert.equal(median([10, 9, 2]), 9);
  });
  it("ignores null, undefined, NaN and ±Infinity", () => {
    assert.equal(median([NaN, 1, 2, 3, 4, 5]), 3);
    assert.equal(median([10, null, 3, undefined, 5, NaN]), 5);
    assert.equal(median([Infinity, 1, -Infinity, 3]), 2);
  });
  it("returns NaN when there are no finite values", () => {
    assert.ok(Number.isNaN(median([])));
    assert.ok(Number.isNaN(median([NaN])));
    assert.ok(Number.isNaN(median([null, -Infinity])));
  });
  it("does not reorder its input", () => {
    const xs = [3, 1, 2];
    median(xs);
    assert.deepEqual(xs, [3, 1, 2]);
  });
});

describe("lowerMedian", () => {
  it("returns the middle value for an odd count", () => {
    assert.equal(lowerMedian([1]), 1);
    assert.equal(lowerMedian([5, 1, 2, 3, 4]), 3);
  });
  it("returns the smaller middle value for an even count, one of the values", () => {
    assert.equal(lowerMedian([20, 3]), 3);
    assert.equal(lowerMedian([4, 3, 2, 1]), 2);
    assert.equal(lowerMedian([0.5, 1, 1.5, 2]), 1);
  });
  it("ignores null, undefined, NaN and ±Infinity", () => {
    assert.equal(lowerMedian([NaN, 4, null, 1, Infinity, 3, 2]), 2);
  });
  it("returns NaN when there are no finite values", () => {
    assert.ok(Number.isNaN(lowerMedian([])));
    assert.ok(Number.isNaN(lowerMedian([NaN, undefined])));
  });
});
