import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import {
  Adder,
  argmaxMask,
  fsum,
  kendall,
  meanAndSpread,
  pearson,
  rankOf,
  ranks,
  regret,
  spearman,
  tQuantile975,
} from "../../src/select/index";
import { Rng } from "../../src/util/rng";
import { InvalidArgumentError } from "../../src/util/errors";

const close = (a: number, b: number, tol = 1e-12) => assert.ok(Math.abs(a - b) <= tol, `${a} ≉ ${b}`);

// Brute-force references, written independently of the implementations.
function naiveKendallB(x: number[], y: number[]): number {
  let c = 0,
    d = 0,
    tx = 0,
    ty = 0;
  const n = x.length;
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const a = x[i] - x[j],
        b = y[i] - y[j];
      if (a === 0 && b === 0) {
        tx++;
        ty++;
      } else if (a === 0) tx++;
      else if (b === 0) ty++;
      else if (a * b > 0) c++;
      else d++;
    }
  const n0 = (n * (n - 1)) / 2;
  return (c - d) / Math.sqrt((n0 - tx) * (n0 - ty));
}

describe("fsum / Adder", () => {
  it("is exact where naive summation is not", () => {
    assert.equal(fsum([1e100, 1, -1e100]), 1);
    assert.equal(fsum([0.1, 0.2, 0.3]), 0.6);
    assert.equal(fsum([1, 1e-16, 1e-16, -1]), 2e-16);
    assert.equal(fsum([]), 0);
  });
  it("is order independent on random data", () => {
    const rng = new Rng(1);
    const xs = Array.from({ length: 1000 }, () => rng.normal() * 10 ** rng.int(20));
    const a = fsum(xs);
    assert.equal(fsum(rng.shuffle(xs.slice())), a);
    assert.equal(fsum(xs.slice().reverse()), a);
    const add = new Adder();
    for (const x of xs) add.add(x);
    assert.equal(+add, a);
  });
});

describe("ranks", () => {
  it("averages ties, 1-based, NaN unranked", () => {
    assert.deepEqual([...ranks([10, 30, 20, 20])], [1, 4, 2.5, 2.5]);
    assert.deepEqual([...ranks([NaN, 5, 5])], [NaN, 1.5, 1.5]);
    assert.deepEqual([...ranks([])], []);
  });
});

describe("pearson / spearman / kendall", () => {
  const x = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3],
    y = [2, 7, 1, 8, 2, 8, 1, 8, 2, 8];
  it("match scipy.stats on data with ties", () => {
    // scipy 1.x: pearsonr, spearmanr, kendalltau (tau-b) of these vectors.
    close(pearson(x, y), 0.10492284287735881);
    close(spearman(x, y), 0.13471506281091267);
    close(kendall(x, y), 0.13041013273932525);
  });
  it("agree with brute-force references on random tied data", () => {
    const rng = new Rng(7);
    for (let t = 0; t < 20; t++) {
      const n = 2 + rng.int(30);
      const a = Array.from({ length: n }, () => rng.int(5)),
        b = Array.from({ length: n }, () => rng.int(5));
      const expected = naiveKendallB(a, b);
      if (Number.isNaN(expected)) assert.ok(Number.isNaN(kendall(a, b)));
      else close(kendall(a, b), expected);
      close(spearman(a, b), pearson([...ranks(a)], [...ranks(b)]));
    }
  });
  it("are ±1 for perfect (monotone) relations", () => {
    close(pearson([1, 2, 3], [2, 4, 6]), 1);
    close(pearson([1, 2, 3], [3, 2, 1]), -1);
    assert.equal(spearman([1, 2, 3, 4], [1, 10, 100, 1e6]), 1);
    assert.equal(kendall([1, 2, 3, 4], [1, 10, 100, 1e6]), 1);
    assert.equal(kendall([1, 2, 3], [3, 2, 1]), -1);
  });
  it("are invariant to shifting and scaling", () => {
    const rng = new Rng(3);
    const a = Array.from({ length: 50 }, () => rng.normal()),
      b = a.map((v) => v + rng.normal());
    close(
      pearson(a, b),
      pearson(
        a.map((v) => 1e6 + 3 * v),
        b,
      ),
      1e-9,
    );
    assert.equal(
      kendall(a, b),
      kendall(
        a.map((v) => 2 * v + 1),
        b,
      ),
    );
  });
  it("are NaN when undefined (n < 2, constant side), like d3", () => {
    for (const f of [pearson, spearman, kendall]) {
      assert.ok(Number.isNaN(f([], [])));
      assert.ok(Number.isNaN(f([1], [2])));
      assert.ok(Number.isNaN(f([1, 1, 1], [1, 2, 3])));
      assert.ok(Number.isNaN(f([1, 2, 3], [5, 5, 5])));
    }
  });
  it("drop pairs with a missing value", () => {
    close(pearson([1, NaN, 2, 3], [2, 100, 4, 7]), pearson([1, 2, 3], [2, 4, 7]));
    assert.equal(kendall([1, 2, Infinity], [1, 2, 3]), 1);
  });
  it("throw on unpaired samples", () => {
    assert.throws(() => pearson([1, 2], [1]), InvalidArgumentError);
    assert.throws(() => kendall([1, 2], [1, 2, 3]), /same length/);
  });
});

