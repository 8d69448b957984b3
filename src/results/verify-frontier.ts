import { mean } from "../select/metrics/finite-stats";
import { bootstrapRatio, pairedDifference, type BootstrapOptions } from "../select/metrics/bootstrap";
import { selectionScore } from "../select/selection-score";
import { randomBestOfK } from "../select/verify/random-best-of-k";
import { DEFAULT_SHORTLIST, SHORTLIST_STRATEGIES, shortlistOrder } from "../select/verify/strategy";
import type { RunResults } from "./results";
import { seedAveragedTruth, type SeedAveragedTruth } from "./seed-averaged-truth";
import type { VerifyCurve, VerifyFrontier, VerifyPoint } from "./verify-frontier-row";

export type { VerifyCurve, VerifyFrontier, VerifyPoint };

/** Options of {@link verifyFrontier}. */
export interface FrontierOptions extends BootstrapOptions {
  /** Largest K before the exhaustive end (default 8). */
  readonly maxK?: number;
  /** K of the paired comparison (default 3). */
  readonly pairedK?: number;
  /** Judge by test (default) or — to choose defaults without looking at test — validation accuracy. */
  readonly judge?: "test" | "val";
}

/** A (target, seed) cell: every selector's scores and the real score, indexed by mask. */
interface Cell {
  scores: Map<string, Float64Array>;
  real: Float64Array;
}

/** Every selector's per-mask scores (higher is better) and the seed's real score, per `${target}/${seed}`. */
function cellsOf(r: RunResults): { selectors: string[]; cells: Map<string, Cell> } {
  const rule = r.spec.score === "accuracy" ? "accuracy" : "loss";
  const cells = new Map<string, Cell>();
  const cell = (t: string, s: number) => {
    const key = `${t}/${s}`;
    let c = cells.get(key);
    if (!c) {
      const len = 2 ** r.candidates[t].length,
        nan = () => new Float64Array(len).fill(NaN);
      c = {
        scores: new Map([
          ["merge-to-mix", nan()],
          ["cosine", nan()],
          ["l2", nan()],
        ]),
        real: nan(),
      };
      cells.set(key, c);
    }
    return c;
  };
  for (const m of r.mixtures) {
    const c = cell(m.target, m.seed);
    c.scores.get("merge-to-mix")![m.mask] = selectionScore(rule, m.merged_val_acc, m.merged_val_loss);
    c.scores.get("cosine")![m.mask] = m.cosine;
    c.scores.get("l2")![m.mask] = -m.l2;
    c.real[m.mask] =
      m.true_val_acc == null || m.true_val_loss == null ? NaN : selectionScore(rule, m.true_val_acc, m.true_val_loss);
  }
  // every surrogate the run scored (the ensemble among them when present), named as the claims name them
  const surrogates = [...new Set((r.surrogates ?? []).map((x) => x.name))];
  for (const x of r.surrogates ?? []) {
    const c = cells.get(`${x.target}/${x.seed}`);
    if (c)
      c.scores.set(
        `surrogate ${x.name}`,
        Float64Array.from(x.val_loss, (l, i) => (i === 0 ? NaN : selectionScore(rule, x.val_acc[i], l))),
      );
  }
  return { selectors: ["merge-to-mix", ...surrogates.map((s) => `surrogate ${s}`), "cosine", "l2"], cells };
}

/** The truth picks are judged by: test (as the claims), or validation accuracy standing in for it. */
function judgedTruth(r: RunResults, judge: "test" | "val"): Map<string, SeedAveragedTruth> {
  const truth = seedAveragedTruth(r);
  if (judge === "test") return truth;
  const out = new Map<string, SeedAveragedTruth>();
  for (const [t, x] of truth) {
    out.set(t, {
      ...x,
      testAcc: x.valAcc,
      oracleTest: x.oracle > 0 ? x.valAcc[x.oracle] : NaN,
      randomTest: mean(x.valAcc.subarray(1)),
    });
  }
  return out;
}

/** The mixture of the first `k` of `order` with the best real score (ties → earlier), or −1. */
function bestOf(order: readonly number[], k: number, real: ArrayLike<number>): number {
  let best = -1;
  for (let i = 0; i < Math.min(k, order.length); i++)
    if (Number.isFinite(real[order[i]]) && (best < 0 || real[order[i]] > real[best])) best = order[i];
  return best;
}

