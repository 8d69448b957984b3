import type { Figure } from "../report/figure";
import { figureHtml } from "../report/figure-html";
import { InvalidArgumentError } from "../util/errors";
import { checkSameBase } from "./evaluate";
import { Experts } from "./experts";
import type { Model } from "./model";
import { Shown, tableBlock } from "./shown";

/** The experts' task vectors τ_i = θ_i − θ0: their norms and pairwise cosines. */
export class TaskVectors extends Shown {
  constructor(
    readonly names: readonly string[],
    readonly norms: readonly number[],
    readonly cosine: readonly (readonly number[])[],
  ) {
    super();
  }
  /** The cosine matrix as a heatmap (a Plotly figure spec). */
  heatmap(): Figure {
    return {
      data: [
        {
          type: "heatmap",
          z: this.cosine.map((r) => [...r]),
          x: [...this.names],
          y: [...this.names],
          zmin: -1,
          zmax: 1,
          colorscale: "RdBu",
          reversescale: true,
          text: this.cosine.map((r) => r.map((v) => v.toFixed(2))),
          texttemplate: "%{text}",
          colorbar: { title: { text: "cosine" } },
        },
      ],
      layout: {
        title: { text: "Cosine similarity of task vectors τ = θ_expert − θ0" },
        xaxis: { title: { text: "expert" } },
        yaxis: { title: { text: "expert" }, autorange: "reversed" },
        height: 360,
        width: 480,
      },
    };
  }
  html(): string {
    return (
      tableBlock(
        this.names.map((n, i) => ({
          expert: n,
          "‖τ‖": this.norms[i],
          ...Object.fromEntries(this.names.map((m, j) => [`cos(·, ${m})`, this.cosine[i][j]])),
        })),
        { caption: "Task vectors: how far, and in which direction, fine-tuning moved θ0" },
      ) + figureHtml(this.heatmap())
    );
  }
  summary(): string {
    return `task vectors of ${this.names.join(", ")}: norms ${this.norms.map((v) => v.toFixed(3)).join(", ")}`;
  }
}

/**
 * The experts' task vectors τ_i = θ_i − θ0: norms and the cosine matrix (table + heatmap). Cosines near 0
 * mean the fine-tunes moved θ0 in unrelated directions; a merge then dilutes each of them.
 *
 * @example
 * taskVectors(experts);               // the table and the heatmap as the cell's value
 * taskVectors(experts).cosine[0][1];
 */
export function taskVectors(experts: Experts): TaskVectors {
  if (!(experts instanceof Experts))
    throw new InvalidArgumentError("experts", experts, "the value of `await fineTuneEach(base, datasets)`");
  const t0 = experts.base.theta0.data;
  const taus = experts.models.map((m) => Float64Array.from(m.params.data, (v, i) => v - t0[i]));
  const dot = (a: Float64Array, b: Float64Array) => {
    let s = 0;
    for (let i = 0; i < a.length; i++) s += a[i] * b[i];
    return s;
  };
  const norms = taus.map((a) => Math.sqrt(dot(a, a)));
  const cosine = taus.map((a, i) => taus.map((b, j) => dot(a, b) / (norms[i] * norms[j] || 1)));
  return new TaskVectors(experts.names, norms, cosine);
}

/** An axis range with room for the point labels (Plotly does not count text in its autorange). */
function padRange(v: readonly number[]): [number, number] {
  const lo = Math.min(...v),
    hi = Math.max(...v),
    pad = 0.2 * (hi - lo || 1);
  return [lo - pad, hi + pad];
}

/** Models placed in the plane that best preserves their distances (PCA of the weights). */
export class Projection extends Shown {
  constructor(
    readonly labels: readonly string[],
    readonly xy: readonly (readonly [number, number])[],
    readonly explained: readonly [number, number],
  ) {
    super();
  }
  figure(): Figure {
    return {
      data: [
        {
          type: "scatter",
          mode: "markers+text",
          cliponaxis: false,
          x: this.xy.map((p) => p[0]),
          y: this.xy.map((p) => p[1]),
          text: [...this.labels],
          textposition: "top center",
          marker: { size: 11 },
        },
      ],
      layout: {
        title: { text: "The models in weight space (2-D PCA projection)" },
        xaxis: {
          title: { text: `1st principal direction (${(100 * this.explained[0]).toFixed(0)}% of the spread)` },
          zeroline: false,
          range: padRange(this.xy.map((p) => p[0])),
        },
        yaxis: {
          title: { text: `2nd principal direction (${(100 * this.explained[1]).toFixed(0)}%)` },
          zeroline: false,
        },
        height: 420,
        showlegend: false,
      },
    };
  }
  html(): string {
    return figureHtml(this.figure());
  }
  summary(): string {
    return `2-D projection of ${this.labels.join(", ")}`;
  }
}

/**
 * Project models of one base onto the 2-D plane of their two largest principal directions (PCA on the
 * Gram matrix of the centred weights: exact for a handful of models, whatever their size).
 *
 * @example
 * projectModels([baseModel(base), ...experts.models, merge(experts, names), merge(experts, names, { operator: "sum" })],
 *   { labels: ["θ0", ...names, "mean", "sum"] });
 */
export function projectModels(models: readonly Model[], options: { labels?: readonly string[] } = {}): Projection {
  if (!Array.isArray(models) || models.length < 3)
    throw new InvalidArgumentError("models", models, "at least 3 models of one base");
  for (const m of models) checkSameBase(m, models[0].base);
  const n = models.length,
    P = models[0].params.data.length;
  const mean = new Float64Array(P);
  for (const m of models) for (let i = 0; i < P; i++) mean[i] += m.params.data[i] / n;
  const G = Array.from({ length: n }, () => new Float64Array(n));
  for (let a = 0; a < n; a++)
    for (let b = a; b < n; b++) {
      const x = models[a].params.data,
        y = models[b].params.data;
      let s = 0;
      for (let i = 0; i < P; i++) s += (x[i] - mean[i]) * (y[i] - mean[i]);
      G[a][b] = G[b][a] = s;
    }
  const total = G.reduce((s, r, i) => s + r[i], 0) || 1;
  const vecs: Float64Array[] = [],
    vals: number[] = [];
  for (let k = 0; k < 2; k++) {
    // power iteration with deflation (seeded start: deterministic)
    let v = Float64Array.from({ length: n }, (_, i) => 1 + i * 0.37 + k);
    let lambda = 0;
    for (let it = 0; it < 500; it++) {
      const w = new Float64Array(n);
      for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) w[a] += G[a][b] * v[b];
      for (const u of vecs) {
        const d = u.reduce((s, x, i) => s + x * w[i], 0);
        for (let i = 0; i < n; i++) w[i] -= d * u[i];
      }
      const norm = Math.hypot(...w);
      if (norm === 0) break;
      lambda = norm;
      v = w.map((x) => x / norm);
    }
    vecs.push(v);
    vals.push(lambda);
  }
  const xy = models.map((_, i) => [vecs[0][i] * Math.sqrt(vals[0]), vecs[1][i] * Math.sqrt(vals[1])] as const);
  const labels = options.labels ?? models.map((m) => m.label);
  if (labels.length !== n) throw new InvalidArgumentError("labels", labels, `${n} labels, one per model`);
  return new Projection(labels, xy, [vals[0] / total, vals[1] / total]);
}
