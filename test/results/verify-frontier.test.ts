// The verify frontier over hand-made run results (the shared synthetic fixture): every number checked
// against a direct computation from the mixture rows.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { syntheticResults } from "../fixtures/results";
import { judgePick, seedAveragedTruth } from "../../src/results/seed-averaged-truth";
import { formatVerifyFrontier } from "../../src/results/text/verify-text";
import { formatSummary } from "../../src/results/text/summary";
import { verifyFrontier, type VerifyFrontier } from "../../src/results/verify-frontier";
import type { RunResults } from "../../src/results/results";

const r = syntheticResults({ seeds: [0, 1, 2], tasks: ["a", "b", "c", "d", "e"] }); // 4 candidates, 15 mixtures
const f = verifyFrontier(r, { resamples: 200 })!;
const curve = (fr: VerifyFrontier, selector: string, strategy: string) =>
  fr.curves.find((c) => c.selector === selector && c.strategy === strategy)!;

/** Σ regret / Σ gap of one pick per (target, seed), as the claims aggregate it. */
function normalisedRegret(pick: (target: string, seed: number) => number): number {
  const truth = seedAveragedTruth(r);
  let num = 0,
    den = 0;
  for (const t of r.targets) {
    const tr = truth.get(t)!;
    let n = 0,
      d = 0;
    for (const s of r.seeds) {
      const j = judgePick(tr, pick(t, s));
      n += j.regret;
      d += j.gap;
    }
    num += n / r.seeds.length;
    den += d / r.seeds.length;
  }
  return num / den;
}
const rows = (t: string, s: number) => r.mixtures.filter((m) => m.target === t && m.seed === s);
const argmax = (xs: ReturnType<typeof rows>, f: (m: ReturnType<typeof rows>[number]) => number) =>
  xs.reduce((b, m) => (f(m) > f(b) || (f(m) === f(b) && m.mask < b.mask) ? m : b)).mask;

