import type { Figure } from "../report/figure";
import { figureHtml } from "../report/figure-html";
import { InvalidArgumentError } from "../util/errors";
import { checkSameBase, evaluate } from "./evaluate";
import { Model } from "./model";
import { ScoredMixtures } from "./score-mixtures";
import { Shown, tableBlock } from "./shown";
import type { SimilarityBaselines } from "./similarity-baselines";

/** One mixture: its merged model's score beside the score of a model really fine-tuned on it. */
export interface ComparisonRow {
  mixture: string;
  size: number;
  merged_val_loss: number;
  real_val_loss: number;
  merged_val_acc: number;
  real_val_acc: number;
  /** Rank of the mixture among all merged scores (1 = Merge to Mix's pick). */
  merged_rank: number;
  cosine?: number;
}

/** An axis range with room for the point labels (Plotly does not count text in its autorange). */
function padded(v: readonly number[]): [number, number] {
  const lo = Math.min(...v),
    hi = Math.max(...v),
    pad = Math.max(0.25 * (hi - lo), 0.02 * Math.abs(hi) || 0.01);
  return [lo - pad, hi + pad];
}

/** Merged surrogates against real mixture fine-tunes on one target. */
export class Comparison extends Shown {
  constructor(
    readonly target: string,
    readonly rows: readonly ComparisonRow[],
    readonly mixtures: number,
  ) {
    super();
  }

  /** A scatter of real vs merged validation loss, one point per mixture (a Plotly figure spec). */
  figure(): Figure {
    return {
      data: [
        {
          type: "scatter",
          mode: "markers+text",
          x: this.rows.map((r) => r.merged_val_loss),
          y: this.rows.map((r) => r.real_val_loss),
          text: this.rows.map((r) => r.mixture),
          textposition: "top center",
          marker: { size: 10 },
          name: "mixture",
        },
      ],
      layout: {
        title: { text: `Does the merged model predict the real fine-tune?<br>(target ${this.target})` },
        xaxis: {
          title: { text: "merged model's validation loss (no training)" },
          range: padded(this.rows.map((r) => r.merged_val_loss)),
        },
        yaxis: { title: { text: "fine-tuned-on-mixture validation loss" } },
        height: 380,
        showlegend: false,
      },
    };
  }
  html(): string {
    const rows = this.rows.map((r) => ({
      mixture: r.mixture,
      size: r.size,
      "merged rank": `${r.merged_rank} / ${this.mixtures}`,
      "merged val loss": r.merged_val_loss,
      "real val loss": r.real_val_loss,
      "merged val acc %": 100 * r.merged_val_acc,
      "real val acc %": 100 * r.real_val_acc,
      ...(r.cosine !== undefined ? { cosine: r.cosine } : {}),
    }));
    return (
      tableBlock(rows, { caption: `Merged surrogate vs real mixture fine-tune on ${this.target} (validation split)` }) +
      figureHtml(this.figure())
    );
  }
  summary(): string {
    return `${this.rows.length} mixtures compared on ${this.target}: ${this.rows.map((r) => `${r.mixture} merged ${r.merged_val_loss.toFixed(3)} / real ${r.real_val_loss.toFixed(3)}`).join("; ")}`;
  }
}

/**
 * Step 8: put real mixture fine-tunes beside their merged surrogates (and, optionally, the similarity
 * baselines' numbers): does a lower merged loss mean a lower real loss? Renders a table and a scatter
 * (call `initPlotly()` once in the notebook first).
 *
 * @example
 * const real = [await fineTuneMixture(base, ["mnist"]), await fineTuneMixture(base, ["mnist", "uci-digits"])];
 * compare(scoreMixtures(experts, "hershey-digits"), real);
 */
export function compare(scored: ScoredMixtures, real: readonly Model[], similarity?: SimilarityBaselines): Comparison {
  if (!(scored instanceof ScoredMixtures))
    throw new InvalidArgumentError("scored", scored, "the value of scoreMixtures(experts, target)");
  if (!Array.isArray(real) || real.length === 0)
    throw new InvalidArgumentError("real", real, "a non-empty list of models from fineTuneMixture");
  const base = scored.experts.base;
  const rank = new Map(scored.rows.map((r, i) => [r.mask, i + 1] as const));
  const rows = real.map((m) => {
    if (!(m instanceof Model) || m.kind !== "mixture")
      throw new InvalidArgumentError("real", m, "models from fineTuneMixture(base, names)");
    checkSameBase(m, base, "mixture model");
    const row = scored.row(m.members);
    const truth = evaluate(m, scored.target, "val");
    const cosine = similarity?.rows.find((r) => r.mask === row.mask)?.cosine;
    return {
      mixture: row.mixture,
      size: row.size,
      merged_val_loss: row.val_loss,
      real_val_loss: truth.loss,
      merged_val_acc: row.val_acc,
      real_val_acc: truth.accuracy,
      merged_rank: rank.get(row.mask)!,
      ...(cosine !== undefined ? { cosine } : {}),
    };
  });
  return new Comparison(scored.target, rows, scored.rows.length);
}
