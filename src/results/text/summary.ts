import { signalChecks } from "../signal-checks";
import { claimsOf } from "../claims";
import { formatClaims } from "./claims-text";
import { pickSizes, taskVectorSummary, topQuarterSpearman } from "../diagnostics";
import { formatDiagnostics } from "./diagnostics-text";
import { formatVerifyFrontier } from "./verify-text";
import { verifyFrontier } from "../verify-frontier";
import { formatWeighted } from "./weighted-text";
import { formatRecommendation } from "./recommendation-text";
import { textTable as table } from "./text-table";
import { recommendationsOf } from "../recommendation";
import { hasGroundTruth, type MethodName, type RunResults } from "../results";
import { mean } from "../../select/metrics/finite-stats";
import { fixed, pct } from "./numbers";

const METHOD_COLUMNS: ReadonlyArray<[MethodName, string]> = [
  ["merge-to-mix", "M2M"],
  ["cosine", "cos"],
  ["l2", "L2"],
  ["random", "random"],
  ["all", "all"],
  ["best-single", "single"],
  ["oracle", "oracle"],
];

const num = fixed;

/**
 * A run without a ground truth as text: per (seed, target) the recommendation (the `recommended mixture:`
 * line, the top mixtures and each baseline's pick by merged-model score, the cost), then the whole run's cost.
 * No oracle, regret, rank or correlation: there is no truth to compute them from.
 */
function formatWithoutTruth(r: RunResults): string {
  const recs = recommendationsOf(r);
  const out = [
    `Merge to Mix without a ground truth — ${r.suite}, ${r.seeds.length} seed(s), ${r.targets.length} target(s): merged-model scores only`,
  ];
  for (const rec of recs) out.push("", formatRecommendation(rec));
  const tv = taskVectorSummary(r.taskVectors ?? []);
  if (tv) out.push("", ...formatDiagnostics(tv, [], []));
  if (r.weighted?.length) out.push("", ...formatWeighted(r.weighted, r.seeds.length));
  const all = r.cost.filter((c) => c.target === "all");
  if (r.targets.length > 1 && all.length) {
    out.push(
      "",
      `Cost (whole run, per seed): ${mean(all.map((c) => c.m2m_finetunes)).toFixed(0)} fine-tunes + ${mean(all.map((c) => c.m2m_merge_evals)).toFixed(0)} merge-evaluations = ${num(mean(all.map((c) => c.m2m_seconds)), 1)} s`,
    );
  }
  return out.join("\n");
}

/**
 * The run as text for a terminal: the main table (test accuracy % of the mixture each method selects,
 * per target, mean over seeds, with θ0 and Merge to Mix's regret and rank), the average correlations,
 * and the cost of Merge to Mix against exhaustive mixture fine-tuning. A run without a ground truth
 * prints each target's recommendation by merged-model score instead, and nothing derived from a truth.
 *
 * @example
 * console.log(formatSummary(results));
 */
