import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { writeReport } from "../../src/publish";
import { IncompleteRunError, readRunResults } from "../../src/results/read-results";
import { CorruptFileError } from "../../src/util/errors";
import { syntheticResults, syntheticWeighted } from "../fixtures/results";
import { claimsOf } from "../../src/results/claims";
import { formatClaims } from "../../src/results/text/claims-text";
import { formatWeighted } from "../../src/results/text/weighted-text";
import { escapeHtml } from "../../src/report/html";

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "m2m-report-"));

test("a missing run, a missing results.json and an unfinished run say what is missing and how to resume", async () => {
  const dir = tmp();
  await assert.rejects(
    writeReport(path.join(dir, "nope"), { png: false }),
    (e: unknown) =>
      e instanceof IncompleteRunError &&
      /does not exist/.test(e.message) &&
      /merge-to-mix run .*--out .*nope/.test(e.message),
  );
  await assert.rejects(
    writeReport(dir, { png: false }),
    (e: unknown) => e instanceof IncompleteRunError && /results\.json is missing/.test(e.message),
  );
  const partial = syntheticResults({ complete: false });
  partial.mixtures[0].true_val_acc = null;
  partial.spec = { preset: "quick" };
  fs.writeFileSync(path.join(dir, "results.json"), JSON.stringify(partial));
  await assert.rejects(
    writeReport(dir, { png: false }),
    (e: unknown) =>
      e instanceof IncompleteRunError &&
      /not complete/.test(e.message) &&
      /1 of 56 mixture rows/.test(e.message) &&
      e.message.includes(`merge-to-mix run --suite synthetic --preset quick --out ${dir}`),
  );
  assert.ok(!fs.existsSync(path.join(dir, "report")), "nothing written for an unfinished run");
  fs.writeFileSync(path.join(dir, "results.json"), "{ truncated");
  assert.throws(() => readRunResults(dir), CorruptFileError);
});

test("writeReport writes one offline HTML page with tables, figures and widgets, names escaped", async () => {
  const dir = tmp();
  const r = syntheticResults({ tasks: ["alpha", "beta", "gamma"] });
  r.tasks.alpha.title = "<script>alert(1)</script>";
  fs.writeFileSync(path.join(dir, "results.json"), JSON.stringify(r));
  fs.writeFileSync(
    path.join(dir, "weighted-grid.json"),
    JSON.stringify({
      target: "alpha",
      candidates: ["beta", "gamma"],
      points: [
        [1, 0],
        [0.5, 0.5],
        [0, 1],
      ],
      merged: [0.6, 0.7, 0.65],
    }),
  );
  const out = await writeReport(dir, { png: false });
  assert.equal(out.html, path.join(dir, "report", "index.html"));
  assert.deepEqual(out.pngs, []);
  const html = fs.readFileSync(out.html, "utf8");
  assert.ok(!html.includes("<script>alert(1)"), "task title is escaped");
  assert.ok(!/src="https?:/.test(html), "no remote scripts: works offline");
  for (const s of [
    "Selected-mixture test accuracy",
    "Merge to Mix",
    "Kendall",
    "speed-up",
    "m2m-mixture-explorer",
    "m2m-correlation-explorer",
    "m2m-weighted-mix-explorer",
    "Figure 1 analogue",
  ]) {
    assert.ok(html.includes(s), `report has ${s}`);
  }
  assert.equal(fs.readdirSync(path.join(dir, "report")).filter((f) => f.endsWith(".tmp")).length, 0);
});

test("the report leads with the claims: the terminal's lines, tables with intervals, error-bar figures", async () => {
  const dir = tmp();
  const r = syntheticResults({ seed: 8, seeds: [0, 1, 2] });
  fs.writeFileSync(path.join(dir, "results.json"), JSON.stringify(r));
  const html = fs.readFileSync((await writeReport(dir, { png: false })).html, "utf8");
  const claims = claimsOf(r)!;
  for (const line of formatClaims(claims))
    assert.ok(html.includes(escapeHtml(line)), `the report has the line ${line}`);
  assert.ok(
    html.indexOf("<h2>Claims</h2>") < html.indexOf("<h2>Selected-mixture test accuracy (%)</h2>"),
    "claims first",
  );
  for (const s of [
    "percentile rank (100 = best)",
    "test accuracy difference (points)",
    "merged model r",
    "This run compared no other surrogates",
    "Claim 1: does the merged model",
  ]) {
    assert.ok(html.includes(s), `report has ${s}`);
  }
  assert.ok(html.includes('"error_y"'), "figures with error bars");
  assert.ok(!html.includes("Weighted mixtures"), "no weighted section without weighted rows or grid");
});

test("weighted rows and a grid with the search's optimum and path: table, lines, figures and the explorer", async () => {
  const dir = tmp();
  const r = syntheticResults({ seed: 9, tasks: ["alpha", "beta", "gamma"] });
  r.weighted = syntheticWeighted(r);
  fs.writeFileSync(path.join(dir, "results.json"), JSON.stringify(r));
  const grid = {
    target: "alpha",
    candidates: ["beta", "gamma"],
    points: [
      [1, 0],
      [0.5, 0.5],
      [0, 1],
    ],
    merged: [0.6, 0.7, 0.65],
    metric: "merged validation accuracy",
    optimum: { weights: [0.4, 0.6], score: 0.71 },
    path: [
      { weights: [0.5, 0.5], score: 0.7 },
      { weights: [0.4, 0.6], score: 0.71 },
    ],
  };
  fs.writeFileSync(path.join(dir, "weighted-grid.json"), JSON.stringify(grid));
  const html = fs.readFileSync((await writeReport(dir, { png: false })).html, "utf8");
  for (const line of formatWeighted(r.weighted, r.seeds.length)) assert.ok(html.includes(escapeHtml(line)), line);
  for (const s of [
    "optimised proportions",
    "test % binary pick",
    "Weighted vs binary mixtures, fine-tuned",
    "weighted optimum",
    "search path",
    "m2m-weighted-mix-explorer",
    "alpha: weighted search over beta, gamma: optimum beta=0.40 gamma=0.60 (merged validation accuracy 0.7100, 1 accepted steps from the binary pick)",
  ]) {
    assert.ok(html.includes(s), `report has ${s}`);
  }
  // an older grid file (no optimum, no path) still reports, saying so
  const { optimum: _o, path: _p, ...old } = grid;
  fs.writeFileSync(path.join(dir, "weighted-grid.json"), JSON.stringify(old));
  const html2 = fs.readFileSync((await writeReport(dir, { png: false })).html, "utf8");
  assert.ok(
    html2.includes("this grid has no weighted search (an older file)") && html2.includes("m2m-weighted-mix-explorer"),
  );
  assert.ok(!html2.includes('"name":"weighted optimum"'), "no optimum to show");
});
