import { test } from "node:test";
import * as assert from "node:assert/strict";
import { figureHtml, inlineFigure } from "../../src/report/figure-html";
import { correlationOverview, methodPowerChart, perTargetPanels } from "../../src/report/figures";
import { PANEL_GRID_JS, applyPanelGrid, panelColumns } from "../../src/report/figures/panel-grid";
import { claimsOf } from "../../src/results/claims";
import { syntheticResults } from "../fixtures/results";

const results = syntheticResults({ tasks: ["a", "b", "c", "d", "e", "f"], seed: 3 });
const grid = (fig: { layout: Record<string, unknown> }) =>
  (fig.layout.meta as { m2mGrid: { columns: number } }).m2mGrid;
const domain = (l: Record<string, unknown>, axis: string) => (l[axis] as { domain: number[] }).domain;

test("panel grids wrap to fewer columns in a narrow column, keeping panels apart and titled above each panel", () => {
  const fig = perTargetPanels(results, "merged");
  const g = (fig.layout.meta as { m2mGrid: Parameters<typeof panelColumns>[0] }).m2mGrid;
  assert.equal(panelColumns(g, 1280, { l: 60, r: 20 }), 4);
  assert.equal(panelColumns(g, 606, { l: 60, r: 20 }), 2);
  assert.equal(panelColumns(g, 300, { l: 60, r: 20 }), 1);
  const narrow = applyPanelGrid(fig.layout, 606);
  // 6 panels in 2 columns: 3 rows, panel 2 starts the second row at the left
  assert.deepEqual(domain(narrow, "xaxis3")[0], 0);
  assert.ok(domain(narrow, "yaxis3")[1] < domain(narrow, "yaxis")[0], "row 2 is below row 1");
  assert.ok((narrow.height as number) > (fig.layout.height as number), "more rows, taller figure");
  const notes = narrow.annotations as { x: number; y: number }[];
  assert.ok(Math.abs(notes[2].x - (domain(narrow, "xaxis3")[0] + domain(narrow, "xaxis3")[1]) / 2) < 1e-12);
  assert.equal(notes[2].y, domain(narrow, "yaxis3")[1]);
  for (let k = 1; k < 6; k++) {
    const a = domain(narrow, k === 1 ? "xaxis" : `xaxis${k}`),
      b = domain(narrow, `xaxis${k + 1}`);
    if (b[0] > a[0]) assert.ok(b[0] - a[1] > 0.1, "a gap for the y-axis title between columns");
  }
  assert.deepEqual(applyPanelGrid({ title: "x" }, 500), { title: "x" }, "a layout without a grid is left alone");
});

test("the page's JavaScript grid layout equals applyPanelGrid at every width", () => {
  const js = new Function(`${PANEL_GRID_JS}; return m2mPanelGrid;`)() as (l: unknown, w: number) => unknown;
  const claims = claimsOf(syntheticResults({ seed: 4 }))!;
  for (const fig of [
    perTargetPanels(results, "merged"),
    perTargetPanels(results, "cosine", { columns: 2 }),
    correlationOverview(results),
    methodPowerChart(claims),
  ]) {
    for (const w of [240, 420, 606, 800, 978, 1280, 2000]) {
      assert.deepEqual(
        JSON.parse(JSON.stringify(js(fig.layout, w))),
        JSON.parse(JSON.stringify(applyPanelGrid(fig.layout, w))),
        `width ${w}`,
      );
    }
  }
  assert.equal(grid(methodPowerChart(claims)).columns, 2);
});

test("inline figures fill their container: no fixed width, autosize and responsive; PNG export keeps the width", () => {
  const fig = correlationOverview(results);
  assert.equal(fig.layout.width, 1200, "the spec keeps its export width");
  const inline = inlineFigure(fig);
  assert.equal(inline.layout.width, undefined);
  assert.equal(inline.layout.autosize, true);
  assert.equal((inline.config as { responsive: boolean }).responsive, true);
  const html = figureHtml(fig);
  assert.ok(html.includes("width:100%") && !html.includes('"width":1200'));
  assert.ok(
    html.includes("function m2mPanelGrid") && html.includes('addEventListener("resize"'),
    "a grid relays itself out on resize",
  );
  const plain = figureHtml({ data: [], layout: { width: 900, height: 300 } });
  assert.ok(!plain.includes("m2mPanelGrid") && plain.includes("height:300px") && !plain.includes('"width":900'));
});
