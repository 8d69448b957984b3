import { test } from "node:test";
import * as assert from "node:assert/strict";
import {
  correlationRows,
  correlationTable,
  costRows,
  costTable,
  selectionRows,
  selectionTable,
  tableHtml,
  SELECTION_COLUMNS,
} from "../../src/report/tables";
import { tinyResults } from "../fixtures/results";

const close = (a: unknown, b: number, msg?: string) =>
  assert.ok(typeof a === "number" && Math.abs(a - b) < 1e-12, `${msg ?? ""}: ${a} ≠ ${b}`);

test("selection table: per-target means over seeds, NaN for missing methods, and a mean row", () => {
  const rows = selectionRows(tinyResults());
  assert.deepEqual(
    rows.map((r) => r.target),
    ["a", "b", "mean"],
  );
  const [a, b, m] = rows;
  close(a.theta0, (0.52 + 0.56) / 2, "θ0 a");
  close(b.theta0, 0.3, "θ0 b");
  close(a.merge_to_mix, (0.8 + 0.7) / 2, "m2m a");
  close(a.oracle, (0.82 + 0.8) / 2);
  close(a.cosine, (0.6 + 0.64) / 2);
  assert.ok(Number.isNaN(a.random as number), "a has no random selection");
  close(b.random, (0.3 + 0.36) / 2);
  close(a.m2m_regret, (0.02 + 0.1) / 2);
  close(a.m2m_rank, 2.5);
  close(b.m2m_rank, 1.5);
  assert.equal(a.n_mixtures, 3);
  // mean row: mean over targets of the per-target values; NaN cells skipped
  close(m.merge_to_mix, ((0.8 + 0.7) / 2 + (0.5 + 0.4) / 2) / 2, "mean m2m");
  close(m.random, 0.33, "mean random (only b)");
  close(m.theta0, (0.54 + 0.3) / 2);
  assert.ok(Number.isNaN(m.l2 as number));
});

test("selection table as a danfo DataFrame keeps the columns and values", () => {
  const df = selectionTable(tinyResults());
  assert.deepEqual(df.columns, [...SELECTION_COLUMNS]);
  assert.deepEqual(df.shape, [3, SELECTION_COLUMNS.length]);
  close((df.values as unknown[][])[0][2], 0.75);
});

test("correlation table: seed means per target, mean row recomputed (stored 'mean' rows ignored), truth filter", () => {
  const rows = correlationRows(tinyResults());
  assert.deepEqual(
    rows.map((r) => `${r.scorer}/${r.target}`),
    ["merged/a", "merged/b", "merged/mean"],
  );
  close(rows[0].pearson, 0.8);
  close(rows[0].spearman, 0.75);
  close(rows[0].kendall, (1 + 1 / 3) / 2);
  assert.ok(Number.isNaN(rows[0].pearson_no_singletons as number));
  close(rows[1].pearson, 0.2);
  close(rows[2].pearson, 0.5, "mean of 0.8 and 0.2, not the stored 123");
  const loss = correlationRows(tinyResults(), { truth: "val_loss" });
  assert.deepEqual(
    loss.map((r) => `${r.scorer}/${r.target}`),
    ["cosine/a", "cosine/b", "cosine/mean"],
  );
  close(loss[2].kendall, -1 / 3);
  assert.equal(correlationTable(tinyResults()).shape[0], 3);
});

test("cost table: seed means, speed-up recomputed from mean seconds, 'all' last", () => {
  const rows = costRows(tinyResults());
  assert.deepEqual(
    rows.map((r) => r.target),
    ["a", "all"],
  );
  close(rows[0].m2m_seconds, 15);
  close(rows[0].exhaustive_seconds, 40);
  close(rows[0].speedup, 40 / 15);
  close(rows[1].speedup, 4);
  assert.deepEqual(costTable(tinyResults()).shape, [2, 9]);
});

test("table HTML escapes names and formats numbers", () => {
  const html = tableHtml([{ target: "<script>alert(1)</script>", acc: 0.12345, n: 1200, bad: NaN }], {
    labels: { acc: "a<b" },
  });
  assert.ok(!html.includes("<script>"));
  assert.ok(html.includes("&lt;script&gt;alert(1)&lt;/script&gt;"));
  assert.ok(html.includes("<th>a&lt;b</th>"));
  assert.ok(html.includes(">0.123<") && html.includes(">1,200<") && html.includes(">–<"));
});
