import * as fs from "fs";
import { markOutputDir } from "../experiment/run-dir";
import * as path from "path";
import { claimsOf, type Claims } from "../results/claims";
import { recommendationsOf, type Recommendation } from "../results/recommendation";
import { hasGroundTruth, RunResults } from "../results/results";
import { correlationExplorer, mixtureExplorer, weightedMixExplorer } from "../../widgets/index";
import { Progress, silentProgress } from "../util/progress";
import { writeFileAtomic } from "../util/atomic";
import { claimsHtml } from "./claims-section";
import { diagnosticsFigures, diagnosticsLines } from "./diagnostics-section";
import { Figure } from "../report/figure";
import { figureHtml } from "../report/figure-html";
import {
  claim1Chart,
  correlationOverview,
  methodPowerChart,
  perTargetPanels,
  similarityPanels,
  surrogateChart,
  topMixturesChart,
  weightedSimplexFigure,
  weightedTruthChart,
} from "../report/figures/index";
import { escapeHtml } from "../report/html";
import { verifyFrontierChart } from "../report/figures/verify-frontier-chart";
import { verifyFrontier } from "../results/verify-frontier";
import { formatVerifyFrontier } from "../results/text/verify-text";
import { linesHtml } from "../report/lines-html";
import { readRunResults } from "../results/read-results";
import { weightedTruthIntervals } from "../results/weighted-vs-binary";
import { htmlPage } from "../report/page";
import { openFigureRenderer } from "../report/render";
import {
  CORRELATION_DISPLAY,
  COST_COLUMNS,
  COST_DISPLAY,
  RECOMMENDATION_DISPLAY,
  SELECTION_DISPLAY,
  TOP_MIXTURE_DISPLAY,
  correlationRows,
  costRows,
  recommendationRows,
  selectionRows,
  tableHtml,
  topMixtureRows,
} from "../report/tables/index";
import { gridSummary, weightedHtml } from "./weighted-section";
import type { WeightedGrid } from "../results/weighted-grid";

export interface WriteReportOptions {
  /** Also render every figure to runDir/report/NAME.png with Chromium (default true). */
  png?: boolean;
  /** Progress for the PNG rendering. */
  progress?: Progress;
}

/** What the report adds to a run's results: its claims and, without a ground truth, its recommendations (each computed when absent), and the weighted grid file. */
export interface ReportExtras {
  claims?: Claims | null;
  recommendations?: readonly Recommendation[];
  grid?: WeightedGrid;
}

/** The file name of a recommendation's top-mixtures figure (the seed only when the run has several). */
const topMixturesName = (results: RunResults, rec: Recommendation) =>
  `top-mixtures-${rec.target}${results.seeds.length > 1 ? `-seed${rec.seed}` : ""}`;

/**
 * The report's figures by file name (stable names: they become NAME.png). With a ground truth: the claims
 * (method power and claim 1 with 95% intervals, the surrogates), then the correlation figures; without one,
 * the top mixtures of each target. Then the weighted mixtures (fine-tuned comparison, the grid's simplex).
 */
