import { it } from "node:test";
import assert from "node:assert/strict";
import { bootstrapMean, pairedDifference, quantileSorted } from "../../src/select/metrics/bootstrap";
import { InvalidArgumentError } from "../../src/util/errors";
import { Rng } from "../../src/util/rng";

it("quantileSorted interpolates like d3.quantile", () => {
  assert.equal(quantileSorted([], 0.5), NaN);
  assert.equal(quantileSorted([3], 0.9), 3);
  assert.equal(quantileSorted([0, 10], 0.25), 2.5);
  assert.equal(quantileSorted([1, 2, 3, 4, 5], 0.5), 3);
  assert.equal(quantileSorted([1, 2, 3, 4, 5], 1), 5);
});

it("estimate weights targets equally; the interval brackets it, shrinks with more seeds and is seeded", () => {
  const t = [
    [1, 3],
    [10, 10, 10, 10],
  ];
  assert.equal(bootstrapMean(t).estimate, (2 + 10) / 2);
  const rng = new Rng(1);
  const table = (seeds: number) =>
    Array.from({ length: 8 }, (_, i) => Array.from({ length: seeds }, () => 0.5 + 0.01 * i + 0.05 * rng.normal()));
  const few = bootstrapMean(table(2)),
    many = bootstrapMean(table(40));
  for (const r of [few, many]) assert.ok(r.lo <= r.estimate && r.estimate <= r.hi, JSON.stringify(r));
  assert.ok(many.hi - many.lo < few.hi - few.lo, `40 seeds ${many.hi - many.lo} vs 2 seeds ${few.hi - few.lo}`);
  const fixed = table(3);
  assert.deepEqual(bootstrapMean(fixed, { seed: 7 }), bootstrapMean(fixed, { seed: 7 }));
  assert.notDeepEqual(bootstrapMean(fixed, { seed: 7 }), bootstrapMean(fixed, { seed: 8 }));
});

it("coverage: a 95% interval of a known mean covers it, and is about as wide as theory says", () => {
  const rng = new Rng(3);
  let covered = 0,
    width = 0;
  const trials = 200;
  for (let k = 0; k < trials; k++) {
    const t = Array.from({ length: 10 }, () => Array.from({ length: 3 }, () => rng.normal()));
    const r = bootstrapMean(t, { resamples: 400, seed: k });
    if (r.lo <= 0 && 0 <= r.hi) covered++;
    width += (r.hi - r.lo) / trials;
  }
  // Measured: 0.98 covered, mean width 0.88. The normal-theory width is 2 · 1.96 / √30 = 0.72; resampling
  // seeds again inside each drawn target counts their noise twice, so the two-stage interval is a bit wider.
  // An interval that always covers (too wide) or rarely covers (too narrow) fails one of these.
  assert.ok(covered / trials > 0.85 && covered / trials < 1, `coverage ${covered / trials}`);
  assert.ok(width > 0.6 && width < 1.1, `mean width ${width}`);
});

it("NaN cells are skipped; nothing to resample gives NaN bounds; bad options are typed errors", () => {
  const r = bootstrapMean([[NaN, 2], [NaN]]);
  assert.equal(r.estimate, 2);
  assert.equal(r.targets, 1);
  assert.equal(r.cells, 1);
  assert.ok(Number.isNaN(r.lo) && Number.isNaN(r.hi));
  assert.equal(bootstrapMean([]).targets, 0);
  assert.throws(() => bootstrapMean([[1]], { resamples: 0 }), InvalidArgumentError);
  assert.throws(() => bootstrapMean([[1]], { level: 1 }), InvalidArgumentError);
});

it("pairedDifference: per-cell differences, wins/ties/losses by target, shape checks", () => {
  const a = [
      [0.6, 0.62],
      [0.5, 0.5],
      [0.4, 0.42],
    ],
    b = [
      [0.5, 0.52],
      [0.5, 0.5],
      [0.45, 0.47],
    ];
  const p = pairedDifference(a, b);
  assert.ok(Math.abs(p.estimate - (0.1 + 0 - 0.05) / 3) < 1e-12);
  assert.deepEqual([p.wins, p.ties, p.losses], [1, 1, 1]);
  assert.throws(() => pairedDifference(a, b.slice(1)), InvalidArgumentError);
  assert.throws(() => pairedDifference(a, [[1], [1, 2], [1, 2]]), InvalidArgumentError);
});

it("bootstrapRatio: Σ num / Σ den (targets weighted equally), stable where per-cell ratios are not", async () => {
  const { bootstrapRatio } = await import("../../src/select/metrics/bootstrap");
  const num = [
      [1, 1],
      [0.01, 0.01],
    ],
    den = [
      [2, 2],
      [0.001, 0.001],
    ];
  const r = bootstrapRatio(num, den);
  assert.ok(Math.abs(r.estimate - 1.01 / 2.001) < 1e-12); // per-cell ratios would average (0.5 + 10) / 2
  assert.ok(r.lo <= r.estimate && r.estimate <= r.hi);
  assert.ok(Number.isNaN(bootstrapRatio([[1]], [[2]]).lo));
  assert.throws(() => bootstrapRatio([[1]], [[1], [2]]), InvalidArgumentError);
});
