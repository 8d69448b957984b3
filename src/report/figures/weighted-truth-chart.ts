import { weightedVsBinary } from "../../results/text/weighted-text";
import { bootstrapMean, type Interval } from "../../select/metrics/bootstrap";
import { Figure } from "../figure";
import { FIGURE_CONFIG, errorBars, plotText, plotValue } from "./common";
import type { WeightedRow } from "../../results/weighted-row";

type Truth = NonNullable<WeightedRow["truth"]>;
const ARMS: ReadonlyArray<[string, string, (t: Truth) => number | undefined]> = [
  ["binary pick (concatenated)", "#1f77b4", (t) => t.binary?.test_acc],
  ["optimised proportions", "#d62728", (t) => t.weighted.test_acc],
  ["uniform over the pick", "#ff7f0e", (t) => t.uniform.test_acc],
  ["size-proportional over the pick", "#2ca02c", (t) => t.proportional.test_acc],
];

/**
 * Does the weighted optimum beat the binary pick on real fine-tunes? Per target, the test accuracy (%) of θ0
 * fine-tuned on the binary pick (its datasets concatenated) and with sampling proportions — the optimised
 * weights, uniform and size-proportional over the pick — means over seeds with 95% intervals over the seeds;
 * the title carries the paired optimised − binary difference over targets × seeds. Null without a truth.
 *
 * @example
 * const fig = weightedTruthChart(results.weighted ?? []); if (fig) showFigure(fig);
 */
export function weightedTruthChart(weighted: readonly WeightedRow[]): Figure | null {
  if (!weighted.some((w) => w.truth)) return null;
  const targets = [...new Set(weighted.map((w) => w.target))];
  const seeds = [...new Set(weighted.map((w) => w.seed))].sort((a, b) => a - b);
  const table = (f: (t: Truth) => number | undefined) => targets.map((t) => seeds.map((s) => {
    const r = weighted.find((w) => w.target === t && w.seed === s);
    return r && r.truth ? f(r.truth) ?? NaN : NaN;
  }));
  const data = ARMS.map(([name, colour, f]) => {
    const ivs: Interval[] = table(f).map((row) => bootstrapMean([row]));
    return {
      type: "bar", name, x: targets.map(plotText), y: ivs.map((iv) => plotValue(iv.estimate, 100)), error_y: errorBars(ivs, 100),
      marker: { color: colour }, hovertemplate: `%{x}: %{y:.1f}%<extra>${name}</extra>`,
    };
  });
  const { paired: p, text } = weightedVsBinary(weighted);
  const line = `optimised − binary: ${text}, wins/ties/losses ${p.wins}/${p.ties}/${p.losses}`;
  return {
    data,
    layout: {
      title: { text: `Weighted vs binary mixtures, fine-tuned (${seeds.length} seed${seeds.length === 1 ? "" : "s"})<br><sub>${line}</sub>` },
      barmode: "group", height: 440, width: 900, margin: { t: 80, l: 60, r: 20, b: 60 },
      xaxis: { title: { text: "target" }, type: "category" }, yaxis: { title: { text: "test accuracy (%)" } },
      legend: { orientation: "h", x: 0, y: -0.18, yanchor: "top" },
    },
    config: FIGURE_CONFIG,
  };
}
