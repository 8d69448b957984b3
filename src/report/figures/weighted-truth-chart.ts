import { weightedVsBinaryText } from "../../results/text/weighted-text";
import type { WeightedArm, WeightedTruthIntervals } from "../../results/weighted-vs-binary";
import { Figure } from "../figure";
import { FIGURE_CONFIG, errorBars, plotText, plotValue } from "./common";

const ARMS: ReadonlyArray<[string, string, WeightedArm]> = [
  ["binary pick (concatenated)", "#1f77b4", "binary"],
  ["optimised proportions", "#d62728", "weighted"],
  ["uniform over the pick", "#ff7f0e", "uniform"],
  ["size-proportional over the pick", "#2ca02c", "proportional"],
];

/**
 * Does the weighted optimum beat the binary pick on real fine-tunes? Per target, the test accuracy (%) of θ0
 * fine-tuned on the binary pick (its datasets concatenated) and with sampling proportions — the optimised
 * weights, uniform and size-proportional over the pick — means over seeds with 95% intervals over the seeds;
 * the title carries the paired optimised − binary difference over targets × seeds. It draws the intervals
 * {@link weightedTruthIntervals} computed; null (no ground truth) draws nothing.
 *
 * @example
 * const fig = weightedTruthChart(weightedTruthIntervals(results.weighted ?? [])); if (fig) showFigure(fig);
 */
export function weightedTruthChart(truth: WeightedTruthIntervals | null): Figure | null {
  if (!truth) return null;
  const { targets, seeds } = truth;
  const data = ARMS.map(([name, colour, arm]) => {
    const ivs = truth.arms[arm];
    return {
      type: "bar",
      name,
      x: targets.map(plotText),
      y: ivs.map((iv) => plotValue(iv.estimate, 100)),
      error_y: errorBars(ivs, 100),
      marker: { color: colour },
      hovertemplate: `%{x}: %{y:.1f}%<extra>${name}</extra>`,
    };
  });
  const p = truth.vsBinary.paired;
  const line = `optimised − binary: ${weightedVsBinaryText(truth.vsBinary)}, wins/ties/losses ${p.wins}/${p.ties}/${p.losses}`;
  return {
    data,
    layout: {
      title: {
        text: `Weighted vs binary mixtures, fine-tuned (${seeds} seed${seeds === 1 ? "" : "s"})<br><sub>${line}</sub>`,
      },
      barmode: "group",
      height: 440,
      width: 900,
      margin: { t: 80, l: 60, r: 20, b: 60 },
      xaxis: { title: { text: "target" }, type: "category" },
      yaxis: { title: { text: "test accuracy (%)" } },
      legend: { orientation: "h", x: 0, y: -0.18, yanchor: "top" },
    },
    config: FIGURE_CONFIG,
  };
}
