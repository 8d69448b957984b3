import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { IncompleteRunError, readRunResults, writeReport } from "../../src/report";
import { CorruptFileError } from "../../src/util/errors";
import { syntheticResults } from "./fixture";

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "m2m-report-"));

test("a missing run, a missing results.json and an unfinished run say what is missing and how to resume", async () => {
  const dir = tmp();
  await assert.rejects(writeReport(path.join(dir, "nope"), { png: false }), (e: unknown) =>
    e instanceof IncompleteRunError && /does not exist/.test(e.message) && /merge-to-mix run .*--out .*nope/.test(e.message));
  await assert.rejects(writeReport(dir, { png: false }), (e: unknown) => e instanceof IncompleteRunError && /results\.json is missing/.test(e.message));
  const partial = syntheticResults({ complete: false });
  partial.mixtures[0].true_val_acc = null;
  partial.spec = { preset: "quick" };
  fs.writeFileSync(path.join(dir, "results.json"), JSON.stringify(partial));
  await assert.rejects(writeReport(dir, { png: false }), (e: unknown) =>
    e instanceof IncompleteRunError && /not complete/.test(e.message) && /1 of 56 mixture rows/.test(e.message) &&
    e.message.includes(`merge-to-mix run --suite synthetic --preset quick --out ${dir}`));
  assert.ok(!fs.existsSync(path.join(dir, "report")), "nothing written for an unfinished run");
  fs.writeFileSync(path.join(dir, "results.json"), "{ truncated");
  assert.throws(() => readRunResults(dir), CorruptFileError);
});

test("writeReport writes one offline HTML page with tables, figures and widgets, names escaped", async () => {
  const dir = tmp();
  const r = syntheticResults({ tasks: ["alpha", "beta", "gamma"] });
  r.tasks.alpha.title = "<script>alert(1)</script>";
  fs.writeFileSync(path.join(dir, "results.json"), JSON.stringify(r));
  fs.writeFileSync(path.join(dir, "weighted-grid.json"), JSON.stringify({ target: "alpha", candidates: ["beta", "gamma"], points: [[1, 0], [0.5, 0.5], [0, 1]], merged: [0.6, 0.7, 0.65] }));
  const out = await writeReport(dir, { png: false });
  assert.equal(out.html, path.join(dir, "report", "index.html"));
  assert.deepEqual(out.pngs, []);
  const html = fs.readFileSync(out.html, "utf8");
  assert.ok(!html.includes("<script>alert(1)"), "task title is escaped");
  assert.ok(!/src="https?:/.test(html), "no remote scripts: works offline");
  for (const s of ["Selected-mixture test accuracy", "Merge to Mix", "Kendall", "speed-up", "m2m-mixture-explorer", "m2m-correlation-explorer", "m2m-weighted-mix-explorer", "Figure 1 analogue"]) {
    assert.ok(html.includes(s), `report has ${s}`);
  }
  assert.equal(fs.readdirSync(path.join(dir, "report")).filter((f) => f.endsWith(".tmp")).length, 0);
});
