/**
 * SYNTHETIC run results for tests only: plausible, seeded, internally consistent numbers (selections,
 * regrets, ranks and correlations are computed from the mixture rows), never real measurements.
 */
import { CorrelationRow, CostRow, MethodName, MixtureRow, RunResults, ScorerName, SelectionRow } from "../../src/experiment/results";
import { kendall, pearson, spearman } from "../../src/report/stats";
import { Rng } from "../../src/util/rng";

export interface FixtureOptions {
  seed?: number;
  /** Task names (default 4 tasks → 3 candidates, 7 mixtures per target). */
  tasks?: string[];
  seeds?: number[];
  complete?: boolean;
}

export function syntheticResults(options: FixtureOptions = {}): RunResults {
  const rng = new Rng(options.seed ?? 7);
  const tasks = options.tasks ?? ["alpha", "beta", "gamma", "delta"];
  const seeds = options.seeds ?? [0, 1];
  const candidates: Record<string, string[]> = {};
  for (const t of tasks) candidates[t] = tasks.filter((u) => u !== t);
  // transfer[t][d]: how much fine-tuning on d helps target t (synthetic)
  const transfer: Record<string, Record<string, number>> = {};
  const sim: Record<string, Record<string, number>> = {};
  for (const t of tasks) {
    transfer[t] = {}; sim[t] = {};
    for (const d of candidates[t]) { transfer[t][d] = 0.06 * rng.normal(); sim[t][d] = 0.5 + 0.3 * rng.next(); }
  }
  const mixtures: MixtureRow[] = [], selections: SelectionRow[] = [], correlations: CorrelationRow[] = [];
  const base = [], cost: CostRow[] = [];
  const r4 = (v: number) => Math.round(v * 1e4) / 1e4;
  for (const seed of seeds) {
    const srng = rng.fork(seed);
    for (const t of tasks) {
      const cands = candidates[t], n = cands.length;
      const b = 0.55 + 0.1 * srng.next();
      base.push({ seed, target: t, val_acc: r4(b + 0.01 * srng.normal()), test_acc: r4(b) });
      const rows: MixtureRow[] = [];
      for (let mask = 1; mask < 1 << n; mask++) {
        const members = cands.filter((_, i) => mask & (1 << i));
        const gain = members.reduce((s, d) => s + transfer[t][d], 0) / members.length + 0.02 * Math.log2(members.length + 1);
        const trueVal = b + gain + 0.01 * srng.normal();
        const merged = members.length === 1 ? trueVal : b + 0.7 * gain - 0.02 * members.length + 0.015 * srng.normal();
        const cos = members.reduce((s, d) => s + sim[t][d], 0) / members.length;
        rows.push({
          seed, target: t, mask, members, size: members.length,
          merged_val_acc: r4(merged), merged_val_loss: r4(2 - 2 * merged), cosine: r4(cos), l2: r4(2 - 1.5 * cos + 0.05 * srng.next()),
          true_val_acc: r4(trueVal), true_val_loss: r4(2 - 2 * trueVal), true_test_acc: r4(trueVal + 0.01 * srng.normal()), true_test_loss: r4(2 - 2 * trueVal),
        });
      }
      mixtures.push(...rows);
      const byTrue = [...rows].sort((a, c) => (c.true_val_acc as number) - (a.true_val_acc as number));
      const rankOf = (m: MixtureRow) => byTrue.indexOf(m) + 1;
      const argmax = (f: (m: MixtureRow) => number, rs = rows) => rs.reduce((best, m) => (f(m) > f(best) ? m : best));
      const oracle = argmax((m) => m.true_val_acc as number);
      const pick = (method: MethodName, m: MixtureRow): SelectionRow => ({
        seed, target: t, method, mask: m.mask, members: m.members, test_acc: m.true_test_acc as number,
        regret: r4((oracle.true_test_acc as number) - (m.true_test_acc as number)), rank: rankOf(m),
      });
      selections.push(pick("merge-to-mix", argmax((m) => m.merged_val_acc)), pick("cosine", argmax((m) => m.cosine)),
        pick("l2", argmax((m) => -m.l2)), pick("all", rows[rows.length - 1]),
        pick("best-single", argmax((m) => m.merged_val_acc, rows.filter((m) => m.size === 1))), pick("oracle", oracle));
      const meanTest = rows.reduce((s, m) => s + (m.true_test_acc as number), 0) / rows.length;
      selections.push({ seed, target: t, method: "random", mask: -1, members: [], test_acc: r4(meanTest),
        regret: r4((oracle.true_test_acc as number) - meanTest), rank: (rows.length + 1) / 2 });
      for (const subset of ["all", "no-singletons"] as const) {
        const rs = subset === "all" ? rows : rows.filter((m) => m.size > 1);
        for (const truth of ["val_acc", "val_loss"] as const) {
          const y = rs.map((m) => (truth === "val_acc" ? m.true_val_acc : m.true_val_loss) as number);
          for (const scorer of ["merged", "cosine", "l2"] as ScorerName[]) {
            const x = rs.map((m) => (scorer === "merged" ? (truth === "val_acc" ? m.merged_val_acc : m.merged_val_loss) : scorer === "cosine" ? m.cosine : m.l2));
            correlations.push({ seed, target: t, scorer, truth, subset, n: rs.length, pearson: pearson(x, y), spearman: spearman(x, y), kendall: kendall(x, y) });
          }
        }
      }
      const m2mSec = 10 + 5 * srng.next(), exSec = m2mSec * (3 + srng.next());
      cost.push({ seed, target: t, m2m_finetunes: n, m2m_finetune_samples: n * 1000, m2m_merge_evals: rows.length, m2m_seconds: r4(m2mSec),
        exhaustive_finetunes: rows.length, exhaustive_finetune_samples: rows.length * 1500, exhaustive_seconds: r4(exSec), speedup: exSec / m2mSec });
    }
  }
  const tasksInfo: RunResults["tasks"] = {};
  for (const t of tasks) tasksInfo[t] = { title: t.charAt(0).toUpperCase() + t.slice(1), classes: ["zero", "one"] };
  return {
    version: 1, spec: { synthetic: true }, suite: "synthetic", targets: tasks, candidates, tasks: tasksInfo, seeds,
    mixtures, selections, correlations, base, cost, complete: options.complete ?? true,
    started: "2025-01-01T00:00:00.000Z", finished: options.complete === false ? null : "2025-01-01T01:00:00.000Z",
  };
}