describe("verifyFrontier", () => {
  it("K = 1 … 8 and the exhaustive end, every selector × strategy and random", () => {
    assert.deepEqual(f.ks, [1, 2, 3, 4, 5, 6, 7, 8, 15]);
    assert.equal(f.mixtures, 15);
    for (const sel of ["merge-to-mix", "cosine", "l2"])
      for (const st of ["top", "sizes", "portfolio", "adaptive"]) assert.ok(curve(f, sel, st), `${sel} ${st}`);
    assert.ok(curve(f, "random", "best-of-K"));
  });

  it("top at K = 1 is Merge to Mix's own pick; at K = 15 the seed's best real mixture", () => {
    const top = curve(f, "merge-to-mix", "top");
    const k1 = normalisedRegret((t, s) => argmax(rows(t, s), (m) => -m.merged_val_loss));
    assert.ok(
      Math.abs(top.points[0].normalisedRegret.estimate - k1) < 1e-12,
      `${top.points[0].normalisedRegret.estimate} vs ${k1}`,
    );
    const all = normalisedRegret((t, s) => argmax(rows(t, s), (m) => -(m.true_val_loss as number)));
    for (const c of f.curves.filter((c) => c.strategy !== "adaptive")) {
      assert.ok(
        Math.abs(c.points[c.points.length - 1].normalisedRegret.estimate - all) < 1e-12,
        `${c.selector} ${c.strategy} at K=15`,
      );
    }
  });

  it("K = 1 is the selector's own pick whatever the strategy", () => {
    for (const sel of ["merge-to-mix", "cosine", "l2"])
      for (const st of ["sizes", "portfolio", "adaptive"]) {
        assert.deepEqual(curve(f, sel, st).points[0], curve(f, sel, "top").points[0], `${sel} ${st}`);
      }
  });

  it("top at K = 3: the best real of the merged model's three best, per (target, seed)", () => {
    const want = normalisedRegret((t, s) => {
      const three = [...rows(t, s)]
        .sort((a, b) => a.merged_val_loss - b.merged_val_loss || a.mask - b.mask)
        .slice(0, 3);
      return argmax(three, (m) => -(m.true_val_loss as number));
    });
    assert.ok(Math.abs(curve(f, "merge-to-mix", "top").points[2].normalisedRegret.estimate - want) < 1e-12);
  });

  it("random best-of-K: exactly 1 at K = 1, never rising with K; fine-tunes = K except where adaptive stops", () => {
    const rnd = curve(f, "random", "best-of-K").points;
    assert.ok(Math.abs(rnd[0].normalisedRegret.estimate - 1) < 1e-12);
    for (let i = 1; i < rnd.length; i++)
      assert.ok(rnd[i].normalisedRegret.estimate <= rnd[i - 1].normalisedRegret.estimate + 1e-12);
    for (const c of f.curves)
      for (const p of c.points) {
        if (c.strategy === "adaptive") assert.ok(p.finetunes <= p.k && p.finetunes >= Math.min(p.k, 2));
        else assert.equal(p.finetunes, p.k);
      }
  });

  it("every surrogate the results carry gets its curves (one scoring like the merged model draws the same)", () => {
    const withSurrogate: RunResults = {
      ...r,
      surrogates: r.targets.flatMap((t) =>
        r.seeds.map((s) => {
          const acc = new Array<number>(16).fill(NaN),
            loss = new Array<number>(16).fill(NaN);
          for (const m of rows(t, s)) {
            acc[m.mask] = m.merged_val_acc;
            loss[m.mask] = m.merged_val_loss;
          }
          return {
            seed: s,
            target: t,
            name: "ensemble",
            val_acc: acc,
            val_loss: loss,
            seconds: 0,
            lambda: null,
            calibration_masks: null,
            extra_finetunes: 0,
            extra_seconds: 0,
          };
        }),
      ),
    };
    const g = verifyFrontier(withSurrogate, { resamples: 200 })!;
    assert.deepEqual(curve(g, "surrogate ensemble", "top").points, curve(g, "merge-to-mix", "top").points);
  });

  it("judged on validation it differs from test; the paired lines pair the default strategy at K = 3", () => {
    const v = verifyFrontier(r, { judge: "val", resamples: 200 })!;
    assert.equal(v.judge, "val");
    assert.notDeepEqual(curve(v, "merge-to-mix", "top").points, curve(f, "merge-to-mix", "top").points);
    assert.deepEqual(
      f.paired.map((p) => `${p.k} ${p.a} − ${p.b}`),
      [
        `3 merge-to-mix ${f.defaultStrategy} − cosine ${f.defaultStrategy}`,
        `3 merge-to-mix ${f.defaultStrategy} − l2 ${f.defaultStrategy}`,
        `3 merge-to-mix ${f.defaultStrategy} − random best-of-K`,
      ],
    );
    assert.equal(verifyFrontier(r, { pairedK: 5, resamples: 50 })!.paired[0].k, 5);
  });

  it("prints the verify curve and paired lines in the issue's format, also in the run summary", () => {
    const text = formatVerifyFrontier(f);
    const iv = String.raw`-?\d+\.\d\d \[(-?\d+\.\d\d, -?\d+\.\d\d|–)\]`;
    assert.match(
      text.join("\n"),
      new RegExp(String.raw`^verify curve merge-to-mix top: K=1 ${iv}, K=2 ${iv}, .*K=8 ${iv}, K=15 ${iv}$`, "m"),
    );
    assert.match(
      text.join("\n"),
      new RegExp(
        String.raw`^paired at K=3: merge-to-mix ${f.defaultStrategy} − cosine ${f.defaultStrategy}: [+-]\d+\.\d points \[-?\d+\.\d, -?\d+\.\d\] \(95% CI\), wins/ties/losses \d+/\d+/\d+$`,
        "m",
      ),
    );
    assert.match(formatSummary(r), /^verify curve l2 sizes: K=1 /m);
  });

  it("nothing without a ground truth", () => {
    assert.equal(
      verifyFrontier({
        ...r,
        mixtures: r.mixtures.map((m) => ({ ...m, true_val_acc: null, true_val_loss: null, true_test_acc: null })),
      }),
      null,
    );
  });
});