export function reportFigures(results: RunResults, extras: ReportExtras = {}): Array<[string, string, Figure]> {
  const out: Array<[string, string, Figure]> = [];
  if (!hasGroundTruth(results)) {
    for (const rec of extras.recommendations ?? recommendationsOf(results)) {
      out.push([
        topMixturesName(results, rec),
        `Top mixtures for ${rec.target} by merged-model score${results.seeds.length > 1 ? ` (seed ${rec.seed})` : ""}`,
        topMixturesChart(rec),
      ]);
    }
  } else {
    const claims = extras.claims === undefined ? claimsOf(results) : extras.claims;
    if (claims) {
      out.push([
        "claims-methods",
        "Claims 2–3: normalised regret and test accuracy of each method's pick, 95% intervals",
        methodPowerChart(claims),
      ]);
      out.push([
        "claims-claim1",
        "Claim 1: merged vs mixture fine-tuned validation loss, r per target with 95% intervals",
        claim1Chart(claims),
      ]);
      const sg = surrogateChart(claims);
      if (sg) out.push(["claims-surrogates", "Surrogates: r and normalised regret, 95% intervals", sg]);
    }
    const frontier = results.verify ?? verifyFrontier(results);
    if (frontier)
      out.push([
        "verify-frontier",
        "Shortlist, then verify: real fine-tunes against normalised regret, 95% intervals",
        verifyFrontierChart(frontier),
      ]);
    const [cos, l2] = similarityPanels(results);
    out.push(
      [
        "fig1-correlation-overview",
        "Figure 1 analogue: mixture fine-tuned vs merged / similarity scores",
        correlationOverview(results),
      ],
      [
        "fig1-correlation-overview-loss",
        "Figure 1 analogue, validation loss, without singletons",
        correlationOverview(results, { truth: "val_loss", subset: "no-singletons" }),
      ],
      [
        "fig2-per-target-merged",
        "Per-target panels (Figures 2–3 analogue): merged model",
        perTargetPanels(results, "merged"),
      ],
      ["fig4-per-target-cosine", "Similarity panels (Figures 4–5 analogue): cosine", cos],
      ["fig5-per-target-l2", "Similarity panels (Figures 4–5 analogue): L2", l2],
    );
  }
  out.push(...diagnosticsFigures(results));
  const wt = weightedTruthChart(weightedTruthIntervals(results.weighted ?? []));
  if (wt) out.push(["weighted-vs-binary", "Weighted vs binary mixtures, fine-tuned", wt]);
  if (extras.grid)
    out.push([
      "weighted-simplex",
      `Weighted mixtures of ${extras.grid.target} on the simplex (merged model)`,
      weightedSimplexFigure(extras.grid),
    ]);
  return out;
}

/** runDir/weighted-grid.json as a WeightedGrid, undefined when absent, an Error when it does not parse. */
function readGrid(runDir: string): WeightedGrid | Error | undefined {
  const file = path.join(runDir, "weighted-grid.json");
  if (!fs.existsSync(file)) return undefined;
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as WeightedGrid;
  } catch {
    return new Error(`${file} is not valid JSON`);
  }
}

/**
 * The offline HTML report of a finished run: runDir/report/index.html (claims with intervals, tables,
 * figures and widgets, plotly.js embedded) and, with `png` (default), each figure as runDir/report/NAME.png.
 * A run without a ground truth gets its recommendations by merged-model score instead (no truth-derived
 * table). Weighted mixtures (results.weighted) get their table and figure; runDir/weighted-grid.json (a
 * WeightedGrid) adds the simplex figure and the weighted-mix explorer with the search's optimum and path.
 * An unfinished or missing run is an IncompleteRunError saying what is missing and the command that resumes it.
 *
 * @example
 * const { html, pngs } = await writeReport("runs/quick-vision8");
 */
