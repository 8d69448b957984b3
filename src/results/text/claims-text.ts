import type { Interval } from "../../select/metrics/bootstrap";
import type { Claims } from "../claims";
import { formatNumber } from "./numbers";

/**
 * An interval as text: `0.81 [0.74, 0.87]`; `[–]` when it could not be bootstrapped (one target, one
 * seed) — never a zero-width interval.
 *
 * @example
 * formatInterval({ estimate: 0.812, lo: 0.74, hi: 0.87, targets: 8, cells: 24 });   // "0.81 [0.74, 0.87]"
 * formatInterval(iv, { scale: 100, digits: 1, sign: true, unit: " points" });      // "+1.2 points [0.3, 2.0]"
 */
export function formatInterval(
  iv: Interval,
  o: { scale?: number; digits?: number; sign?: boolean; unit?: string } = {},
): string {
  const f = (v: number, sign = false) => formatNumber(v, { scale: o.scale, digits: o.digits, sign });
  const bounds = Number.isFinite(iv.lo) && Number.isFinite(iv.hi) ? `[${f(iv.lo)}, ${f(iv.hi)}]` : "[–]";
  return `${f(iv.estimate, o.sign)}${o.unit ?? ""} ${bounds}`;
}

/**
 * The claims block of a run summary, one line per claim:
 *   claim 1 (merged tracks mixture, val loss r without singletons): 0.81 [0.74, 0.87]
 *   paired: merge-to-mix − cosine: +1.2 points [0.3, 2.0] (95% CI), wins/ties/losses 6/1/1
 *   normalised regret: merge-to-mix 0.21 [0.10, 0.33], cosine …, l2 …
 *
 * @example
 * console.log(formatClaims(claimsOf(results)!).join("\n"));
 */
export function formatClaims(c: Claims): string[] {
  const out: string[] = [];
  out.push(
    `Claims, judged on the seed-averaged truth (${c.seeds} seed${c.seeds === 1 ? "" : "s"} × ${c.targets} targets; 95% percentile-bootstrap intervals over targets × seeds${c.seeds < 2 ? "; with one seed they show only the target-to-target spread" : ""})`,
  );
  out.push(`claim 1 (merged tracks mixture, val loss r without singletons): ${formatInterval(c.claim1)}`);
  out.push(
    `  similarity baselines, same r: cosine ${formatInterval(c.similarityR.cosine)}, l2 ${formatInterval(c.similarityR.l2)}`,
  );
  out.push(`  per target: ${c.perTarget.map((p) => `${p.target} ${formatInterval(p.r)}`).join(", ")}`);
  for (const p of c.paired) {
    out.push(
      `paired: merge-to-mix − ${p.against}: ${formatInterval(p, { scale: 100, digits: 1, sign: true, unit: " points" })} (95% CI), wins/ties/losses ${p.wins}/${p.ties}/${p.losses}`,
    );
  }
  const by = (
    f: "normalisedRegret" | "percentile" | "regret" | "testAcc",
    o: Parameters<typeof formatInterval>[1] = {},
  ) =>
    c.methods
      .filter((m) => m.method !== "oracle" || f === "testAcc")
      .map((m) => `${m.method} ${formatInterval(m[f], o)}`)
      .join(", ");
  out.push(`normalised regret: ${by("normalisedRegret")}`);
  out.push(`  test accuracy (%): ${by("testAcc", { scale: 100, digits: 1 })}`);
  out.push(`  regret (points): ${by("regret", { scale: 100, digits: 1 })}`);
  out.push(`  percentile rank (100 = best mixture): ${by("percentile", { digits: 0 })}`);
  for (const sg of c.surrogates) {
    const cal =
      sg.lambda !== null
        ? ` (lower-median λ ${sg.lambda}; cost +${sg.extraFinetunes.toFixed(0)} mixture fine-tunes, ${sg.extraSeconds.toFixed(1)} s per target and seed)`
        : "";
    out.push(
      `surrogate ${sg.name}: r = ${formatInterval(sg.r)}, normalised regret ${formatInterval(sg.normalisedRegret)}, test accuracy ${formatInterval(sg.testAcc, { scale: 100, digits: 1 })}%${cal}`,
    );
  }
  return out;
}
