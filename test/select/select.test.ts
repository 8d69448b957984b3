import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import type { CorrelationRow } from "../../src/results/results";
import { correlations, meanCorrelations, pearson, rankOf, pickMixtures } from "../../src/select/index";
import { membersOf } from "../../src/merge/subsets";
import { InvalidArgumentError } from "../../src/util/errors";
import { Rng } from "../../src/util/rng";

const candidates = ["a", "b", "c"];
// Index = mask. Hand-built so every method picks a different mixture.
const merged = [NaN, 0.5, 0.6, 0.7, 0.4, 0.65, 0.55, 0.62];
const cosine = [NaN, 0.1, 0.3, 0.2, 0.9, 0.5, 0.6, 0.4];
const l2 = [NaN, 3.0, 1.0, 2.0, 4.0, 3.5, 2.5, 3.2];
const trueVal = [NaN, 0.55, 0.58, 0.72, 0.45, 0.8, 0.5, 0.7];
const trueTest = [NaN, 0.54, 0.57, 0.71, 0.44, 0.78, 0.49, 0.69];

describe("pickMixtures", () => {
  const rows = pickMixtures({ seed: 3, target: "t", candidates, merged, cosine, l2, trueVal, trueTest });
  const by = (m: string) => rows.find((r) => r.method === m)!;
  it("each method picks its mixture", () => {
    assert.deepEqual(
      rows.map((r) => [r.method, r.mask]),
      [
        ["merge-to-mix", 3],
        ["cosine", 4],
        ["l2", 2],
        ["random", -1],
        ["all", 7],
        ["best-single", 2],
        ["oracle", 5],
      ],
    );
    assert.deepEqual(by("merge-to-mix").members, ["a", "b"]);
    assert.ok(rows.every((r) => r.seed === 3 && r.target === "t"));
  });
  it("test accuracy, regret vs the oracle, rank by true validation", () => {
    const m = by("merge-to-mix");
    assert.equal(m.test_acc, 0.71);
    assert.ok(Math.abs(m.regret - (0.78 - 0.71)) < 1e-15);
    assert.equal(m.rank, 2);
    assert.equal(by("oracle").regret, 0);
    assert.equal(by("oracle").rank, 1);
  });
  it("random is the exact expectation over all mixtures", () => {
    const r = by("random");
    const mean = trueTest.slice(1).reduce((a, b) => a + b, 0) / 7;
    assert.ok(Math.abs(r.test_acc - mean) < 1e-15);
    const ranksMean = [1, 2, 3, 4, 5, 6, 7].reduce((s, k) => s + rankOf(k, trueVal), 0) / 7;
    assert.equal(r.rank, ranksMean);
    assert.deepEqual(r.members, []);
  });
  it("ties go to the lowest mask", () => {
    const flat = [NaN, 1, 1, 1, 1, 1, 1, 1];
    const r = pickMixtures({
      seed: 0,
      target: "t",
      candidates,
      merged: flat,
      cosine: flat,
      l2: flat,
      trueVal: flat,
      trueTest: flat,
    });
    assert.deepEqual(
      r.filter((x) => x.mask > 0 && x.method !== "all").map((x) => x.mask),
      [1, 1, 1, 1, 1],
    );
  });
  it("missing truth (null) → NaN for methods that pick it; wrong lengths throw", () => {
    const tv = trueVal.slice() as Array<number | null>,
      tt = trueTest.slice() as Array<number | null>;
    tv[3] = null;
    tt[3] = null;
    const r = pickMixtures({ seed: 0, target: "t", candidates, merged, cosine, l2, trueVal: tv, trueTest: tt });
    assert.ok(Number.isNaN(r[0].test_acc));
    assert.equal(r.find((x) => x.method === "oracle")!.mask, 5);
    assert.throws(
      () => pickMixtures({ seed: 0, target: "t", candidates, merged: merged.slice(1), cosine, l2, trueVal, trueTest }),
      InvalidArgumentError,
    );
  });
  it("membersOf follows candidate order", () => assert.deepEqual(membersOf(0b101, candidates), ["a", "c"]));
});

describe("correlations", () => {
  const rng = new Rng(21);
  const N = 4,
    len = 16;
  const truthAcc = Array.from({ length: len }, (_, m) => (m ? rng.next() : NaN));
  const truthLoss = truthAcc.map((a) => 1 - a + 0.01 * rng.normal());
  const mergedAcc = truthAcc.map((a) => a + 0.1 * rng.normal());
  const input = {
    seed: 1,
    target: "t",
    merged: mergedAcc,
    mergedLoss: mergedAcc.map((a) => 1 - a),
    cosine: mergedAcc.map(() => rng.next()),
    l2: truthAcc.map((a) => 5 - a),
    trueValAcc: truthAcc,
    trueValLoss: truthLoss,
  };
  const rows = correlations(input);
  const get = (scorer: string, truth: string, subset: string) =>
    rows.find((r) => r.scorer === scorer && r.truth === truth && r.subset === subset)!;
  it("has every scorer × truth × subset, with n", () => {
    assert.equal(rows.length, 12);
    assert.equal(get("merged", "val_acc", "all").n, 15);
    assert.equal(get("merged", "val_acc", "no-singletons").n, 15 - N);
  });
  it("values equal pearson on the right subset", () => {
    const masks = Array.from({ length: 15 }, (_, i) => i + 1).filter((m) => m & (m - 1));
    const r = pearson(
      masks.map((m) => mergedAcc[m]),
      masks.map((m) => truthAcc[m]),
    );
    assert.ok(Math.abs(get("merged", "val_acc", "no-singletons").pearson - r) < 1e-15);
  });
  it("negates losses and distances so positive = agrees with the truth", () => {
    assert.ok(get("l2", "val_acc", "all").pearson > 0.999); // l2 = 5 − acc: lower distance ↔ higher acc
    assert.ok(get("merged", "val_loss", "all").pearson > 0.5);
    assert.ok(
      Math.abs(
        get("merged", "val_loss", "all").pearson -
          pearson(
            mergedAcc.slice(1).map((a) => a - 1),
            truthLoss.slice(1).map((l) => -l),
          ),
      ) < 1e-12,
    );
  });
  it("meanCorrelations averages over targets, skipping NaN", () => {
    const mk = (target: string, pearsonR: number): CorrelationRow => ({
      seed: 0,
      target,
      scorer: "merged",
      truth: "val_acc",
      subset: "all",
      n: 7,
      pearson: pearsonR,
      spearman: 0,
      kendall: 0,
    });
    const m = meanCorrelations([mk("x", 0.5), mk("y", 0.7), mk("z", NaN)]);
    assert.equal(m.length, 1);
    assert.equal(m[0].target, "mean");
    assert.ok(Math.abs(m[0].pearson - 0.6) < 1e-15);
    assert.equal(m[0].n, 2);
  });
});
