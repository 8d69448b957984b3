/**
 * bench:search — search strategies for large N against exhaustive search, on the merged scores of a real
 * suite: vision14 (quick preset), each target with its 13 candidates (8,191 mixtures). Run with
 * `npm run bench:search` (default targets mnist, qd-clothing-a, qd-animals-a; others:
 * `npm run bench:search -- mnist,qd-food-b`).
 *
 * 1. `selectMixture` with exhaustive search scores every mixture by its merged model (the 14 single
 *    fine-tunes, shared by the targets, + one Gray-code sweep over 8,191 merges per target) and keeps it in
 *    the run store runs/bench-search-vision14. The first call took 45 s on 2 shared cores (3 s of fine-tunes,
 *    8–19 s per target's sweep; θ0 pretraining adds to it when data/models has no cached encoder); later
 *    calls read the stored tables and take seconds.
 * 2. Each strategy (greedy forward, beam width 3, evolutionary, pairwise surrogate; default options, then a
 *    budget of 100 merge-evaluations) searches the same table and is compared with the exhaustive optimum.
 *
 * Prints one line per strategy and target, then one per strategy averaged over the targets, e.g.
 *   search greedy N=13: 25 evaluations (0.3% of 8191), regret 0.000, rank 1
 * where regret = the optimum's merged score − the found mixture's (the merged model's validation
 * cross-entropy, the run's selection score) and rank = the found mixture's 1-based rank among all
 * mixtures by merged score.
 */
import * as path from "path";
import { mixtureName } from "../src/data/mixture-name";
import { selectMixture } from "../src/experiment/select-mixture";
import { mean } from "../src/select/metrics/finite-stats";
import { selectionScore } from "../src/select/selection-score";
import { terminalProgress } from "../src/cli/progress-bar";
import { chooseSearch, runSearch, SEARCH_NAMES, type SearchName } from "../src/select/search/choose";
import { compareSearch, type Strategy } from "../src/select/search/compare";

const SUITE = "vision14";
const OUT = path.join("runs", "bench-search-vision14");
const BUDGET = 100;

const line = (
  strategy: string,
  n: number,
  budget: number | undefined,
  evaluations: number,
  fraction: number,
  regret: number,
  rank: number,
) =>
  `search ${strategy} N=${n}${budget !== undefined ? ` budget=${budget}` : ""}: ${Number.isInteger(evaluations) ? evaluations : evaluations.toFixed(1)} evaluations ` +
  `(${(100 * fraction).toFixed(1)}% of ${2 ** n - 1}), regret ${regret.toFixed(3)}, rank ${Number.isInteger(rank) ? rank : rank.toFixed(1)}`;

async function main(): Promise<void> {
  const targets = (process.argv[2] ?? "mnist,qd-clothing-a,qd-animals-a").split(",").filter((s) => s);
  const t0 = Date.now();
  const all = new Map<
    string,
    {
      n: number;
      budget: number | undefined;
      rows: Array<{ evaluations: number; fraction: number; regret: number; rank: number }>;
    }
  >();
  for (const target of targets) {
    const sel = await selectMixture({
      suite: SUITE,
      preset: "quick",
      target,
      search: "exhaustive",
      train: false,
      out: OUT,
      workers: 2,
      progress: terminalProgress(),
    });
    const n = sel.candidates.length,
      total = 2 ** n - 1;
    if (sel.mixtures.length !== total) throw new Error(`expected ${total} scored mixtures, got ${sel.mixtures.length}`);
    const table = new Float64Array(total + 1);
    for (const m of sel.mixtures) table[m.mask] = selectionScore(sel.score, m.merged_val_acc, m.merged_val_loss);
    console.log(
      `${SUITE} ${target}: ${n} candidates, ${total} mixtures; exhaustive sweep ${sel.cost.merge_seconds.toFixed(1)} s, ${sel.cost.finetunes} single fine-tunes ${sel.cost.finetune_seconds.toFixed(1)} s; best ${mixtureName(sel.recommended.members)} (merged val loss ${sel.recommended.merged_val_loss.toFixed(3)})`,
    );
    for (const budget of [undefined, BUDGET]) {
      const strategies: Record<string, Strategy> = {};
      for (const name of SEARCH_NAMES) {
        if (name === "exhaustive" && budget !== undefined) continue;
        strategies[name] = (s, k) => runSearch(chooseSearch(k, name as SearchName, budget), s, k, { seed: 0 });
      }
      const rows = await compareSearch((m) => table[m], n, strategies);
      for (const r of rows) {
        console.log(line(r.strategy, n, budget, r.evaluations, r.fraction, r.regret, r.rank));
        const key = `${r.strategy}/${budget ?? ""}/${n}`;
        if (!all.has(key)) all.set(key, { n, budget, rows: [] });
        all.get(key)!.rows.push(r);
      }
    }
  }
  if (targets.length > 1) {
    console.log(`mean over ${targets.length} targets (${targets.join(", ")}):`);
    for (const [key, g] of all) {
      console.log(
        line(
          key.split("/")[0],
          g.n,
          g.budget,
          mean(g.rows.map((r) => r.evaluations)),
          mean(g.rows.map((r) => r.fraction)),
          mean(g.rows.map((r) => r.regret)),
          mean(g.rows.map((r) => r.rank)),
        ),
      );
    }
  }
  console.log(`bench:search wall time ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
