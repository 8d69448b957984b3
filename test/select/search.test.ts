import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import {
  argmaxMask,
  beamSearch,
  chooseSearch,
  compareSearch,
  evolutionarySearch,
  exhaustiveSearch,
  fitSurrogate,
  greedyBackward,
  greedyForward,
  mixtureSimilarity,
  predictSurrogate,
  runSearch,
  similarityPick,
  surrogateSearch,
  type Objective,
} from "../../src/select/index";
import { InvalidArgumentError, TooLargeError, UnknownNameError } from "../../src/util/errors";
import { Rng } from "../../src/util/rng";

/** Additive + pairwise synthetic objective with a known structure: f(S) = Σ a_i + Σ b_ij (i<j ∈ S). */
function synthetic(n: number, seed: number, pairScale = 0.3) {
  const rng = new Rng(seed);
  const a = Array.from({ length: n }, () => rng.normal());
  const b = Array.from({ length: n * n }, () => pairScale * rng.normal());
  const f = (mask: number) => {
    let s = 0;
    for (let i = 0; i < n; i++)
      if (mask & (1 << i)) {
        s += a[i];
        for (let j = i + 1; j < n; j++) if (mask & (1 << j)) s += b[i * n + j];
      }
    return s;
  };
  let best = 1;
  for (let m = 1; m < 2 ** n; m++) if (f(m) > f(best)) best = m;
  return { f, best, a };
}

describe("search strategies", () => {
  it("all find the optimum of a purely additive objective", async () => {
    const { f, best } = synthetic(8, 1, 0);
    for (const run of [
      greedyForward,
      greedyBackward,
      (s: Objective, n: number) => beamSearch(s, n, { width: 2 }),
      (s: Objective, n: number) => surrogateSearch(s, n, { model: "linear", seed: 1 }),
    ]) {
      const r = await run(f, 8);
      assert.equal(r.mask, best);
      assert.equal(r.score, f(best));
    }
  });
  it("greedy forward: evaluation count, trace is monotone, async objectives work", async () => {
    const { f } = synthetic(6, 2);
    let calls = 0;
    const r = await greedyForward(
      async (m) => {
        calls++;
        return f(m);
      },
      6,
      { full: true },
    );
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
    await assert.rejects(
      greedyForward(() => 0, 0),
      InvalidArgumentError,
    );
    await assert.rejects(
      beamSearch(() => 0, 4, { width: 0 }),
      /width/,
    );
    await assert.rejects(
      greedyForward(() => "x" as unknown as number, 3),
      /a number/,
    );
  });
});

describe("compareSearch", () => {
  it("reports regret vs exhaustive and evaluations used", async () => {
    const { f, best } = synthetic(9, 7);
    let calls = 0;
    const rows = await compareSearch(
      (m) => {
        calls++;
        return f(m);
      },
      9,
      {
        forward: (s, n) => greedyForward(s, n),
        backward: (s, n) => greedyBackward(s, n),
        beam4: (s, n) => beamSearch(s, n, { width: 4 }),
        evo: (s, n) => evolutionarySearch(s, n, { seed: 1 }),
        surrogate: (s, n) => surrogateSearch(s, n, { seed: 1 }),
      },
    );
    assert.equal(calls, 511); // the objective is paid for once
    for (const r of rows) {
      assert.equal(r.optimumMask, best);
      assert.ok(r.regret >= 0 && Math.abs(r.regret - (f(best) - f(r.mask))) < 1e-12);
      assert.ok(r.rank >= 1 && r.evaluations > 0 && r.fraction <= 1);
      assert.equal(r.regret === 0, r.rank === 1);
    }
    assert.deepEqual(
      rows.map((r) => r.strategy),
      ["forward", "backward", "beam4", "evo", "surrogate"],
    );
  });
});

