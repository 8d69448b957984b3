import { test } from "node:test";
import * as assert from "node:assert/strict";
import { escapeHtml, jsonForScript, uniqueId } from "../../src/report/html";
import { figureHtml } from "../../src/report/figure-html";
import { plotlyScriptTag } from "../../src/report/plotly-lib";
import { kendall, pearson, spearman } from "../../src/select/metrics/index";

test("escapeHtml escapes the five HTML metacharacters", () => {
  assert.equal(escapeHtml(`<a href="x">'&'</a>`), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
});

test("jsonForScript cannot close a script and round-trips", () => {
  const v = { s: "</script><script>alert(1)</script>", c: "<!-- x", u: "a\u2028b\u2029c", n: [1, 2.5] };
  const js = jsonForScript(v);
  assert.ok(!/<\/script/i.test(js) && !js.includes("<!--") && !js.includes("\u2028") && !js.includes("\u2029"));
  assert.deepEqual(JSON.parse(js), v);
});

test("figureHtml embeds the spec safely with a unique id", () => {
  const h = figureHtml({ data: [{ x: [1], y: [2], name: "</script>" }], layout: { height: 300 } });
  assert.equal((h.match(/<\/script>/g) ?? []).length, 1);
  assert.ok(h.includes("height:300px"));
  assert.notEqual(uniqueId("a"), uniqueId("a"));
});

test("plotlyScriptTag hides define and contains a single closing script tag", () => {
  const tag = plotlyScriptTag();
  assert.ok(tag.length > 1e6);
  assert.ok(tag.includes("window.define=undefined"));
  assert.equal((tag.match(/<\/script/gi) ?? []).length, 1);
});

test("correlations match hand values", () => {
  assert.ok(Math.abs(pearson([1, 2, 3], [1, 2, 4]) - 0.9819805060619657) < 1e-12);
  assert.equal(spearman([1, 2, 3, 4], [10, 20, 15, 40]), 0.8);
  assert.ok(Math.abs(kendall([1, 2, 3, 4], [10, 20, 15, 40]) - 4 / 6) < 1e-12);
  assert.ok(Number.isNaN(pearson([1, 1, 1], [1, 2, 3])));
  assert.equal(pearson([1, 2, NaN, 3], [2, 4, 100, 6]), 1);
});
