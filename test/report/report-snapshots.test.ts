// Seeded snapshots of every report table's HTML and every report figure's spec (the claims figures, Figure 1
// and its panels, the weighted chart) on one fixed results fixture with weighted and surrogate rows.
// A change to any of them shows as a diff of a reviewed file: UPDATE_SNAPSHOTS=1 rewrites them.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { claimsOf } from "../../src/results/claims";
import { recommendationsOf } from "../../src/results/recommendation";
import type { RunResults } from "../../src/results/results";
import { reportFigures } from "../../src/publish/write-report";
import {
  CLAIM1_DISPLAY,
  CORRELATION_DISPLAY,
  COST_DISPLAY,
  METHOD_POWER_DISPLAY,
  PAIRED_DISPLAY,
  RECOMMENDATION_DISPLAY,
  SELECTION_DISPLAY,
  SURROGATE_DISPLAY,
  TOP_MIXTURE_DISPLAY,
  WEIGHTED_DISPLAY,
  claim1Rows,
  correlationRows,
  costRows,
  methodPowerRows,
  pairedRows,
  recommendationRows,
  selectionRows,
  surrogateRows,
  tableHtml,
  topMixtureRows,
  weightedRows,
} from "../../src/report/tables";
import { syntheticResults, syntheticSurrogates, syntheticWeighted } from "../fixtures/results";
import { matchSnapshot, matchTextSnapshot } from "../fixtures/snapshot";

function fixture(): RunResults {
  const r = syntheticResults({ seed: 21, seeds: [0, 1, 2] });
  return { ...r, weighted: syntheticWeighted(r), surrogates: syntheticSurrogates(r) };
}
const results = fixture();
const claims = claimsOf(results)!;
const recs = recommendationsOf(results);

test("the fixture is the same on every call (the snapshots below depend on it)", () => {
  assert.deepEqual(fixture(), results);
  assert.ok(claims.surrogates.length >= 2 && claims.paired.length > 0 && recs.length > 0);
});

const TABLES: Array<[string, () => string]> = [
  ["selection", () => tableHtml(selectionRows(results), SELECTION_DISPLAY)],
  ["correlation", () => tableHtml(correlationRows(results), CORRELATION_DISPLAY)],
  ["cost", () => tableHtml(costRows(results), COST_DISPLAY)],
  ["method-power", () => tableHtml(methodPowerRows(claims), METHOD_POWER_DISPLAY)],
  ["claim1", () => tableHtml(claim1Rows(claims), CLAIM1_DISPLAY)],
  ["paired", () => tableHtml(pairedRows(claims), PAIRED_DISPLAY)],
  ["surrogate", () => tableHtml(surrogateRows(claims), SURROGATE_DISPLAY)],
  ["weighted", () => tableHtml(weightedRows(results.weighted!), WEIGHTED_DISPLAY)],
  ["recommendation", () => tableHtml(recommendationRows(recs), RECOMMENDATION_DISPLAY)],
  ["top-mixtures", () => tableHtml(topMixtureRows(recs[0]), TOP_MIXTURE_DISPLAY)],
];

for (const [name, html] of TABLES) {
  test(`table HTML snapshot: ${name}`, () => {
    const text = html();
    assert.match(text, /<table[\s>]/);
    matchTextSnapshot(`table-${name}.html`, text);
  });
}

test("figure spec snapshots: every report figure, claims figures included", () => {
  const figures = reportFigures(results);
  const names = figures.map(([name]) => name);
  for (const want of ["claims-methods", "claims-claim1", "claims-surrogates", "weighted-vs-binary"])
    assert.ok(names.includes(want), `${want} missing from ${names.join(", ")}`);
  for (const [name, , fig] of figures) matchSnapshot(`figure-${name}`, fig);
});