describe("search budgets", () => {
  it("every strategy stays within its budget and returns the best mixture it evaluated", async () => {
    const { f } = synthetic(12, 11);
    for (const budget of [1, 7, 40]) {
      for (const name of ["exhaustive", "greedy", "beam", "evolutionary", "surrogate"] as const) {
        const seen: number[] = [];
        const r = await runSearch(
          { strategy: name, budget },
          (m) => {
            seen.push(m);
            return f(m);
          },
          12,
          { seed: 3 },
        );
        assert.ok(
          r.evaluations <= budget && r.evaluations === new Set(seen).size,
          `${name} budget ${budget}: ${r.evaluations} evaluations`,
        );
        assert.equal(r.score, Math.max(...seen.map(f)), `${name} returns the best it saw`);
        assert.ok(seen.includes(r.mask));
      }
    }
  });
  it("a budget larger than the strategy needs changes nothing", async () => {
    const { f } = synthetic(9, 12);
    assert.deepEqual(await greedyForward(f, 9, { budget: 10_000 }), await greedyForward(f, 9));
    assert.deepEqual(await beamSearch(f, 9, { budget: 10_000 }), await beamSearch(f, 9));
  });
  it("exhaustiveSearch evaluates every mixture and finds the optimum", async () => {
    const { f, best } = synthetic(7, 13);
    const r = await exhaustiveSearch(f, 7);
    assert.equal(r.evaluations, 127);
    assert.equal(r.mask, best);
  });
  it("rejects a budget that is not a positive integer", async () => {
    for (const b of [0, -1, 2.5, NaN])
      await assert.rejects(
        greedyForward(() => 0, 4, { budget: b }),
        /budget/,
      );
  });
});

describe("chooseSearch", () => {
  it("exhaustive up to 16 candidates, greedy above, a named strategy as asked", () => {
    assert.deepEqual(chooseSearch(7), { strategy: "exhaustive", budget: null });
    assert.deepEqual(chooseSearch(16), { strategy: "exhaustive", budget: null });
    assert.deepEqual(chooseSearch(17), { strategy: "greedy", budget: null });
    assert.deepEqual(chooseSearch(14, "beam", 200), { strategy: "beam", budget: 200 });
    assert.deepEqual(chooseSearch(5, undefined, 31), { strategy: "exhaustive", budget: 31 });
    assert.deepEqual(chooseSearch(20, "exhaustive"), { strategy: "exhaustive", budget: null });
  });
  it("refuses exhaustive search above 24 candidates, naming the search options", () => {
    assert.throws(
      () => chooseSearch(25, "exhaustive"),
      (e: Error) =>
        e instanceof TooLargeError && /greedy\|beam\|evolutionary\|surrogate/.test(e.message) && /25/.test(e.message),
    );
    assert.equal(chooseSearch(25).strategy, "greedy");
    assert.equal(chooseSearch(30, "surrogate", 500).strategy, "surrogate");
  });
  it("typed errors: unknown strategy, budget < 1, an exhaustive search below its size", () => {
    assert.throws(
      () => chooseSearch(5, "random-walk"),
      (e: Error) => e instanceof UnknownNameError && /random-walk/.test(e.message) && /surrogate/.test(e.message),
    );
    assert.throws(
      () => chooseSearch(5, "greedy", 0),
      (e: Error) => e instanceof InvalidArgumentError && /budget = 0/.test(e.message),
    );
    assert.throws(
      () => chooseSearch(5, undefined, 10),
      (e: Error) => e instanceof InvalidArgumentError && /budget = 10.*31.*--search/.test(e.message),
    );
    assert.throws(() => chooseSearch(31), InvalidArgumentError);
  });
});

describe("similarityPick", () => {
  it("equals the argmax over every mixture for each rule (a mean never beats its best member)", () => {
    const rng = new Rng(21);
    for (let trial = 0; trial < 30; trial++) {
      const n = 2 + (trial % 7);
      const scores = Array.from({ length: n }, () => Math.round(rng.normal() * 4) / 4); // coarse: ties happen
      const sizes = Array.from({ length: n }, () => 1 + rng.int(50));
      for (const better of ["higher", "lower"] as const) {
        for (const rule of ["mean", "pooled", "top-k"] as const) {
          const table = mixtureSimilarity(scores, { rule, sizes, k: 2, better });
          const signed = better === "higher" ? table : table.map((v) => -v);
          assert.equal(similarityPick(scores, better), argmaxMask(signed), `${rule}/${better} ${scores}`);
        }
      }
    }
  });
});
