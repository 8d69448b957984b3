// The shortlist strategies and random best-of-K: pure functions on hand-made scores by mask.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  adaptiveNext,
  adaptiveOrder,
  checkVerifyCount,
  portfolioOrder,
  randomBestOfK,
  rankedMasks,
  shortlistOrder,
  shortlistStrategy,
  sizesOrder,
  topOrder,
} from "../../src/select/verify/index";
import { InvalidArgumentError, UnknownNameError } from "../../src/util/errors";
import { Rng } from "../../src/util/rng";

/** Every k-subset of 1 … m. */
function subsets(m: number, k: number): number[][] {
  const out: number[][] = [];
  const rec = (start: number, cur: number[]) => {
    if (cur.length === k) {
      out.push([...cur]);
      return;
    }
    for (let i = start; i <= m; i++) rec(i + 1, [...cur, i]);
  };
  rec(1, []);
  return out;
}

/** Brute force: the mean over every K-subset of `value` at the subset's best real score (ties → lowest mask). */
function bruteBestOfK(real: number[], value: number[], k: number): number {
  const all = subsets(real.length - 1, k);
  let sum = 0;
  for (const s of all) {
    let best = s[0];
    for (const m of s) if (real[m] > real[best]) best = m;
    sum += value[best];
  }
  return sum / all.length;
}

describe("shortlist orders", () => {
  const scores = [NaN, 0.9, 0.1, 0.5, 0.2, 0.3, 0.8, 0.4]; // 3 candidates: masks 1 … 7

  it("rankedMasks: best first, ties → lowest mask, NaN (unscored) left out", () => {
    assert.deepEqual(rankedMasks([NaN, 0.2, 0.9, 0.9, NaN]), [2, 3, 1]);
  });

  it("top: the ranking itself", () => {
    assert.deepEqual(topOrder(scores), [1, 6, 3, 7, 5, 4, 2]);
  });

  it("sizes: the best of each size in score order, then the second best of each size", () => {
    // size 1: 1 (0.9), 4 (0.2), 2 (0.1); size 2: 6 (0.8), 3 (0.5), 5 (0.3); size 3: 7 (0.4)
    assert.deepEqual(sizesOrder(scores), [1, 6, 7, 3, 4, 5, 2]);
  });

  it("portfolio: the scorers take turns, each adding its best mixture not yet listed", () => {
    const other = [NaN, 0.95, 0.9, 0.1, 0.2, 0.3, 0.4, 0.5]; // ranks 1, 2, 7, 6, …
    assert.deepEqual(portfolioOrder([scores, other]), [1, 2, 6, 7, 3, 5, 4]);
    assert.deepEqual(shortlistOrder("portfolio", { scores, others: [other] }).slice(0, 3), [1, 2, 6]);
  });

  it("every order is a permutation of the scored mixtures", () => {
    for (const order of [topOrder(scores), sizesOrder(scores), portfolioOrder([scores, [...scores].reverse()])]) {
      assert.deepEqual(
        [...order].sort((a, b) => a - b),
        [1, 2, 3, 4, 5, 6, 7],
      );
    }
  });
});

describe("adaptive", () => {
  const scores = [NaN, 0.9, 0.1, 0.5, 0.2, 0.3, 0.8, 0.4];

  it("verifies the first two whatever they score: one residual has no spread", () => {
    assert.equal(adaptiveNext([1, 6, 3], scores, []), 1);
    assert.equal(adaptiveNext([1, 6, 3], scores, [{ mask: 1, score: 0.9, real: 5 }]), 6);
  });

  it("stops when the next one, corrected by mean + 2 sd of the residuals, cannot beat the best real score", () => {
    // residuals 0.1 and 0.1 (no spread): 0.5 + 0.1 = 0.6 < best real 1.0 → stop
    assert.equal(
      adaptiveNext([1, 6, 3], scores, [
        { mask: 1, score: 0.9, real: 1.0 },
        { mask: 6, score: 0.8, real: 0.9 },
      ]),
      null,
    );
    // residuals 0.1 and 0.5 (mean 0.3, sd 0.283): 0.5 + 0.3 + 0.566 = 1.37 > best real 1.3 → go on
    assert.equal(
      adaptiveNext([1, 6, 3], scores, [
        { mask: 1, score: 0.9, real: 1.0 },
        { mask: 6, score: 0.8, real: 1.3 },
      ]),
      3,
    );
  });

  it("offline: a prefix of the ranking that ends where the rule stops; further when the residuals spread", () => {
    const faithful = [NaN, 0.9, 0.1, 0.5, 0.2, 0.3, 0.8, 0.4].map((s) => s + 0.1); // real = merged + 0.1
    assert.deepEqual(adaptiveOrder(scores, faithful), [1, 6]);
    const noisy = [NaN, 0, 3, 0.5, 2.5, 2, 1, 1.5]; // residuals spread widely: the rule keeps going
    const order = adaptiveOrder(scores, noisy);
    assert.ok(order.length > 3, String(order));
    assert.deepEqual(order, topOrder(scores).slice(0, order.length));
  });
});

describe("random best-of-K", () => {
  it("equals brute force over every K-subset, ties included", () => {
    const rng = new Rng(7);
    for (const m of [7, 15]) {
      const real = [NaN, ...Array.from({ length: m }, () => Math.round(rng.next() * 5) / 5)]; // many ties
      const value = [NaN, ...Array.from({ length: m }, () => rng.next())];
      for (let k = 1; k <= m; k++) {
        const exact = randomBestOfK(real, value, k),
          brute = bruteBestOfK(real, value, k);
        assert.ok(Math.abs(exact - brute) < 1e-12, `m ${m} k ${k}: ${exact} vs ${brute}`);
      }
    }
  });

  it("K = 1 is the mean; K = M the best real mixture's value", () => {
    const real = [NaN, 0.1, 0.3, 0.2],
      value = [NaN, 60, 80, 70];
    assert.equal(randomBestOfK(real, value, 1), 70);
    assert.equal(randomBestOfK(real, value, 3), 80);
    assert.ok(Math.abs(randomBestOfK(real, value, 2) - 230 / 3) < 1e-12);
  });

  it("refuses K outside 1 … M", () => {
    assert.throws(() => randomBestOfK([NaN, 1, 2, 3], [NaN, 1, 2, 3], 4), InvalidArgumentError);
    assert.throws(() => randomBestOfK([NaN, 1, 2, 3], [NaN, 1, 2, 3], 0), InvalidArgumentError);
  });
});

describe("bad input", () => {
  it("checkVerifyCount names K and the mixtures scored", () => {
    assert.equal(checkVerifyCount(3, 127), 3);
    for (const k of [0, -1, 2.5, 128, NaN, "3"]) {
      assert.throws(
        () => checkVerifyCount(k, 127),
        (e: Error) =>
          e instanceof InvalidArgumentError &&
          e.message.includes(`verify = ${typeof k === "string" ? `"${k}"` : k}`) &&
          e.message.includes("127"),
      );
    }
  });

  it("an unknown strategy is an UnknownNameError listing the four", () => {
    assert.equal(shortlistStrategy("adaptive"), "adaptive");
    assert.throws(
      () => shortlistStrategy("best"),
      (e: Error) =>
        e instanceof UnknownNameError && /"best"/.test(e.message) && /top, sizes, portfolio, adaptive/.test(e.message),
    );
  });
});
