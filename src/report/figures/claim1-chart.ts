import type { Claims } from "../../results/claims";
import { Figure } from "../figure";
import { FIGURE_CONFIG, errorBars, fmtR, plotText, plotValue } from "./common";

/**
 * Claim 1 as a figure: the Pearson r of the merged model's validation loss with the mixture fine-tunes'
 * (non-singleton mixtures) for each target (interval over its seeds) and over all targets × seeds, next to
 * the similarity baselines' r over all targets; bars with 95% bootstrap intervals. `width` is for static
 * export; inline the figure fills its column. Targets are labelled by name unless `labels` says otherwise.
 *
 * @example
 * showFigure(claim1Chart(claimsOf(results)!));
 */
export function claim1Chart(claims: Claims, labels: Readonly<Record<string, string>> = {}): Figure {
  const bars = [
    ...claims.perTarget.map((p) => ({ label: plotText(labels[p.target] ?? p.target), iv: p.r, colour: "#1f77b4" })),
    { label: "all targets<br>merged", iv: claims.claim1, colour: "#d62728" },
    { label: "all targets<br>cosine", iv: claims.similarityR.cosine, colour: "#999999" },
    { label: "all targets<br>L2", iv: claims.similarityR.l2, colour: "#bbbbbb" },
  ];
  // bars without an interval (one seed: nothing to resample per target) get no error bar at all, not a flat cap
  const trace = (bs: typeof bars) => ({
    type: "bar",
    x: bs.map((b) => b.label),
    y: bs.map((b) => plotValue(b.iv.estimate)),
    error_y: errorBars(bs.map((b) => b.iv)),
    marker: { color: bs.map((b) => b.colour) },
    hovertemplate: "%{x}: r = %{y:.2f}<extra></extra>",
  });
  const has = (b: (typeof bars)[number]) => Number.isFinite(b.iv.lo) && Number.isFinite(b.iv.hi);
  return {
    data: [trace(bars.filter(has)), trace(bars.filter((b) => !has(b)))].filter((t) => t.x.length > 0),
    layout: {
      title: {
        text: `Claim 1: does the merged model track the mixture fine-tunes?<br><sub>r = ${fmtR(claims.claim1.estimate)} over targets × seeds; val loss, no singletons</sub>`,
      },
      height: 440,
      width: 1000,
      showlegend: false,
      barmode: "overlay",
      margin: { t: 90, l: 60, r: 20, b: 90 },
      xaxis: {
        title: { text: "target (merged model; intervals over seeds) and all targets" },
        automargin: true,
        type: "category",
        categoryorder: "array",
        categoryarray: bars.map((b) => b.label),
      },
      yaxis: {
        title: { text: "Pearson r (val loss, no singletons)" },
        range: [-1.05, 1.05],
        zeroline: true,
        zerolinecolor: "#888",
      },
    },
    config: FIGURE_CONFIG,
  };
}
