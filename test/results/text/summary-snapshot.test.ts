// A seeded snapshot of the terminal summary `merge-to-mix run` prints, on one fixed results fixture (with
// weighted and surrogate rows): any change to its wording, numbers or layout shows as a diff of a reviewed
// file (test/fixtures/__snapshots__/summary*.txt). UPDATE_SNAPSHOTS=1 rewrites them.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { formatSummary } from "../../../src/results/text/summary";
import { syntheticResults, syntheticSurrogates, syntheticWeighted, tinyResults } from "../../fixtures/results";
import { matchTextSnapshot } from "../../fixtures/snapshot";

test("formatSummary snapshot: a complete 3-seed run with weighted and surrogate rows", () => {
  const r = syntheticResults({ seed: 21, seeds: [0, 1, 2], aggregates: true });
  const text = formatSummary({ ...r, weighted: syntheticWeighted(r), surrogates: syntheticSurrogates(r) });
  assert.match(text, /claim 1/);
  assert.doesNotMatch(text, /NaN/);
  matchTextSnapshot("summary-synthetic.txt", text);
});

test("formatSummary snapshot: an unfinished one-seed run", () => {
  const r = syntheticResults({ seed: 4, seeds: [0], complete: false, aggregates: true });
  matchTextSnapshot("summary-incomplete.txt", formatSummary(r));
});

test("formatSummary snapshot: the tiny hand-made run (no mixture rows)", () => {
  matchTextSnapshot("summary-tiny.txt", formatSummary(tinyResults()));
});