export async function writeReport(
  runDir: string,
  options: WriteReportOptions = {},
): Promise<{ html: string; pngs: string[] }> {
  const results = readRunResults(runDir);
  const outDir = path.join(runDir, "report");
  // a report folder of ours (marked, or an older one with its index.html) is replaced; anything else is refused
  markOutputDir(outDir, "report", "report folder", ["index.html"]);
  const grid = readGrid(runDir);
  const claims = hasGroundTruth(results) ? claimsOf(results) : null;
  const recs = hasGroundTruth(results) ? [] : recommendationsOf(results);
  const figures = reportFigures(results, {
    claims,
    recommendations: recs,
    grid: grid instanceof Error ? undefined : grid,
  });
  const fig = (name: string) => figures.find((f) => f[0] === name);
  const figSection = (name: string) => {
    const f = fig(name);
    return f ? section(f[1], figureHtml(f[2])) : "";
  };
  const section = (title: string, body: string) => `<section><h2>${escapeHtml(title)}</h2>\n${body}\n</section>`;
  const diagnosticsPart = () => {
    const lines = diagnosticsLines(results);
    return lines.length
      ? section("Diagnostics: task vectors, pick sizes, top-quarter Spearman", linesHtml(lines)) +
          ["task-vector-cosines", "mixture-vs-sum"].map(figSection).join("\n")
      : "";
  };
  const parts: string[] = [];
  parts.push(
    `<h1>merge-to-mix report: ${escapeHtml(results.suite)}</h1>` +
      `<p>${escapeHtml(results.targets.length)} targets (${escapeHtml(results.targets.map((t) => results.tasks[t]?.title ?? t).join(", "))}), ` +
      `seeds ${escapeHtml(results.seeds.join(", "))}; started ${escapeHtml(results.started)}, finished ${escapeHtml(results.finished ?? "–")}. ` +
      `Numbers are means over seeds; accuracies are test accuracies in percent unless marked validation.</p>`,
  );
  if (hasGroundTruth(results)) {
    if (claims) {
      parts.push(section("Claims", claimsHtml(claims)));
      for (const name of ["claims-methods", "claims-claim1", "claims-surrogates"]) parts.push(figSection(name));
    }
    const vf = fig("verify-frontier"),
      frontier = results.verify ?? verifyFrontier(results);
    // how many real fine-tunes to buy: the frontier, and the default shortlist paired with the similarity ones
    if (vf && frontier)
      parts.push(
        section(
          vf[1],
          figureHtml(vf[2]) + linesHtml(formatVerifyFrontier(frontier).filter((l) => l.startsWith("paired at"))),
        ),
      );
    parts.push(diagnosticsPart());
    parts.push(section("Selected-mixture test accuracy (%)", tableHtml(selectionRows(results), SELECTION_DISPLAY)));
    parts.push(
      section(
        "Correlation with the mixture fine-tuned validation accuracy",
        tableHtml(correlationRows(results), CORRELATION_DISPLAY),
      ),
    );
    parts.push(
      section(
        "Correlation with the mixture fine-tuned validation loss",
        tableHtml(correlationRows(results, { truth: "val_loss" }), CORRELATION_DISPLAY),
      ),
    );
    parts.push(
      section("Cost: Merge to Mix vs exhaustive mixture fine-tuning", tableHtml(costRows(results), COST_DISPLAY)),
    );
    for (const [name] of figures) if (name.startsWith("fig")) parts.push(figSection(name));
    parts.push(section("Mixture explorer", mixtureExplorer(results)));
    parts.push(section("Correlation explorer", correlationExplorer(results)));
  } else {
    // No ground truth: merged-model scores only — no oracle, regret, rank, correlation or exhaustive cost.
    parts.push(
      `<p>This run has no ground truth (no mixture was fine-tuned): every score below is the <em>merged</em> model's on the target's validation split, not a fine-tuned truth.</p>`,
    );
    parts.push(
      section(
        "Recommended mixture per target (merged-model scores)",
        tableHtml(recommendationRows(recs), RECOMMENDATION_DISPLAY),
      ),
    );
    for (const rec of recs) {
      const [, title, f] = fig(topMixturesName(results, rec))!;
      parts.push(section(title, tableHtml(topMixtureRows(rec), TOP_MIXTURE_DISPLAY) + figureHtml(f)));
    }
    const m2m = COST_COLUMNS.filter((c) => !c.startsWith("exhaustive") && c !== "speedup");
    parts.push(section("Cost of Merge to Mix", tableHtml(costRows(results), { ...COST_DISPLAY, columns: m2m })));
    parts.push(diagnosticsPart());
  }
  const weighted = weightedHtml(results);
  if (weighted || grid) {
    const body = [weighted, figSection("weighted-vs-binary")];
    if (grid instanceof Error) body.push(`<p>${escapeHtml(grid.message)}.</p>`);
    else if (grid) {
      body.push(
        linesHtml([gridSummary(grid)]),
        figSection("weighted-simplex"),
        section("Weighted-mix explorer", weightedMixExplorer(grid)),
      );
    }
    parts.push(section("Weighted mixtures", body.join("\n")));
  }
  const html = path.join(outDir, "index.html");
  writeFileAtomic(html, htmlPage(parts.join("\n"), { title: `merge-to-mix report: ${results.suite}` }));

  const pngs: string[] = [];
  if (options.png !== false) {
    const progress = options.progress ?? silentProgress;
    const renderer = await openFigureRenderer();
    try {
      progress.start("render figures", figures.length);
      for (const [name, , f] of figures) {
        const file = path.join(outDir, `${name}.png`);
        writeFileAtomic(file, await renderer.render(f));
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
