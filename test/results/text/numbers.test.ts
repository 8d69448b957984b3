// The one set of number formats (terminal, report tables, figures): edge cases pinned.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { fixed, formatNumber, pct } from "../../../src/results/text/numbers";

test("formatNumber: scale, digits, sign, unit, grouping", () => {
  assert.equal(formatNumber(0.0123, { scale: 100, digits: 1, sign: true }), "+1.2");
  assert.equal(formatNumber(-0.0123, { scale: 100, digits: 1, sign: true }), "-1.2");
  assert.equal(formatNumber(12345.6, { digits: 1, group: true }), "12,345.6");
  assert.equal(formatNumber(68.6, { digits: 1, unit: "x" }), "68.6x");
  assert.equal(formatNumber(2), "2.00");
});

test("formatNumber: missing and non-finite values print as the missing text", () => {
  for (const v of [NaN, Infinity, -Infinity, null, undefined]) assert.equal(formatNumber(v), "–");
  assert.equal(formatNumber(NaN, { missing: "n/a" }), "n/a");
});

test("formatNumber: a value that rounds to zero has no minus sign", () => {
  assert.equal(formatNumber(-0.001), "0.00");
  assert.equal(formatNumber(-0), "0.00");
  assert.equal(formatNumber(-0.0004, { scale: 100, digits: 1 }), "0.0");
  assert.equal(formatNumber(-0.001, { sign: true }), "+0.00");
  assert.equal(formatNumber(-0.004, { digits: 1, group: true }), "0.0");
  assert.equal(formatNumber(-0.005, { digits: 3 }), "-0.005");
});

test("pct and fixed", () => {
  assert.equal(pct(0.8134), "81.3");
  assert.equal(pct(NaN), "–");
  assert.equal(fixed(0.41234, 3), "0.412");
  assert.equal(fixed(null), "–");
});
