// runExperiment without a ground truth, and with a search: nothing truth-derived appears, in the results,
// the terminal summary or the report.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { initBackend } from "../../src/model/backend";
import { runExperiment } from "../../src/experiment/run";
import { formatSummary } from "../../src/results/text/summary";
import { recommendationsOf } from "../../src/results/recommendation";
import type { RunResults } from "../../src/results/results";
import { readRunResults } from "../../src/results/read-results";
import { writeReport } from "../../src/publish/write-report";
import { SYNTHETIC_RUN } from "../fixtures/synthetic-run";

const TRUTH_WORDS =
  /oracle|regret|rank|correlat|pearson|spearman|kendall|incomplete|exhaustive [0-9]+ mixture fine-tunes/i;

describe("runExperiment({ groundTruth: false })", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "m2m-nogt-"));
  const dir = path.join(root, "run");
  let r: RunResults;
  before(async () => {
    await initBackend("cpu");
    r = await runExperiment({ ...SYNTHETIC_RUN, groundTruth: false, workers: 1, out: dir });
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it("is complete, with merged scores for every mixture and no truth anywhere", () => {
    assert.equal(r.complete, true);
    assert.equal(r.groundTruth, false);
    assert.equal(r.mixtures.length, 15);
    for (const m of r.mixtures) {
      assert.ok(Number.isFinite(m.merged_val_loss) && Number.isFinite(m.merged_val_acc));
      assert.deepEqual([m.true_val_acc, m.true_val_loss, m.true_test_acc, m.true_test_loss], [null, null, null, null]);
    }
    assert.deepEqual(r.selections.map((s) => s.method).sort(), ["all", "best-single", "cosine", "l2", "merge-to-mix"]);
    assert.deepEqual(r.correlations, []);
    for (const c of r.cost) assert.ok(Number.isNaN(c.exhaustive_seconds) && Number.isNaN(c.speedup));
  });

  it("recommends the best merged mixture, the same one the merge-to-mix selection row holds", () => {
    const [rec] = recommendationsOf(r);
    const m2m = r.selections.find((s) => s.method === "merge-to-mix")!;
    assert.equal(rec.recommended.mask, m2m.mask);
    const best = Math.min(...r.mixtures.map((m) => m.merged_val_loss));
    assert.equal(rec.recommended.merged_val_loss, best);
    assert.equal(rec.top.length, 10);
    assert.equal(rec.cost.merge_evals, 15);
  });

  it("the summary prints the recommendation and nothing derived from a truth", () => {
    const text = formatSummary(r);
    assert.match(text, /^recommended mixture: [a-z0-9+-]+ \(merged val loss \d+\.\d{3}, accuracy \d+\.\d%\)$/m);
    assert.match(text, /merged-model scores only/);
    assert.doesNotMatch(text, TRUTH_WORDS);
    assert.doesNotMatch(text, /M2M\s+cos/, "not the ground-truth table");
  });

  it("the report loads it as finished and shows recommendations, no truth-derived sections", async () => {
    assert.doesNotThrow(() => readRunResults(dir));
    const { html, pngs } = await writeReport(dir, { png: false });
    assert.deepEqual(pngs, []);
    const page = fs.readFileSync(html, "utf8");
    const sections = [...page.matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => m[1]);
    assert.ok(sections.includes("Recommended mixture per target (merged-model scores)"), sections.join(" | "));
    assert.ok(sections.some((s) => s.startsWith("Top mixtures for target")));
    for (const s of sections) assert.doesNotMatch(s, /oracle|correlation|exhaustive|test accuracy/i);
    const body = page.replace(/<script[\s\S]*?<\/script>/g, "");
    assert.doesNotMatch(body, /oracle|regret|correlation/i);
  });
});

describe("runExperiment with a search and a ground truth", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "m2m-search-"));
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it("Merge to Mix picks among the scored mixtures; correlations use only them; the truth covers every mixture", async () => {
    const r = await runExperiment({
      ...SYNTHETIC_RUN,
      workers: 1,
      out: path.join(root, "run"),
      search: "greedy",
      budget: 6,
    });
    assert.equal(r.complete, true);
    assert.deepEqual(r.search, { strategy: "greedy", budget: 6 });
    const cost = r.cost.find((c) => c.target === "target")!;
    assert.ok(cost.m2m_search_evals! <= 6);
    assert.equal(cost.m2m_merge_evals, r.mixtures.length);
    assert.ok(r.mixtures.length < 15);
    const m2m = r.selections.find((s) => s.method === "merge-to-mix")!;
    const best = r.mixtures.reduce((a, b) =>
      b.merged_val_loss < a.merged_val_loss || (b.merged_val_loss === a.merged_val_loss && b.mask < a.mask) ? b : a,
    );
    assert.equal(m2m.mask, best.mask);
    assert.ok(Number.isFinite(m2m.test_acc) && m2m.rank >= 1 && m2m.rank <= 15, "ranked against all 15 true mixtures");
    const corr = r.correlations.find(
      (c) => c.target === "target" && c.scorer === "merged" && c.truth === "val_acc" && c.subset === "all",
    )!;
    assert.equal(corr.n, r.mixtures.length);
    assert.ok(Number.isFinite(r.selections.find((s) => s.method === "random")!.test_acc));
  });

  it("refuses a run over more than 24 candidates, pointing to select", async () => {
    const { registerSyntheticSuite } = await import("../../src/data/synthetic");
    const name = registerSyntheticSuite({ name: "synthetic-27", unrelated: 24 });
    await assert.rejects(
      runExperiment({
        ...SYNTHETIC_RUN,
        suite: name,
        groundTruth: false,
        workers: 1,
        out: path.join(root, "big"),
        search: "greedy",
      }),
      /26 candidates.*select/s,
    );
    assert.ok(!fs.existsSync(path.join(root, "big")));
  });
});
