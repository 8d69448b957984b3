import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import {
  cosineSimilarity,
  l2Distance,
  meanUnitEmbedding,
  mixtureSimilarity,
  type Embeddings,
} from "../../src/select/index";
import { InvalidArgumentError } from "../../src/util/errors";
import { Rng } from "../../src/util/rng";

function randomEmbeddings(rng: Rng, n: number, dim: number, shift = 0): Embeddings {
  return { data: Float32Array.from({ length: n * dim }, () => rng.normal() + shift), dim };
}
const row = (e: Embeddings, i: number) => Array.from(e.data.subarray(i * e.dim, (i + 1) * e.dim));
const norm = (v: number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));

describe("cosine average of average", () => {
  it("equals the mean of all pairwise cosines", () => {
    const rng = new Rng(11);
    const a = randomEmbeddings(rng, 37, 9, 0.3),
      b = randomEmbeddings(rng, 23, 9, -0.1);
    let s = 0;
    for (let i = 0; i < 37; i++)
      for (let j = 0; j < 23; j++) {
        const u = row(a, i),
          v = row(b, j);
        s += u.reduce((t, x, k) => t + x * v[k], 0) / (norm(u) * norm(v));
      }
    assert.ok(Math.abs(cosineSimilarity(a, b) - s / (37 * 23)) < 1e-12);
  });
  it("is 1 for the same direction, scale-free, symmetric", () => {
    const a = { data: new Float32Array([1, 2, 2, 4]), dim: 2 };
    assert.ok(Math.abs(cosineSimilarity(a, a) - 1) < 1e-12);
    const rng = new Rng(2);
    const x = randomEmbeddings(rng, 5, 4),
      y = randomEmbeddings(rng, 6, 4);
    assert.ok(Math.abs(cosineSimilarity(x, y) - cosineSimilarity(y, x)) < 1e-15);
  });
  it("rejects zero rows, bad shapes, dim mismatch", () => {
    assert.throws(() => meanUnitEmbedding({ data: new Float32Array([1, 0, 0, 0]), dim: 2 }), /row 1 norm/);
    assert.throws(
      () => cosineSimilarity({ data: new Float32Array(5), dim: 2 }, { data: new Float32Array(4), dim: 2 }),
      InvalidArgumentError,
    );
    assert.throws(
      () => cosineSimilarity({ data: new Float32Array([1, 1]), dim: 2 }, { data: new Float32Array([1, 1, 1]), dim: 3 }),
      /dim/,
    );
  });
});

describe("L2 average of average", () => {
  it("equals a brute-force mean pairwise distance", () => {
    const rng = new Rng(4);
    const a = randomEmbeddings(rng, 13, 7),
      b = randomEmbeddings(rng, 17, 7, 2);
    let s = 0;
    for (let i = 0; i < 13; i++) for (let j = 0; j < 17; j++) s += norm(row(a, i).map((x, k) => x - row(b, j)[k]));
    assert.ok(Math.abs(l2Distance(a, b) - s / (13 * 17)) < 1e-9);
  });
  it("is 0 for one identical point, grows with a shift", () => {
    const p = { data: new Float32Array([1, 2, 3]), dim: 3 };
    assert.equal(l2Distance(p, p), 0);
    const rng = new Rng(8);
    const a = randomEmbeddings(rng, 40, 8);
    assert.ok(l2Distance(a, randomEmbeddings(rng, 40, 8, 3)) > l2Distance(a, randomEmbeddings(rng, 40, 8, 0)));
  });
  it("subsample cap is seeded, deterministic and close to the exact value", () => {
    const rng = new Rng(9);
    const a = randomEmbeddings(rng, 300, 16),
      b = randomEmbeddings(rng, 300, 16, 0.5);
    const exact = l2Distance(a, b);
    const s1 = l2Distance(a, b, { maxRows: 100, seed: 1 });
    assert.equal(s1, l2Distance(a, b, { maxRows: 100, seed: 1 }));
    assert.notEqual(s1, l2Distance(a, b, { maxRows: 100, seed: 2 }));
    assert.ok(Math.abs(s1 - exact) / exact < 0.02);
    assert.equal(l2Distance(a, b, { maxRows: 1000 }), exact);
    assert.throws(() => l2Distance(a, b, { maxRows: 0 }), InvalidArgumentError);
  });
});

describe("mixtureSimilarity", () => {
  const scores = [0.9, 0.5, 0.7];
  it("mean: argmax is always the single most similar dataset", () => {
    const m = mixtureSimilarity(scores, { rule: "mean" });
    assert.ok(Number.isNaN(m[0]));
    assert.ok(Math.abs(m[0b111] - 0.7) < 1e-15);
    let best = 1;
    for (let k = 1; k < m.length; k++) if (m[k] > m[best]) best = k;
    assert.equal(best, 0b001);
  });
  it("pooled = the pooled examples' average of average (exact, size-weighted)", () => {
    const rng = new Rng(12);
    const target = randomEmbeddings(rng, 10, 5);
    const cands = [randomEmbeddings(rng, 4, 5, 1), randomEmbeddings(rng, 9, 5, -1), randomEmbeddings(rng, 6, 5)];
    const sizes = cands.map((c) => c.data.length / c.dim);
    const cos = mixtureSimilarity(
      cands.map((c) => cosineSimilarity(target, c)),
      { rule: "pooled", sizes },
    );
    const l2 = mixtureSimilarity(
      cands.map((c) => l2Distance(target, c)),
      { rule: "pooled", sizes },
    );
    for (const mask of [0b011, 0b101, 0b111]) {
      const parts = cands.filter((_, i) => mask & (1 << i));
      const union: Embeddings = { data: Float32Array.from(parts.flatMap((p) => Array.from(p.data))), dim: 5 };
      assert.ok(Math.abs(cos[mask] - cosineSimilarity(target, union)) < 1e-12);
      assert.ok(Math.abs(l2[mask] - l2Distance(target, union)) < 1e-9);
    }
  });
  it("top-k uses the best k (higher or lower is better)", () => {
    const hi = mixtureSimilarity(scores, { rule: "top-k", k: 2 });
    assert.ok(Math.abs(hi[0b111] - 0.8) < 1e-15);
    assert.equal(hi[0b010], 0.5);
    const lo = mixtureSimilarity(scores, { rule: "top-k", k: 2, better: "lower" });
    assert.ok(Math.abs(lo[0b111] - 0.6) < 1e-15);
  });
  it("rejects bad rules and sizes", () => {
    assert.throws(() => mixtureSimilarity(scores, { rule: "pooled" }), /sizes/);
    assert.throws(() => mixtureSimilarity(scores, { rule: "max" as never }), InvalidArgumentError);
    assert.throws(() => mixtureSimilarity(scores, { rule: "top-k", k: 0 }), /k = 0/);
  });
});
