import { mixtureName } from "../../data/mixture-name";
import type { BaselineName, Recommendation, ScoredMixture } from "../recommendation";
import { fixed, pct } from "./numbers";
import { textTable } from "./text-table";
import type { Verified } from "../verified";
import { formatVerified } from "./verified-text";

const num = (x: number | null) => fixed(x, 3);
const secs = (x: number) => (Number.isFinite(x) ? `${x.toFixed(1)} s` : "– s");

/** A mixture's name for a table cell: every candidate of a large pool reads "all N candidates". */
function cellName(m: Pick<ScoredMixture, "members">, candidates: number): string {
  return m.members.length === candidates && candidates > 3 ? `all ${candidates} candidates` : mixtureName(m.members);
}

const BASELINE_LABELS: Record<BaselineName, string> = {
  cosine: "cosine similarity",
  l2: "L2 distance",
  "best-single": "best single dataset",
  all: "all candidates",
};

/**
 * The one line that answers "which datasets should I mix?":
 * `recommended mixture: a+b+c (merged val loss 0.412, accuracy 81.3%)`.
 *
 * @example
 * recommendationLine(rec);   // "recommended mixture: helper (merged val loss 0.412, accuracy 81.3%)"
 */
export function recommendationLine(rec: Pick<Recommendation, "recommended">): string {
  const r = rec.recommended;
  return `recommended mixture: ${mixtureName(r.members)} (merged val loss ${num(r.merged_val_loss)}, accuracy ${pct(r.merged_val_acc)}%)`;
}

/**
 * A recommendation for a terminal: the `recommended mixture:` line, the top mixtures by merged score,
 * each baseline's pick with its merged score (all labelled as merged-model scores, not truths) and the
 * cost. Nothing here comes from a ground truth.
 *
 * @example
 * console.log(formatRecommendation(rec));
 */
export function formatRecommendation(rec: Recommendation & { verified?: Verified }): string {
  const out: string[] = [];
  const by = rec.score === "loss" ? "lowest validation loss" : "highest validation accuracy";
  const s = rec.search;
  const how =
    s.strategy === "exhaustive"
      ? `exhaustive search: all ${s.mixtures} mixtures scored`
      : `${s.strategy} search${s.budget !== null ? ` (budget ${s.budget})` : ""}: ${s.evaluations} of ${s.mixtures} mixtures scored${s.extra ? ` + ${s.extra} for the baselines` : ""}`;
  out.push(
    `target ${rec.target}: ${rec.candidates.length} candidates (${rec.candidates.join(", ")}), seed ${rec.seed}; ${how}; picked by the merged model's ${by}`,
  );
  // verified by real fine-tunes: the real numbers replace the merged-score line
  out.push(...(rec.verified ? formatVerified(rec.verified) : [recommendationLine(rec)]));
  out.push(
    "",
    `Top ${rec.top.length} mixtures by merged-model score (the merged model of each mixture on ${rec.target}'s validation split; merged-model scores, not fine-tuned truths)`,
  );
  out.push(
    textTable(
      ["#", "mixture", "size", "merged val loss", "merged val acc %"],
      rec.top.map((m, i) => [
        String(i + 1),
        cellName(m, rec.candidates.length),
        String(m.size),
        num(m.merged_val_loss),
        pct(m.merged_val_acc),
      ]),
      2,
    ),
  );
  out.push("", "Each baseline's pick, scored by the same merged model (merged-model scores, not truths)");
  const rows = rec.baselines.map((b) => [
    BASELINE_LABELS[b.method],
    cellName(b, rec.candidates.length),
    num(b.merged_val_loss),
    pct(b.merged_val_acc),
  ]);
  rows.push(["θ0 (no fine-tuning)", "–", num(rec.theta0.val_loss), pct(rec.theta0.val_acc)]);
  out.push(textTable(["baseline", "pick", "merged val loss", "merged val acc %"], rows, 2));
  const c = rec.cost;
  const v = rec.verified;
  // the verified fine-tunes are paid for too: the final model's own is not extra, the others are
  const verify = v
    ? ` + ${v.extra_finetunes} verify fine-tune${v.extra_finetunes === 1 ? "" : "s"} (${secs(v.seconds)})`
    : "";
  const total = c.finetune_seconds + c.merge_seconds + (v ? v.seconds : 0);
  out.push(
    "",
    `cost: ${c.finetunes} fine-tunes (${secs(c.finetune_seconds)}) + ${c.merge_evals} merge-evaluations (${secs(c.merge_seconds)})${verify} = ${secs(total)}`,
  );
  return out.join("\n");
}