describe("meanAndSpread", () => {
  it("matches numpy/scipy (ddof=1, t interval)", () => {
    const r = meanAndSpread([0.81, 0.84, 0.79, 0.83]);
    close(r.mean, 0.8175);
    close(r.std, 0.02217355782608341);
    close(r.ci95, 0.0352830785893069, 1e-12);
    assert.equal(r.n, 4);
  });
  it("edge cases: empty, one value, missing values", () => {
    const e = meanAndSpread([]);
    assert.equal(e.n, 0);
    assert.ok(Number.isNaN(e.mean));
    const one = meanAndSpread([0.5]);
    assert.equal(one.mean, 0.5);
    assert.ok(Number.isNaN(one.std));
    assert.ok(Number.isNaN(one.ci95));
    assert.equal(meanAndSpread([1, NaN, 3]).n, 2);
    assert.equal(meanAndSpread([2, 2, 2]).ci95, 0);
  });
  it("t quantiles: table and expansion agree with scipy", () => {
    close(tQuantile975(1), 12.706204736174696, 1e-9);
    for (const [df, t] of [
      [31, 2.039513446396408],
      [40, 2.021075390306273],
      [120, 1.9799304050824402],
      [1000, 1.9623390808264083],
    ])
      close(tQuantile975(df), t, 2e-5);
  });
});

describe("rankOf / regret / argmaxMask", () => {
  it("ranks 1-based, higher is better, ties averaged, index 0 ignored", () => {
    const truth = [99, 0.5, 0.9, 0.7];
    assert.equal(rankOf(2, truth), 1);
    assert.equal(rankOf(3, truth), 2);
    assert.equal(rankOf(1, truth), 3);
    assert.equal(rankOf(1, [NaN, 0.5, 0.5, 0.9]), 2.5);
    assert.ok(Number.isNaN(rankOf(1, [0, NaN, 0.5])));
    assert.throws(() => rankOf(0, truth), InvalidArgumentError);
    assert.throws(() => rankOf(4, truth), /mixture mask/);
  });
  it("ranks of all mixtures sum to k(k+1)/2", () => {
    const rng = new Rng(5);
    const truth = [NaN, ...Array.from({ length: 31 }, () => rng.int(6))];
    let s = 0;
    for (let m = 1; m < 32; m++) s += rankOf(m, truth);
    assert.equal(s, (31 * 32) / 2);
  });
  it("argmax ties → lowest mask; regret vs argmax or a given oracle", () => {
    assert.equal(argmaxMask([100, 0.2, 0.9, 0.9]), 2);
    assert.equal(argmaxMask([NaN, NaN]), -1);
    close(regret(1, [NaN, 0.7, 0.9]), 0.2, 1e-15);
    assert.equal(regret(1, [NaN, 0.7, 0.9], 1), 0);
    assert.ok(regret(2, [NaN, 0.7, 0.9], 1) < 0);
  });
});