export function formatSummary(r: RunResults): string {
  if (!hasGroundTruth(r)) return formatWithoutTruth(r);
  const out: string[] = [];
  const sel = (t: string, m: MethodName, f: "test_acc" | "regret" | "rank") =>
    mean(r.selections.filter((s) => s.target === t && s.method === m).map((s) => s[f]));
  const rows = r.targets.map((t) => [
    t,
    pct(mean(r.base.filter((b) => b.target === t).map((b) => b.test_acc))),
    ...METHOD_COLUMNS.map(([m]) => pct(sel(t, m, "test_acc"))),
    num(100 * sel(t, "merge-to-mix", "regret"), 1),
    num(sel(t, "merge-to-mix", "rank"), 1),
  ]);
  const col = (i: number) => mean(rows.map((row) => Number(row[i])));
  rows.push(["mean", ...rows[0].slice(1).map((_, j) => num(col(j + 1), 1))]);
  const n = r.targets.length ? r.candidates[r.targets[0]].length : 0;
  out.push(
    `Test accuracy (%) of the mixture each method selects — ${r.suite}, ${r.seeds.length} seed(s), ${2 ** n - 1} mixtures per target`,
  );
  out.push(table(["target", "θ0", ...METHOD_COLUMNS.map(([, h]) => h), "M2M regret", "M2M rank"], rows));

  const corr = (scorer: string, truth: string, subset: string, f: "pearson" | "spearman" | "kendall") =>
    mean(
      r.correlations
        .filter((c) => c.target === "mean" && c.scorer === scorer && c.truth === truth && c.subset === subset)
        .map((c) => c[f]),
    );
  out.push(
    "",
    "Correlation with the mixture-fine-tuned truth (mean over targets and seeds; Pearson / Spearman / Kendall)",
  );
  const crow = (scorer: string, truth: string, subset: string) => [
    `${scorer} vs ${truth} (${subset})`,
    num(corr(scorer, truth, subset, "pearson")),
    num(corr(scorer, truth, subset, "spearman")),
    num(corr(scorer, truth, subset, "kendall")),
  ];
  out.push(
    table(
      ["scorer vs truth", "pearson", "spearman", "kendall"],
      [
        crow("merged", "val_acc", "all"),
        crow("merged", "val_acc", "no-singletons"),
        crow("merged", "val_loss", "all"),
        crow("merged", "val_loss", "no-singletons"),
        crow("cosine", "val_acc", "all"),
        crow("l2", "val_acc", "all"),
      ],
    ),
  );

  const all = r.cost.filter((c) => c.target === "all");
  const m2m = mean(all.map((c) => c.m2m_seconds)),
    ex = mean(all.map((c) => c.exhaustive_seconds));
  out.push(
    "",
    `Cost (whole run, per seed): Merge to Mix ${mean(all.map((c) => c.m2m_finetunes)).toFixed(0)} fine-tunes + ${mean(all.map((c) => c.m2m_merge_evals)).toFixed(0)} merge-evaluations = ${num(m2m, 1)} s; ` +
      `exhaustive ${mean(all.map((c) => c.exhaustive_finetunes)).toFixed(0)} mixture fine-tunes = ${num(ex, 1)} s; merge-to-mix vs exhaustive: ${num(ex / m2m, 1)}x faster`,
  );
  const per = r.cost.filter((c) => c.target !== "all");
  out.push(
    `Cost per target (mean): merge-to-mix ${num(mean(per.map((c) => c.m2m_seconds)), 1)} s vs exhaustive ${num(mean(per.map((c) => c.exhaustive_seconds)), 1)} s (${num(mean(per.map((c) => c.speedup)), 1)}x)`,
  );
  const cal = signalChecks(r);
  out.push(
    "",
    "Signal checks (does the experiment mean something?): own-task gain and oracle − random in points; r between seeds and r(merged, truth) over non-singleton mixtures",
  );
  out.push(
    table(
      [
        "target",
        "own gain",
        "oracle−random",
        "seed r (loss)",
        "seed r (acc)",
        "r merged (loss)",
        "r merged (acc)",
        "M2M regret",
      ],
      cal.map((c) => [
        c.target,
        num(c.own_gain, 1),
        num(c.oracle_minus_random, 1),
        num(c.repeat_loss),
        num(c.repeat_acc),
        num(c.merged_r_loss),
        num(c.merged_r_acc),
        num(c.m2m_regret, 1),
      ]),
    ),
  );
  const claims = claimsOf(r);
  if (claims) out.push("", ...formatClaims(claims));
  out.push("", ...formatDiagnostics(taskVectorSummary(r.taskVectors ?? []), pickSizes(r), topQuarterSpearman(r)));
  const frontier = r.verify ?? verifyFrontier(r);
  if (frontier) out.push("", ...formatVerifyFrontier(frontier));
  if (r.weighted?.length) out.push("", ...formatWeighted(r.weighted, r.seeds.length));
  if (!r.complete)
    out.push("", "(incomplete run: some ground-truth mixtures are missing; re-run the same command to finish)");
  return out.join("\n");
}
