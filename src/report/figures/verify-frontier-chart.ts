import type { VerifyCurve, VerifyFrontier } from "../../results/verify-frontier-row";
import { Figure } from "../figure";
import { FIGURE_CONFIG, PALETTE, plotText, plotValue } from "./common";

const DASH: Record<VerifyCurve["strategy"], string> = {
  top: "solid",
  sizes: "dash",
  portfolio: "dot",
  adaptive: "dashdot",
  "best-of-K": "solid",
};

/** Shown at first: Merge to Mix with every strategy, the similarity shortlists with the default one, random; the rest one click away in the legend. */
function shownAtFirst(c: VerifyCurve, f: VerifyFrontier): boolean {
  return (
    c.selector === "merge-to-mix" ||
    c.selector === "random" ||
    ((c.selector === "cosine" || c.selector === "l2") && c.strategy === f.defaultStrategy)
  );
}

/** Bands shown at first: only the default strategy's and random's, so four bands, not a wall of them. */
const bandAtFirst = (c: VerifyCurve, f: VerifyFrontier): boolean =>
  shownAtFirst(c, f) && (c.strategy === f.defaultStrategy || c.selector === "random");

/** Fixed colours for the selectors every run has; surrogates take the rest of the palette in turn. */
const FIXED: Record<string, string> = {
  "merge-to-mix": "#d62728",
  cosine: "#1f77b4",
  l2: "#2ca02c",
  random: "#000000",
};

/** "#rrggbb" at `alpha`, for the translucent bands. */
function rgba(hex: string, alpha: number): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

/**
 * The cost–regret frontier of "shortlist, then verify by real fine-tunes": x = real fine-tunes spent per
 * target and seed (log scale, from 1 to exhaustive search), y = normalised regret (0 = the oracle's mixture,
 * 1 = a random one) with its 95% bootstrap interval as a band; one line per selector (colour) and shortlist
 * strategy (dash), random best-of-K in black; the y range fits the lines, clipping wider bands. Curves other than Merge to Mix's, the default-strategy
 * similarity shortlists and random start hidden (click the legend).
 *
 * @example
 * showFigure(verifyFrontierChart(verifyFrontier(results)!));
 */
export function verifyFrontierChart(f: VerifyFrontier): Figure {
  const others = [...new Set(f.curves.map((c) => c.selector))].filter((s) => !(s in FIXED));
  const spare = PALETTE.filter((c) => !Object.values(FIXED).includes(c));
  const colour = (s: string) => FIXED[s] ?? spare[others.indexOf(s) % spare.length];
  const data: Array<Record<string, unknown>> = [];
  for (const c of f.curves) {
    const name = plotText(`${c.selector} ${c.strategy}`),
      visible = shownAtFirst(c, f) ? true : "legendonly";
    const pts = c.points.filter((p) => Number.isFinite(p.finetunes) && Number.isFinite(p.normalisedRegret.estimate));
    const band = pts.filter((p) => Number.isFinite(p.normalisedRegret.lo) && Number.isFinite(p.normalisedRegret.hi));
    if (band.length > 1) {
      data.push({
        type: "scatter",
        mode: "lines",
        name,
        legendgroup: name,
        showlegend: false,
        visible: bandAtFirst(c, f) ? true : "legendonly",
        hoverinfo: "skip",
        x: [...band.map((p) => p.finetunes), ...band.map((p) => p.finetunes).reverse()],
        y: [
          ...band.map((p) => plotValue(p.normalisedRegret.hi)),
          ...band.map((p) => plotValue(p.normalisedRegret.lo)).reverse(),
        ],
        fill: "toself",
        fillcolor: rgba(colour(c.selector), 0.1),
        line: { width: 0 },
      });
    }
    data.push({
      type: "scatter",
      mode: "lines+markers",
      name,
      legendgroup: name,
      visible,
      x: pts.map((p) => p.finetunes),
      y: pts.map((p) => plotValue(p.normalisedRegret.estimate)),
      customdata: pts.map((p) => [p.k, plotValue(p.normalisedRegret.lo), plotValue(p.normalisedRegret.hi)]),
      line: { color: colour(c.selector), dash: DASH[c.strategy], width: c.selector === "merge-to-mix" ? 2.5 : 1.5 },
      marker: { size: 5 },
      hovertemplate: `${name}<br>K = %{customdata[0]}, %{x:.1f} fine-tunes<br>normalised regret %{y:.2f} [%{customdata[1]:.2f}, %{customdata[2]:.2f}]<extra></extra>`,
    });
  }
  const shown = f.curves
    .filter((c) => shownAtFirst(c, f))
    .flatMap((c) => c.points.map((p) => p.normalisedRegret.estimate))
    .filter(Number.isFinite);
  const yRange = [Math.min(-0.1, ...shown) - 0.1, Math.max(1.1, ...shown) + 0.1];
  const ticks = [...new Set([1, 2, 3, 4, 8, 16, 32, 64, f.mixtures].filter((t) => t <= f.mixtures))];
  return {
    data,
    layout: {
      title: {
        text: `Shortlist, then verify: real fine-tunes against regret<br><sub>normalised regret on the seed-averaged ${f.judge} truth, bands = 95% bootstrap intervals over targets × seeds; ${f.mixtures} fine-tunes = exhaustive search</sub>`,
      },
      width: 1000,
      height: 560,
      margin: { t: 100, l: 70, r: 20, b: 70 },
      xaxis: {
        type: "log",
        title: { text: "real fine-tunes spent per target and seed (log scale)" },
        range: [-0.05, Math.log10(f.mixtures) + 0.05],
        tickvals: ticks,
        ticktext: ticks.map((t) => (t === f.mixtures ? `${t} (exhaustive)` : String(t))),
      },
      // the range fits the lines shown at first; bands beyond it are clipped (their numbers are in the hover and the text)
      yaxis: { title: { text: "normalised regret (0 = oracle, 1 = random)" }, zeroline: true, range: yRange },
      legend: { title: { text: "selector and shortlist (click to show)" }, font: { size: 11 } },
    },
    config: FIGURE_CONFIG,
  };
}
