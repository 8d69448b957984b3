import type { VerifyFrontier } from "../verify-frontier-row";
import { formatInterval } from "./claims-text";

/**
 * The verify frontier of a run as terminal lines: a heading, one `verify curve <selector> <strategy>:`
 * line per selector and strategy (K = 1 … and the exhaustive end, normalised regret with its 95% interval;
 * `adaptive` adds the fine-tunes it really spent), and the `paired at K=…:` lines.
 *
 * @example
 * formatVerifyFrontier(verifyFrontier(results)!);
 * // [ "Verify …", "verify curve merge-to-mix top: K=1 0.35 [0.20, 0.52], K=2 …", …, "paired at K=3: merge-to-mix top − cosine top: +0.4 points [0.1, 0.7] (95% CI), wins/ties/losses 5/2/1" ]
 */
export function formatVerifyFrontier(f: VerifyFrontier): string[] {
  const out = [
    `Verify a shortlist by real fine-tunes (K per target and seed, the final model's included; K=${f.mixtures} is exhaustive search): normalised regret on the seed-averaged ${f.judge} truth, 95% CI; default strategy ${f.defaultStrategy}`,
  ];
  for (const c of f.curves) {
    const pts = c.points.map((p) => `K=${p.k} ${formatInterval(p.normalisedRegret)}`).join(", ");
    const spent = c.points.some((p) => Math.abs(p.finetunes - p.k) > 1e-9)
      ? `; fine-tunes spent ${c.points.map((p) => p.finetunes.toFixed(1)).join(", ")}`
      : "";
    out.push(`verify curve ${c.selector} ${c.strategy}: ${pts}${spent}`);
  }
  for (const p of f.paired) {
    out.push(
      `paired at K=${p.k}: ${p.a} − ${p.b}: ${formatInterval(p, { scale: 100, digits: 1, sign: true, unit: " points" })} (95% CI), wins/ties/losses ${p.wins}/${p.ties}/${p.losses}`,
    );
  }
  return out;
}
