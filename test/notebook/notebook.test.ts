import { after, test } from "node:test";
import * as assert from "node:assert/strict";
import * as aq from "arquero";
import {
  initPlotly,
  notebookProgress,
  NotInNotebookError,
  setDisplaySink,
  showFigure,
  showHtml,
  showLines,
  showTable,
} from "../../src/notebook";
import { PERCENT, selectionTable } from "../../src/report/tables";
import { tinyResults } from "../fixtures/results";

const out: string[] = [];
const live: { id: number; html: string }[] = [];
let displays = 0;
setDisplaySink({
  display: () => ({
    html: (s: string) => {
      out.push(s);
    },
  }),
  newDisplay: () => {
    const id = displays++;
    return {
      html: (s: string) => {
        live.push({ id, html: s });
      },
    };
  },
});
after(() => setDisplaySink(undefined));

test("outside a tslab kernel the helpers fail with a clear error", () => {
  setDisplaySink(undefined);
  try {
    assert.throws(
      () => showHtml("<b>x</b>"),
      (e: unknown) => e instanceof NotInNotebookError && /tslab/.test((e as Error).message),
    );
  } finally {
    setDisplaySink({
      display: () => ({
        html: (s: string) => {
          out.push(s);
        },
      }),
      newDisplay: () => {
        const id = displays++;
        return {
          html: (s: string) => {
            live.push({ id, html: s });
          },
        };
      },
    });
  }
});

test("initPlotly embeds the library once per call; showFigure emits a div + script", () => {
  out.length = 0;
  initPlotly();
  assert.equal(out.length, 1);
  assert.ok(out[0].length > 1e6 && out[0].includes("window.define=undefined"));
  showFigure({ data: [{ x: [1, 2], y: [3, 4], type: "scatter" }], layout: {} }, { height: 222 });
  assert.match(out[1], /^<div id="m2m-fig-[^"]+" class="m2m-figure" style="width:100%;max-width:100%;height:222px/);
  assert.ok(!out[1].includes('"width":'), "inline figures have no fixed width: they fill the column");
  assert.throws(() => showFigure({} as never));
});

test("showTable accepts a danfo DataFrame, an arquero table and rows, and escapes cells", () => {
  out.length = 0;
  // a report table is recognised by its columns: labels and formats as in the report (percent, like the terminal)
  showTable(selectionTable(tinyResults()));
  assert.ok(
    out[0].includes("<th>Merge to Mix</th>") &&
      out[0].includes(">75.0<") &&
      out[0].includes("<th>M2M regret (points)</th>"),
    out[0].slice(0, 2000),
  );
  assert.ok(out[0].includes(">2.5<"), "the mean rank (2.5) with one decimal");
  assert.ok(out[0].startsWith("<style>") && out[0].includes("m2m-scroll"), "carries its CSS and a scroll box");
  showTable(aq.from([{ name: "<script>", v: 1.5 }]));
  assert.ok(out[1].includes("&lt;script&gt;") && out[1].includes(">1.500<"));
  showTable([{ a: 1 }], { labels: { a: "A" } });
  assert.ok(out[2].includes("<th>A</th>"));
  showTable([{ model: "x", val_acc: 0.5473 }], { formats: { val_acc: PERCENT } });
  assert.ok(out[3].includes(">54.7<"));
  assert.throws(() => showTable(42 as never));
});

test("notebookProgress redraws one display in place with counts, detail, logs and done", () => {
  live.length = 0;
  const p = notebookProgress({ minIntervalMs: 0 });
  p.start("fine-tune <pool>", 4);
  p.tick(1, "mnist");
  p.tick(2, "fashion");
  p.log("phase 1 took 3 s");
  p.tick(1, "kmnist");
  p.done();
  assert.ok(live.length >= 5);
  assert.equal(new Set(live.map((l) => l.id)).size, 1, "always the same display");
  assert.ok(live[0].html.includes("fine-tune &lt;pool&gt;") && live[0].html.includes("0/4 (0%)"));
  assert.ok(live[2].html.includes("3/4 (75%)") && live[2].html.includes("fashion"));
  const last = live[live.length - 1].html;
  assert.ok(last.includes("4/4 (100%)") && last.includes("done") && last.includes("phase 1 took 3 s"));
  const throttled = notebookProgress({ minIntervalMs: 60_000 });
  const before = live.length;
  throttled.start("x", 1000);
  for (let i = 0; i < 100; i++) throttled.tick();
  throttled.log("a phase ended");
  throttled.done();
  throttled.start("y", 3);
  assert.equal(live.length - before, 1, "nothing within the interval redraws, not even start, log or done");
});

test("notebookProgress draws the latest state once the interval ends (no burst of redraws, nothing lost)", async () => {
  live.length = 0;
  const p = notebookProgress({ minIntervalMs: 40 });
  for (let phase = 0; phase < 20; phase++) {
    p.start(`phase ${phase}`, 2);
    p.tick(2);
    p.done();
  }
  assert.equal(live.length, 1, "twenty phases within the interval: one draw");
  await new Promise((r) => setTimeout(r, 80));
  assert.equal(live.length, 2, "then one trailing draw");
  assert.ok(live[1].html.includes("phase 19") && live[1].html.includes("done"), live[1].html);
});

test("showLines shows text lines verbatim (escaped) in one wrapping block", () => {
  out.length = 0;
  showLines(["claim 1 (merged tracks mixture, val loss r without singletons): 0.81 [0.74, 0.87]", "<b>x</b>"]);
  assert.equal(out.length, 1);
  assert.ok(out[0].includes("white-space:pre-wrap"));
  assert.ok(
    out[0].includes(
      "claim 1 (merged tracks mixture, val loss r without singletons): 0.81 [0.74, 0.87]\n&lt;b&gt;x&lt;/b&gt;",
    ),
  );
  showLines("a\nb");
  assert.ok(out[1].includes(">a\nb</pre>"));
  assert.throws(() => showLines(42 as never), /lines/);
});
