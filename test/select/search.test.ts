import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import {
  beamSearch, compareSearch, evolutionarySearch, fitSurrogate, greedyBackward, greedyForward, predictSurrogate, surrogateSearch,
  type Objective,
} from "../../src/select/index";
import { InvalidArgumentError } from "../../src/util/errors";
import { Rng } from "../../src/util/rng";

/** Additive + pairwise synthetic objective with a known structure: f(S) = Σ a_i + Σ b_ij (i<j ∈ S). */
function synthetic(n: number, seed: number, pairScale = 0.3) {
  const rng = new Rng(seed);
  const a = Array.from({ length: n }, () => rng.normal());
  const b = Array.from({ length: n * n }, () => pairScale * rng.normal());
  const f = (mask: number) => {
    let s = 0;
    for (let i = 0; i < n; i++) if (mask & (1 << i)) { s += a[i]; for (let j = i + 1; j < n; j++) if (mask & (1 << j)) s += b[i * n + j]; }
    return s;
  };
  let best = 1;
  for (let m = 1; m < 2 ** n; m++) if (f(m) > f(best)) best = m;
  return { f, best, a };
}

describe("search strategies", () => {
  it("all find the optimum of a purely additive objective", async () => {
    const { f, best } = synthetic(8, 1, 0);
    for (const run of [greedyForward, greedyBackward, (s: Objective, n: number) => beamSearch(s, n, { width: 2 }),
      (s: Objective, n: number) => surrogateSearch(s, n, { model: "linear", seed: 1 })]) {
      const r = await run(f, 8);
      assert.equal(r.mask, best);
      assert.equal(r.score, f(best));
    }
  });
  it("greedy forward: evaluation count, trace is monotone, async objectives work", async () => {
    const { f } = synthetic(6, 2);
    let calls = 0;
    const r = await greedyForward(async (m) => { calls++; return f(m); }, 6, { full: true });
    assert.equal(r.evaluations, 21); // 6 + 5 + … + 1
    assert.equal(calls, 21);
    for (let i = 1; i < r.trace.length; i++) assert.ok(r.trace[i].score >= r.trace[i - 1].score);
    assert.equal(r.trace[r.trace.length - 1].evaluations, r.evaluations);
  });
  it("beam with a wide beam is exhaustive up to each level; width 1 ≤ width 4", async () => {
    const { f, best } = synthetic(6, 3);
    const wide = await beamSearch(f, 6, { width: 64 });
    assert.equal(wide.mask, best);
    const narrow = await beamSearch(f, 6, { width: 1 });
    assert.ok(narrow.score <= (await beamSearch(f, 6, { width: 4 })).score);
  });
  it("evolutionary is seeded, respects its budget, finds good mixtures", async () => {
    const { f, best } = synthetic(10, 4);
    const r1 = await evolutionarySearch(f, 10, { seed: 5, population: 20, generations: 30 });
    const r2 = await evolutionarySearch(f, 10, { seed: 5, population: 20, generations: 30 });
    assert.deepEqual(r1, r2);
    assert.ok(f(best) - r1.score < 0.5, `regret ${f(best) - r1.score}`);
    const capped = await evolutionarySearch(f, 10, { seed: 5, maxEvaluations: 25 });
    assert.ok(capped.evaluations <= 25);
    await assert.rejects(evolutionarySearch(f, 10, { population: 1 }), InvalidArgumentError);
  });
  it("pairwise surrogate recovers the coefficients and the optimum", async () => {
    const n = 7;
    const { f, best } = synthetic(n, 6);
    const masks = Array.from({ length: 2 ** n - 1 }, (_, i) => i + 1);
    const fit = fitSurrogate(n, masks, masks.map(f), "pairwise", 1e-9);
    for (const m of [3, 77, 127]) assert.ok(Math.abs(predictSurrogate(fit, m) - f(m)) < 1e-6);
    const r = await surrogateSearch(f, n, { model: "pairwise", seed: 2 });
    assert.equal(r.mask, best);
    assert.ok(r.evaluations < 2 ** n - 1);
  });
  it("surrogate works beyond exhaustive range (local search, N = 24)", async () => {
    const { a } = { a: Array.from({ length: 24 }, (_, i) => (i % 3 === 0 ? 1 : -1)) };
    const f = (m: number) => a.reduce((s, w, i) => s + (m & (1 << i) ? w : 0), 0);
    const r = await surrogateSearch(f, 24, { model: "linear", seed: 1, verify: 2 });
    assert.equal(r.score, 8);
  });
  it("reject bad arguments", async () => {
    await assert.rejects(greedyForward(() => 0, 0), InvalidArgumentError);
    await assert.rejects(beamSearch(() => 0, 4, { width: 0 }), /width/);
    await assert.rejects(greedyForward(() => "x" as unknown as number, 3), /a number/);
  });
});

describe("compareSearch", () => {
  it("reports regret vs exhaustive and evaluations used", async () => {
    const { f, best } = synthetic(9, 7);
    let calls = 0;
    const rows = await compareSearch((m) => { calls++; return f(m); }, 9, {
      forward: (s, n) => greedyForward(s, n),
      backward: (s, n) => greedyBackward(s, n),
      beam4: (s, n) => beamSearch(s, n, { width: 4 }),
      evo: (s, n) => evolutionarySearch(s, n, { seed: 1 }),
      surrogate: (s, n) => surrogateSearch(s, n, { seed: 1 }),
    });
    assert.equal(calls, 511); // the objective is paid for once
    for (const r of rows) {
      assert.equal(r.optimumMask, best);
      assert.ok(r.regret >= 0 && Math.abs(r.regret - (f(best) - f(r.mask))) < 1e-12);
      assert.ok(r.rank >= 1 && r.evaluations > 0 && r.fraction <= 1);
      assert.equal(r.regret === 0, r.rank === 1);
    }
    assert.deepEqual(rows.map((r) => r.strategy), ["forward", "backward", "beam4", "evo", "surrogate"]);
  });
});