/**
 * SYNTHETIC weighted-mixture rows for tests only (one per target and seed of `r`): proportions over each
 * target's candidates and made-up fine-tuned accuracies near the binary pick's.
 */
export function syntheticWeighted(r: RunResults, options: { truth?: boolean; seed?: number } = {}): NonNullable<RunResults["weighted"]> {
  const rng = new Rng(options.seed ?? 5);
  const out: NonNullable<RunResults["weighted"]> = [];
  for (const seed of r.seeds) for (const target of r.targets) {
    const cands = r.candidates[target];
    const raw = cands.map(() => rng.next());
    const s = raw.reduce((a, b) => a + b, 0);
    const acc = (d: number) => Math.round((0.5 + d) * 1e4) / 1e4;
    const tr = (d: number) => ({ val_acc: acc(d), val_loss: 1 - d, test_acc: acc(d), seconds: 1 });
    out.push({
      seed, target, candidates: cands, binary_mask: 1, binary_merged_loss: 1.2, binary_merged_acc: 0.5,
      weights: raw.map((v) => v / s), merged_loss: 1.19, merged_acc: 0.51, evaluations: 40,
      path: [{ weights: cands.map((_, i) => (i === 0 ? 1 : 0)), score: -1.2 }, { weights: raw.map((v) => v / s), score: -1.19 }],
      truth: options.truth === false ? null : { weighted: tr(0.02 * rng.normal()), uniform: tr(0.02 * rng.normal()), proportional: tr(0.02 * rng.normal()), binary: { val_acc: 0.5, test_acc: acc(0.02 * rng.normal()) } },
    });
  }
  return out;
}
