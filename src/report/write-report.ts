import * as fs from "fs";
import * as path from "path";
import { recommendationsOf } from "../experiment/recommendation";
import { hasGroundTruth, RunResults } from "../experiment/results";
import type { WeightedGrid } from "../experiment/weighted-grid";
import { correlationExplorer, mixtureExplorer, weightedMixExplorer } from "../../widgets/index";
import { Progress, silentProgress } from "../util/progress";
import { writeFileAtomic } from "./atomic";
import { Figure } from "./figure";
import { figureHtml } from "./figure-html";
import { correlationOverview, perTargetPanels, similarityPanels, topMixturesChart } from "./figures/index";
import { escapeHtml } from "./html";
import { readRunResults } from "./load";
import { htmlPage } from "./page";
import { openFigureRenderer } from "./render";
import {
  CORRELATION_COLUMNS, CORRELATION_LABELS, COST_COLUMNS, COST_LABELS, RECOMMENDATION_COLUMNS, RECOMMENDATION_LABELS, SELECTION_COLUMNS, SELECTION_LABELS,
  TOP_MIXTURE_COLUMNS, TOP_MIXTURE_LABELS, correlationRows, costRows, recommendationRows, selectionRows, tableHtml, topMixtureRows,
} from "./tables/index";

export interface WriteReportOptions {
  /** Also render every figure to runDir/report/NAME.png with Chromium (default true). */
  png?: boolean;
  /** Progress for the PNG rendering. */
  progress?: Progress;
}

/** The report's figures by file name (stable names: they become NAME.png). Without a ground truth: the top mixtures of each target. */
export function reportFigures(results: RunResults): Array<[string, string, Figure]> {
  if (!hasGroundTruth(results)) {
    return recommendationsOf(results).map((rec) => [
      `top-mixtures-${rec.target}${results.seeds.length > 1 ? `-seed${rec.seed}` : ""}`,
      `Top mixtures for ${rec.target} by merged-model score${results.seeds.length > 1 ? ` (seed ${rec.seed})` : ""}`, topMixturesChart(rec),
    ]);
  }
  const [cos, l2] = similarityPanels(results);
  return [
    ["fig1-correlation-overview", "Figure 1 analogue: mixture fine-tuned vs merged / similarity scores", correlationOverview(results)],
    ["fig1-correlation-overview-loss", "Figure 1 analogue, validation loss, without singletons", correlationOverview(results, { truth: "val_loss", subset: "no-singletons" })],
    ["fig2-per-target-merged", "Per-target panels (Figures 2–3 analogue): merged model", perTargetPanels(results, "merged")],
    ["fig4-per-target-cosine", "Similarity panels (Figures 4–5 analogue): cosine", cos],
    ["fig5-per-target-l2", "Similarity panels (Figures 4–5 analogue): L2", l2],
  ];
}

/**
 * The offline HTML report of a finished run: runDir/report/index.html (tables, figures and widgets,
 * plotly.js embedded) and, with `png` (default), each figure as runDir/report/NAME.png. A run without a
 * ground truth gets its recommendations by merged-model score instead (no truth-derived table). A weighted-mix
 * explorer is added when runDir/weighted-grid.json (a WeightedGrid) exists. An unfinished or missing
 * run is an IncompleteRunError saying what is missing and the command that resumes it.
 *
 * @example
 * const { html, pngs } = await writeReport("runs/quick-vision8");
 */
export async function writeReport(runDir: string, options: WriteReportOptions = {}): Promise<{ html: string; pngs: string[] }> {
  const results = readRunResults(runDir);
  const outDir = path.join(runDir, "report");
  const figures = reportFigures(results);
  const section = (title: string, body: string) => `<section><h2>${escapeHtml(title)}</h2>\n${body}\n</section>`;
  const parts: string[] = [];
  parts.push(
    `<h1>merge-to-mix report: ${escapeHtml(results.suite)}</h1>` +
      `<p>${escapeHtml(results.targets.length)} targets (${escapeHtml(results.targets.map((t) => results.tasks[t]?.title ?? t).join(", "))}), ` +
      `seeds ${escapeHtml(results.seeds.join(", "))}; started ${escapeHtml(results.started)}, finished ${escapeHtml(results.finished ?? "–")}. ` +
      `Numbers are means over seeds; accuracies are on the target's test split unless marked validation.</p>`,
  );
  if (hasGroundTruth(results)) {
    parts.push(section("Selected-mixture test accuracy", tableHtml(selectionRows(results), { columns: SELECTION_COLUMNS, labels: SELECTION_LABELS })));
    parts.push(section("Correlation with the mixture fine-tuned validation accuracy", tableHtml(correlationRows(results), { columns: CORRELATION_COLUMNS, labels: CORRELATION_LABELS })));
    parts.push(section("Correlation with the mixture fine-tuned validation loss", tableHtml(correlationRows(results, { truth: "val_loss" }), { columns: CORRELATION_COLUMNS, labels: CORRELATION_LABELS })));
    parts.push(section("Cost: Merge to Mix vs exhaustive mixture fine-tuning", tableHtml(costRows(results), { columns: COST_COLUMNS, labels: COST_LABELS, digits: 1 })));
    for (const [, title, fig] of figures) parts.push(section(title, figureHtml(fig)));
    parts.push(section("Mixture explorer", mixtureExplorer(results)));
    parts.push(section("Correlation explorer", correlationExplorer(results)));
  } else {
    // No ground truth: merged-model scores only — no oracle, regret, rank, correlation or exhaustive cost.
    const recs = recommendationsOf(results);
    parts.push(`<p>This run has no ground truth (no mixture was fine-tuned): every score below is the <em>merged</em> model's on the target's validation split, not a fine-tuned truth.</p>`);
    parts.push(section("Recommended mixture per target (merged-model scores)", tableHtml(recommendationRows(recs), { columns: RECOMMENDATION_COLUMNS, labels: RECOMMENDATION_LABELS })));
    recs.forEach((rec, i) => {
      parts.push(section(figures[i][1], tableHtml(topMixtureRows(rec), { columns: TOP_MIXTURE_COLUMNS, labels: TOP_MIXTURE_LABELS }) + figureHtml(figures[i][2])));
    });
    const m2m = COST_COLUMNS.filter((c) => !c.startsWith("exhaustive") && c !== "speedup");
    parts.push(section("Cost of Merge to Mix", tableHtml(costRows(results), { columns: m2m, labels: COST_LABELS, digits: 1 })));
  }
  const gridFile = path.join(runDir, "weighted-grid.json");
  if (fs.existsSync(gridFile)) {
    let grid: WeightedGrid | undefined;
    try { grid = JSON.parse(fs.readFileSync(gridFile, "utf8")) as WeightedGrid; } catch { grid = undefined; }
    parts.push(section("Weighted-mix explorer", grid ? weightedMixExplorer(grid) : `<p>${escapeHtml(gridFile)} is not valid JSON.</p>`));
  }
  const html = path.join(outDir, "index.html");
  writeFileAtomic(html, htmlPage(parts.join("\n"), { title: `merge-to-mix report: ${results.suite}` }));

  const pngs: string[] = [];
  if (options.png !== false) {
    const progress = options.progress ?? silentProgress;
    const renderer = await openFigureRenderer();
    try {
      progress.start("render figures", figures.length);
      for (const [name, , fig] of figures) {
        const file = path.join(outDir, `${name}.png`);
        writeFileAtomic(file, await renderer.render(fig));
        pngs.push(file);
        progress.tick(1, name);
      }
      progress.done();
    } finally {
      await renderer.close();
    }
  }
  return { html, pngs };
}
