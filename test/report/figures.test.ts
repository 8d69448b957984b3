import { test } from "node:test";
import * as assert from "node:assert/strict";
import { correlationOverview, perTargetPanels, similarityPanels } from "../../src/report/figures";
import { mixturePoints } from "../../src/report/points";
import { mean } from "../../src/select/metrics/finite-stats";
import { pearson } from "../../src/select/metrics/pearson";
import { syntheticResults } from "../fixtures/results";
import { matchSnapshot } from "../fixtures/snapshot";

const results = syntheticResults({ seed: 11 });

test("Figure 1 analogue: snapshot, one trace per target per panel, mean per-target r in the panel titles", () => {
  const fig = correlationOverview(results);
  matchSnapshot("correlation-overview", fig);
  assert.equal(fig.data.length, 3 * results.targets.length);
  const pts = mixturePoints(results);
  const r = mean(
    results.targets.map((t) => {
      const p = pts.filter((q) => q.target === t);
      return pearson(
        p.map((q) => q.merged_val_acc),
        p.map((q) => q.true_val_acc as number),
      );
    }),
  );
  const ann = (fig.layout.annotations as { text: string }[])[0].text;
  assert.ok(ann.includes(`r = ${r.toFixed(2)}`), `${ann} should carry r = ${r.toFixed(2)}`);
  // every mixture of every target is plotted once in the merged panel (seed means)
  const n = fig.data.slice(0, results.targets.length).reduce((s, t) => s + (t.x as number[]).length, 0);
  assert.equal(n, results.targets.length * 7);
});

test("Figure 1 analogue without singletons drops size-1 mixtures and plots losses", () => {
  const fig = correlationOverview(results, { truth: "val_loss", subset: "no-singletons" });
  matchSnapshot("correlation-overview-loss-no-singletons", fig);
  assert.equal((fig.data[0].x as number[]).length, 4);
  assert.ok(String((fig.layout.yaxis as { title: { text: string } }).title.text).includes("loss"));
});

test("per-target and similarity panels: snapshot, one panel per target titled with its own r", () => {
  const fig = perTargetPanels(results, "merged", { columns: 2 });
  matchSnapshot("per-target-merged", fig);
  assert.equal(fig.data.length, results.targets.length);
  assert.equal((fig.layout.annotations as unknown[]).length, results.targets.length);
  assert.ok(fig.layout.xaxis4 && !fig.layout.xaxis5);
  const [cos, l2] = similarityPanels(results);
  matchSnapshot("per-target-cosine", cos);
  matchSnapshot("per-target-l2", l2);
  assert.notDeepEqual(cos.data[0].x, l2.data[0].x);
});

test("figure text from data is escaped for Plotly", () => {
  const r = syntheticResults({ tasks: ["<script>x</script>", "b", "c"] });
  r.tasks["<script>x</script>"].title = "<script>x</script>";
  const json = JSON.stringify([correlationOverview(r), perTargetPanels(r)]);
  assert.ok(!json.includes("<script>"));
  assert.ok(json.includes("&lt;script&gt;"));
});
