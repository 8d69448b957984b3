import { formatNumber } from "../../results/text/numbers";
import { Figure } from "../figure";
import { FIGURE_CONFIG, plotText } from "./common";
import type { WeightedGrid } from "../../results/weighted-grid";

/** Accuracies are stored as fractions: show them in percent; other metrics as they are. */
const scaleOf = (metric: string) => (/accuracy/.test(metric) ? 100 : 1);
const label = (grid: WeightedGrid, w: readonly number[]) =>
  plotText(w.map((v, i) => `${grid.candidates[i]} ${v.toFixed(2)}`).join(", "));

/**
 * The weighted mixtures of one target over the simplex, scored by the merged model: for three candidates a
 * ternary plot of every grid point coloured by its merged score, for two a line over the first candidate's
 * weight, otherwise the grid points by rank; with the weighted search's path (start = the binary pick's
 * uniform weights, then each accepted step) and its optimum marked when the grid carries them (older files
 * do not: the figure then shows the grid alone).
 *
 * @example
 * showFigure(weightedSimplexFigure(JSON.parse(fs.readFileSync("runs/x/weighted-grid.json", "utf8"))));
 */
export function weightedSimplexFigure(grid: WeightedGrid): Figure {
  const metric = grid.metric ?? "score";
  const scale = scaleOf(metric);
  const unit = scale === 100 ? " (%)" : "";
  const k = grid.candidates.length;
  const path = grid.path ?? [];
  const opt = grid.optimum;
  const best = grid.merged.reduce((b, v, i) => (v > grid.merged[b] ? i : b), 0);
  const fmt = (v: number) => formatNumber(v, scale === 100 ? { scale: 100, digits: 1, unit: "%" } : { digits: 3 });
  const title = `${plotText(grid.target)}: weighted mixtures by merged model<br><sub>${opt ? `weighted optimum ${fmt(opt.score)} vs best grid point ${fmt(grid.merged[best])}` : `best grid point ${fmt(grid.merged[best])} (no weighted search in this grid)`}</sub>`;
  const hover = `%{text}<br>${plotText(metric)} %{marker.color:.4f}<extra></extra>`;
  const data: Record<string, unknown>[] = [];
  const layout: Record<string, unknown> = {
    title: { text: title },
    height: 580,
    width: 820,
    margin: { t: 135, l: 90, r: 50, b: 70 },
    legend: { orientation: "h", x: 0, y: -0.08, yanchor: "top" },
  };
  if (k === 3) {
    const abc = (ws: readonly (readonly number[])[]) => ({
      a: ws.map((w) => w[0]),
      b: ws.map((w) => w[1]),
      c: ws.map((w) => w[2]),
    });
    data.push({
      type: "scatterternary",
      cliponaxis: false,
      mode: "markers",
      name: "grid points (merged score)",
      ...abc(grid.points),
      text: grid.points.map((w) => label(grid, w)),
      marker: {
        color: grid.merged.map((v) => v * scale),
        colorscale: "Viridis",
        size: 9,
        colorbar: { title: { text: plotText(metric) + unit, side: "right" }, thickness: 14, len: 0.8 },
      },
      hovertemplate: hover,
    });
    if (path.length) {
      data.push({
        type: "scatterternary",
        cliponaxis: false,
        mode: "lines+markers",
        name: "search path",
        ...abc(path.map((p) => p.weights)),
        text: path.map((p) => `${label(grid, p.weights)}: ${fmt(p.score)}`),
        line: { color: "#ff7f0e", width: 2 },
        marker: { size: 7, color: "#ff7f0e" },
        hovertemplate: "%{text}<extra>path</extra>",
      });
      data.push({
        type: "scatterternary",
        cliponaxis: false,
        mode: "markers",
        name: "start (binary pick)",
        ...abc([path[0].weights]),
        text: [`${label(grid, path[0].weights)}: ${fmt(path[0].score)}`],
        marker: { size: 13, symbol: "diamond", color: "#ffffff", line: { color: "#ff7f0e", width: 2 } },
        hovertemplate: "%{text}<extra>start</extra>",
      });
    }
    data.push({
      type: "scatterternary",
      cliponaxis: false,
      mode: "markers",
      name: "best grid point",
      ...abc([grid.points[best]]),
      text: [`${label(grid, grid.points[best])}: ${fmt(grid.merged[best])}`],
      marker: { size: 15, symbol: "square-open", color: "#000000", line: { width: 2 } },
      hovertemplate: "%{text}<extra>best grid point</extra>",
    });
    if (opt)
      data.push({
        type: "scatterternary",
        cliponaxis: false,
        mode: "markers",
        name: "weighted optimum",
        ...abc([opt.weights]),
        text: [`${label(grid, opt.weights)}: ${fmt(opt.score)}`],
        marker: { size: 18, symbol: "star", color: "#d62728", line: { color: "#ffffff", width: 1 } },
        hovertemplate: "%{text}<extra>optimum</extra>",
      });
    // the corner titles are the candidates' names (each corner = that dataset alone); the margins leave them room
    const axis = (i: number) => ({ title: { text: plotText(grid.candidates[i]) }, min: 0, tickformat: ".1f" });
    layout.ternary = { sum: 1, aaxis: axis(0), baxis: axis(1), caxis: axis(2) };
  } else if (k === 2) {
    const order = grid.points.map((_, i) => i).sort((a, b) => grid.points[a][0] - grid.points[b][0]);
    data.push({
      type: "scatter",
      mode: "lines+markers",
      name: "grid points (merged score)",
      x: order.map((i) => grid.points[i][0]),
      y: order.map((i) => grid.merged[i] * scale),
      text: order.map((i) => label(grid, grid.points[i])),
      marker: { color: "#5b7fa6", size: 7 },
      hovertemplate: "%{text}: %{y:.4f}<extra></extra>",
    });
    if (path.length)
      data.push({
        type: "scatter",
        mode: "lines+markers",
        name: "search path",
        x: path.map((p) => p.weights[0]),
        y: path.map((p) => p.score * scale),
        line: { color: "#ff7f0e" },
        hovertemplate: "%{x:.2f}: %{y:.4f}<extra>path</extra>",
      });
    if (opt)
      data.push({
        type: "scatter",
        mode: "markers",
        name: "weighted optimum",
        x: [opt.weights[0]],
        y: [opt.score * scale],
        marker: { size: 16, symbol: "star", color: "#d62728" },
        hovertemplate: "%{x:.2f}: %{y:.4f}<extra>optimum</extra>",
      });
    layout.xaxis = {
      title: { text: plotText(`weight of ${grid.candidates[0]} (the rest on ${grid.candidates[1]})`) },
      range: [-0.02, 1.02],
    };
    layout.yaxis = { title: { text: plotText(metric) + unit } };
  } else {
    const order = grid.points.map((_, i) => i).sort((a, b) => grid.merged[b] - grid.merged[a]);
    data.push({
      type: "scatter",
      mode: "markers",
      name: "grid points (merged score)",
      x: order.map((_, r) => r + 1),
      y: order.map((i) => grid.merged[i] * scale),
      text: order.map((i) => label(grid, grid.points[i])),
      marker: { color: "#5b7fa6", size: 6 },
      hovertemplate: "%{text}: %{y:.4f}<extra></extra>",
    });
    if (opt)
      data.push({
        type: "scatter",
        mode: "lines",
        name: "weighted optimum",
        x: [1, grid.points.length],
        y: [opt.score * scale, opt.score * scale],
        line: { color: "#d62728", dash: "dash" },
        hoverinfo: "skip",
      });
    layout.xaxis = { title: { text: "grid point, by rank of the merged score" } };
    layout.yaxis = { title: { text: plotText(metric) + unit } };
  }
  return { data, layout, config: FIGURE_CONFIG };
}