/**
 * The cost–regret frontier of verifying a shortlist, for free from a run's ground truth: for K = 1 … maxK
 * and K = 2^N − 1 (exhaustive), each selector (Merge to Mix's surrogate, every surrogate the run scored,
 * cosine, L2) with each shortlist strategy verifies its first K mixtures at the seed's real validation
 * score and keeps the best; random is the exact expectation of best-of-K. Picks are judged on the
 * seed-averaged truth as in the claims: normalised regret Σ(oracle − pick)/Σ(oracle − random) with a 95%
 * percentile-bootstrap interval over targets × seeds, and Merge to Mix (default strategy) paired against
 * the cosine and L2 shortlists and random at `pairedK`, in test-accuracy points. Returns null without truth.
 *
 * @example
 * const f = verifyFrontier(results)!;
 * f.curves.find((c) => c.selector === "merge-to-mix" && c.strategy === "top")!.points[2].normalisedRegret;
 */
export function verifyFrontier(r: RunResults, o: FrontierOptions = {}): VerifyFrontier | null {
  if (!r.mixtures.some((m) => m.true_val_loss != null) || r.targets.length === 0) return null;
  const judge = o.judge ?? "test",
    truth = judgedTruth(r, judge);
  const mixtures = 2 ** r.candidates[r.targets[0]].length - 1;
  const ks = [...Array.from({ length: Math.min(o.maxK ?? 8, mixtures) }, (_, i) => i + 1)];
  if (ks[ks.length - 1] < mixtures) ks.push(mixtures);
  const pairedK = Math.min(o.pairedK ?? 3, mixtures);
  if (!ks.includes(pairedK))
    ks.splice(
      ks.findIndex((k) => k > pairedK),
      0,
      pairedK,
    );
  const { selectors, cells } = cellsOf(r);
  // judged accuracy / fine-tunes per (curve, k) as targets × seeds tables, for the intervals and the pairing
  const acc = new Map<string, number[][]>(),
    spent = new Map<string, number[][]>();
  const table = () => r.targets.map(() => r.seeds.map(() => NaN));
  const put = (label: string, k: number, t: number, s: number, a: number, n: number) => {
    const key = `${label}@${k}`;
    if (!acc.has(key)) {
      acc.set(key, table());
      spent.set(key, table());
    }
    acc.get(key)![t][s] = a;
    spent.get(key)![t][s] = n;
  };
  const curves: Array<{ selector: string; strategy: VerifyCurve["strategy"] }> = [];
  for (const selector of selectors) for (const strategy of SHORTLIST_STRATEGIES) curves.push({ selector, strategy });
  curves.push({ selector: "random", strategy: "best-of-K" });

  r.targets.forEach((target, ti) =>
    r.seeds.forEach((seed, si) => {
      const c = cells.get(`${target}/${seed}`),
        tr = truth.get(target)!;
      if (!c) return;
      for (const { selector, strategy } of curves) {
        const label = `${selector} ${strategy}`;
        if (strategy === "best-of-K") {
          for (const k of ks) {
            const kk = Math.min(k, c.real.length - 1);
            put(label, k, ti, si, randomBestOfK(c.real, tr.testAcc, kk), kk);
          }
          continue;
        }
        const scores = c.scores.get(selector);
        if (!scores) continue;
        const others = ["merge-to-mix", "cosine", "l2"].filter((x) => x !== selector).map((x) => c.scores.get(x)!);
        const order = shortlistOrder(strategy, { scores, others, real: c.real });
        for (const k of ks) {
          const pick = bestOf(order, k, c.real);
          put(label, k, ti, si, pick > 0 ? tr.testAcc[pick] : NaN, Math.min(k, order.length));
        }
      }
    }),
  );

  const gapTable = r.targets.map((t) =>
    r.seeds.map(() => {
      const x = truth.get(t)!;
      return x.oracleTest - x.randomTest;
    }),
  );
  const regretTable = (a: number[][]) => a.map((row, t) => row.map((v) => truth.get(r.targets[t])!.oracleTest - v));
  const meanOf = (a: number[][]) => {
    const f = a.flat().filter(Number.isFinite);
    return f.length ? f.reduce((x, y) => x + y, 0) / f.length : NaN;
  };
  const out: VerifyCurve[] = [];
  for (const { selector, strategy } of curves) {
    const label = `${selector} ${strategy}`;
    if (!acc.has(`${label}@1`)) continue;
    out.push({
      selector,
      strategy,
      points: ks.map((k) => {
        const a = acc.get(`${label}@${k}`)!;
        return {
          k,
          finetunes: meanOf(spent.get(`${label}@${k}`)!),
          normalisedRegret: bootstrapRatio(regretTable(a), gapTable, o),
          testAcc: meanOf(a),
        };
      }),
    });
  }
  const d = DEFAULT_SHORTLIST,
    a = `merge-to-mix ${d}`;
  const paired = [`cosine ${d}`, `l2 ${d}`, "random best-of-K"].map((b) => ({
    k: pairedK,
    a,
    b,
    ...pairedDifference(acc.get(`${a}@${pairedK}`)!, acc.get(`${b}@${pairedK}`)!, o),
  }));
  return { judge, mixtures, ks, defaultStrategy: d, curves: out, paired };
}
