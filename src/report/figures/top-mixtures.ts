import { mixtureName } from "../../data/mixture-name";
import type { Recommendation } from "../../results/recommendation";
import { formatNumber } from "../../results/text/numbers";
import { Figure } from "../figure";
import { plotText } from "./common";

/**
 * A bar chart of a recommendation's top mixtures by merged-model score (validation loss when the pick
 * minimises it, else accuracy), best at the top; the recommended mixture is highlighted and each bar's
 * hover names the baselines that picked it. Merged-model scores, not fine-tuned truths.
 *
 * @example
 * showFigure(topMixturesChart(await selectMixture(opts)));
 */
export function topMixturesChart(rec: Recommendation): Figure {
  const loss = rec.score === "loss";
  const rows = [...rec.top].reverse(); // Plotly draws the first category at the bottom
  const label = (members: string[]) => plotText(mixtureName(members, " + "));
  const x = rows.map((m) => (loss ? m.merged_val_loss : 100 * m.merged_val_acc));
  const text = rows.map((m) => {
    const by = rec.baselines.filter((b) => b.mask === m.mask).map((b) => b.method);
    return `${loss ? formatNumber(m.merged_val_loss, { digits: 3 }) : formatNumber(m.merged_val_acc, { scale: 100, digits: 1, unit: "%" })}${by.length ? ` (also ${by.join(", ")})` : ""}`;
  });
  return {
    data: [
      {
        type: "bar",
        orientation: "h",
        x,
        y: rows.map((m) => label(m.members)),
        text,
        textposition: "auto",
        marker: { color: rows.map((m) => (m.mask === rec.recommended.mask ? "#d62728" : "#1f77b4")) },
        hovertemplate: "%{y}<br>%{text}<extra></extra>",
      },
    ],
    layout: {
      title: {
        text: plotText(
          `${rec.target}: top ${rec.top.length} mixtures by merged-model score (${rec.search.strategy}, ${rec.cost.merge_evals} of ${rec.search.mixtures} scored)`,
        ),
      },
      xaxis: {
        title: {
          text: loss ? "merged model validation loss (lower is better)" : "merged model validation accuracy (%)",
        },
        rangemode: loss ? "tozero" : "normal",
      },
      yaxis: { automargin: true, title: { text: "mixture" } },
      height: Math.max(320, 60 + 34 * rows.length),
      width: 900,
      margin: { t: 70, l: 20, r: 30, b: 60 },
      showlegend: false,
    },
    config: { responsive: true, displaylogo: false },
  };
}
