import { test } from "node:test";
import * as assert from "node:assert/strict";
import {
  CORRELATION,
  COUNT,
  CORRELATION_DISPLAY,
  KNOWN_DISPLAYS,
  LOSS,
  METHOD_POWER_DISPLAY,
  PERCENT,
  POINTS,
  RANK,
  SELECTION_DISPLAY,
  SPEEDUP,
  correlationTable,
  displayFor,
  formatCell,
  selectionRows,
  selectionTable,
  tableHtml,
  withInterval,
} from "../../src/report/tables";
import { tinyResults } from "../fixtures/results";

test("formats scale and round at display, as the terminal prints", () => {
  assert.equal(formatCell(0.5473, PERCENT), "54.7");
  assert.equal(formatCell(0.0249, POINTS), "2.5");
  assert.equal(formatCell(0.012, { ...POINTS, sign: true }), "+1.2");
  assert.equal(formatCell(-0.012, { ...POINTS, sign: true }), "-1.2");
  assert.equal(formatCell(63.5, RANK), "63.5");
  assert.equal(formatCell(2, RANK), "2.0", "a rank format rounds integers too");
  assert.equal(formatCell(0.8123, CORRELATION), "0.81");
  assert.equal(formatCell(1.17777, LOSS), "1.178");
  assert.equal(formatCell(448000, COUNT), "448,000");
  assert.equal(formatCell(7.12, SPEEDUP), "7.1x");
  assert.equal(formatCell(NaN, PERCENT), "–");
  assert.equal(formatCell(undefined, PERCENT), "–");
  assert.equal(formatCell("mnist", PERCENT), "mnist");
  // the older digits form is unchanged
  assert.equal(formatCell(0.12345), "0.123");
  assert.equal(formatCell(1200, 1), "1,200");
});

test("interval formats read COLUMN_lo / COLUMN_hi from the row, in the terminal's wording", () => {
  const row = { acc: 0.484, acc_lo: 0.414, acc_hi: 0.553, r: 0.66, r_lo: NaN, r_hi: NaN };
  assert.equal(formatCell(row.acc, withInterval(PERCENT), row, "acc"), "48.4 [41.4, 55.3]");
  assert.equal(
    formatCell(row.r, withInterval(CORRELATION), row, "r"),
    "0.66 [–]",
    "no zero-width interval when nothing could be resampled",
  );
  assert.equal(formatCell(NaN, withInterval(CORRELATION), row, "r"), "–");
  assert.throws(() => formatCell(0.5, withInterval(PERCENT)), /row/);
});

test("a report table is recognised by its whole column set, never by one column name", () => {
  assert.equal(displayFor(selectionTable(tinyResults()).columns), SELECTION_DISPLAY);
  assert.equal(displayFor(Object.keys(selectionRows(tinyResults())[0])), SELECTION_DISPLAY, "rows in any key order");
  assert.equal(displayFor(correlationTable(tinyResults()).columns), CORRELATION_DISPLAY);
  assert.equal(
    displayFor([
      "method",
      "test_acc",
      "test_acc_lo",
      "test_acc_hi",
      "regret",
      "regret_lo",
      "regret_hi",
      "normalised_regret",
      "normalised_regret_lo",
      "normalised_regret_hi",
      "percentile",
      "percentile_lo",
      "percentile_hi",
    ]),
    METHOD_POWER_DISPLAY,
  );
  assert.equal(
    displayFor(["target", "cosine", "l2"]),
    undefined,
    "your own rows with a cosine column are not accuracies",
  );
  assert.equal(displayFor([...SELECTION_DISPLAY.columns, "extra"]), undefined);
  // no two report tables share a column set (so the match is never ambiguous)
  const sets = KNOWN_DISPLAYS.map((d) => [...d.columns].sort().join(","));
  assert.equal(new Set(sets).size, sets.length);
  for (const d of KNOWN_DISPLAYS)
    for (const c of Object.keys(d.formats)) assert.ok(d.columns.includes(c), `${c} is formatted but not a column`);
});

test("tableHtml shows a report table in percent without being told; explicit options win", () => {
  const rows = selectionRows(tinyResults());
  const html = tableHtml(rows);
  assert.ok(
    html.includes("<th>Merge to Mix</th>") && html.includes(">75.0<") && html.includes(">6.0<"),
    "m2m 0.75 → 75.0, regret 0.06 → 6.0 points",
  );
  assert.ok(!html.includes(">0.750<"));
  const raw = tableHtml(rows, { formats: {}, labels: {} });
  assert.ok(raw.includes(">0.750<") && raw.includes("<th>merge_to_mix</th>"));
  assert.ok(html.startsWith('<div class="m2m-scroll">'), "a scroll box that never gets wider than its column");
});

test("text wraps at spaces only: hyphenated names stay whole, and stay escaped", () => {
  const html = tableHtml([{ target: "x", weights: "mnist=0.65 hershey-digits=0.35", evil: "<b>a-b</b> c" }]);
  assert.ok(html.includes('mnist=0.65 <span class="m2m-nw">hershey-digits=0.35</span>'));
  assert.ok(html.includes('<span class="m2m-nw">&lt;b&gt;a-b&lt;/b&gt;</span> c') && !html.includes("<b>"));
  assert.ok(html.includes(">x<"), "no spans where nothing would break");
});
