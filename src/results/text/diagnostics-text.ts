import type { Interval } from "../../select/metrics/bootstrap";
import type { TaskVectorSummary } from "../diagnostics";
import { formatInterval } from "./claims-text";

const pc = (v: number) => (Number.isFinite(v) ? `${(100 * v).toFixed(1)}%` : "–");
const f2 = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : "–");
const f1 = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : "–");
const MAIN = new Set(["merge-to-mix", "cosine", "l2", "oracle"]);

/**
 * The diagnostics block of a run summary:
 *   task vectors: relative update median 2.9% [1.8%, 4.4%], cosine between experts mean 0.01, mixture vs sum cos 0.93, norm ratio 0.97
 *   pick size: merge-to-mix 3.6, cosine 1.0, l2 1.0, oracle 4.1
 *   top-quarter spearman: merge-to-mix 0.55 [0.41, 0.68], cosine …, l2 …
 * (the relative update's brackets are the range over experts and seeds; the Spearman's a 95% bootstrap interval),
 * each of the last two followed by an indented line for the compared surrogates.
 *
 * @example
 * console.log(formatDiagnostics(taskVectorSummary(rows), pickSizes(r), topQuarterSpearman(r)).join("\n"));
 */
export function formatDiagnostics(
  tv: TaskVectorSummary | null,
  picks: ReadonlyArray<[string, number]>,
  top: ReadonlyArray<[string, Interval]>,
): string[] {
  const out: string[] = [];
  if (tv) {
    const u = tv.relativeUpdate;
    out.push(
      `task vectors: relative update median ${pc(u.median)} [${pc(u.min)}, ${pc(u.max)}], cosine between experts mean ${f2(tv.expertCosine)}, mixture vs sum cos ${f2(tv.mixtureCos)}, norm ratio ${f2(tv.normRatio)}`,
    );
    if (tv.bySize.length)
      out.push(
        `  by mixture size (cos, norm ratio): ${tv.bySize.map((b) => `${b.size}: ${f2(b.cos)}, ${f2(b.normRatio)}`).join("; ")}`,
      );
  }
  if (picks.length) {
    out.push(
      `pick size: ${picks
        .filter(([m]) => MAIN.has(m))
        .map(([m, v]) => `${m} ${f1(v)}`)
        .join(", ")}`,
    );
    const rest = picks.filter(([m]) => !MAIN.has(m));
    if (rest.length) out.push(`  surrogates' picks: ${rest.map(([m, v]) => `${m} ${f1(v)}`).join(", ")}`);
  }
  if (top.length) {
    out.push(
      `top-quarter spearman: ${top
        .filter(([m]) => MAIN.has(m))
        .map(([m, iv]) => `${m} ${formatInterval(iv)}`)
        .join(", ")}`,
    );
    const rest = top.filter(([m]) => !MAIN.has(m));
    if (rest.length) out.push(`  surrogates: ${rest.map(([m, iv]) => `${m} ${formatInterval(iv)}`).join(", ")}`);
  }
  return out;
}
