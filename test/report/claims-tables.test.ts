import { test } from "node:test";
import * as assert from "node:assert/strict";
import { claimsOf } from "../../src/results/claims";
import { formatClaims, formatInterval } from "../../src/results/text/claims-text";
import { weightsText } from "../../src/results/text/weighted-text";
import {
  CLAIM1_DISPLAY,
  METHOD_POWER_DISPLAY,
  PAIRED_DISPLAY,
  SURROGATE_DISPLAY,
  WEIGHTED_DISPLAY,
  claim1Rows,
  methodPowerRows,
  pairedRows,
  surrogateRows,
  tableHtml,
  weightedRows,
} from "../../src/report/tables";
import { syntheticResults } from "../fixtures/results";
import type { WeightedRow } from "../../src/results/weighted-row";

const results = syntheticResults({ seed: 13, seeds: [0, 1, 2] });
const claims = claimsOf(results)!;
const cells = (html: string) => [...html.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]);

test("the per-method table holds the claims' numbers (fractions) and shows them as the terminal lines do", () => {
  const rows = methodPowerRows(claims);
  assert.deepEqual(
    rows.map((r) => r.method),
    ["Merge to Mix", "cosine", "L2", "random (expected)", "all", "best single", "oracle"],
  );
  claims.methods.forEach((m, i) => {
    assert.equal(rows[i].test_acc, m.testAcc.estimate);
    assert.equal(rows[i].test_acc_lo, m.testAcc.lo);
    assert.equal(rows[i].normalised_regret_hi, m.method === "oracle" ? NaN : m.normalisedRegret.hi);
  });
  const html = tableHtml(rows, METHOD_POWER_DISPLAY);
  const text = cells(html);
  const lines = formatClaims(claims).join("\n");
  for (const m of claims.methods) {
    const acc = formatInterval(m.testAcc, { scale: 100, digits: 1 });
    assert.ok(text.includes(acc), `table shows ${acc}`);
    assert.ok(lines.includes(`${m.method} ${acc}`), `and so do the terminal lines`);
    if (m.method === "oracle") continue;
    const reg = formatInterval(m.regret, { scale: 100, digits: 1 });
    assert.ok(text.includes(reg) && lines.includes(`${m.method} ${reg}`));
    assert.ok(text.includes(formatInterval(m.normalisedRegret)));
  }
  // the oracle's regret is 0 by definition: shown as –, as the terminal omits it
  assert.deepEqual(text.slice(-5), [
    "oracle",
    formatInterval(claims.methods[6].testAcc, { scale: 100, digits: 1 }),
    "–",
    "–",
    "–",
  ]);
  assert.ok(html.includes("<th>test accuracy (%)</th>") && html.includes("<th>regret (points)</th>"));
});

test("paired rows: signed points with intervals and wins/ties/losses, as the paired lines", () => {
  const rows = pairedRows(claims);
  assert.deepEqual(
    rows.map((r) => r.against),
    ["cosine", "L2", "random (expected)", "all", "best single"],
  );
  const text = cells(tableHtml(rows, PAIRED_DISPLAY));
  const lines = formatClaims(claims);
  claims.paired.forEach((p, i) => {
    const diff = formatInterval(p, { scale: 100, digits: 1, sign: true });
    assert.ok(text.includes(diff), diff);
    assert.ok(
      lines.some(
        (l) =>
          l.includes(
            `merge-to-mix − ${p.against}: ${formatInterval(p, { scale: 100, digits: 1, sign: true, unit: " points" })}`,
          ) && l.endsWith(`${p.wins}/${p.ties}/${p.losses}`),
      ),
    );
    assert.equal(rows[i].wins, p.wins);
  });
});

test("claim 1 rows: per target, then the mean with the similarity baselines", () => {
  const rows = claim1Rows(claims);
  assert.deepEqual(
    rows.map((r) => r.target),
    [...results.targets, "mean"],
  );
  assert.equal(rows[0].merged, claims.perTarget[0].r.estimate);
  assert.ok(Number.isNaN(rows[0].cosine as number));
  assert.equal(rows[rows.length - 1].cosine, claims.similarityR.cosine.estimate);
  const text = cells(tableHtml(rows, CLAIM1_DISPLAY));
  assert.ok(text.includes(formatInterval(claims.claim1)) && text.includes(formatInterval(claims.perTarget[1].r)));
});

test("surrogate rows follow claims.surrogates; none when the run compared none", () => {
  assert.deepEqual(surrogateRows(claims), []);
  const fake = {
    ...claims,
    surrogates: [
      {
        name: "calibrated",
        r: claims.claim1,
        normalisedRegret: claims.methods[0].normalisedRegret,
        testAcc: claims.methods[0].testAcc,
        lambda: 0.6,
        extraFinetunes: 4,
        extraSeconds: 4.72,
      },
    ],
  };
  const rows = surrogateRows(fake);
  assert.equal(rows[0].lambda, 0.6);
  const text = cells(tableHtml(rows, SURROGATE_DISPLAY));
  assert.deepEqual(text, [
    "calibrated",
    formatInterval(claims.claim1),
    formatInterval(claims.methods[0].normalisedRegret),
    formatInterval(claims.methods[0].testAcc, { scale: 100, digits: 1 }),
    "0.60",
    "4",
    "4.7",
  ]);
});

/** A hand-made weighted block: two targets × two seeds over candidates a, b, c. */
function weighted(): WeightedRow[] {
  const truth = (w: number, u: number, p: number, b: number) => ({
    weighted: { val_acc: 0, val_loss: 0, test_acc: w, seconds: 1 },
    uniform: { val_acc: 0, val_loss: 0, test_acc: u, seconds: 1 },
    proportional: { val_acc: 0, val_loss: 0, test_acc: p, seconds: 1 },
    binary: { val_acc: 0, test_acc: b },
  });
  const row = (
    seed: number,
    target: string,
    weights: number[],
    loss: number,
    t: ReturnType<typeof truth> | null,
  ): WeightedRow => ({
    seed,
    target,
    candidates: ["a", "b", "c"],
    binary_mask: 0b011,
    binary_merged_loss: loss + 0.01,
    binary_merged_acc: 0.5,
    weights,
    merged_loss: loss,
    merged_acc: 0.5,
    evaluations: 10,
    path: [],
    truth: t,
  });
  return [
    row(0, "x", [0.6, 0.4, 0], 1.0, truth(0.8, 0.79, 0.78, 0.77)),
    row(1, "x", [0.7, 0.3, 0], 1.2, truth(0.82, 0.8, 0.79, 0.81)),
    row(0, "y", [0.002, 0.5, 0.498], 2.0, truth(0.4, 0.41, 0.42, 0.43)),
    row(1, "y", [0, 0.5, 0.5], 2.2, truth(0.42, 0.43, 0.44, 0.45)),
  ];
}

test("weighted rows: seed means per target, proportions as the terminal writes them, a mean row", () => {
  const rows = weightedRows(weighted());
  assert.deepEqual(
    rows.map((r) => r.target),
    ["x", "y", "mean"],
  );
  assert.equal(rows[0].weights, "a=0.65 b=0.35");
  assert.equal(rows[1].weights, "b=0.50 c=0.50", "a at 0.1% is below the 0.5% the terminal prints");
  assert.equal(rows[0].binary_pick, "a + b");
  assert.ok(Math.abs((rows[0].merged_loss as number) - 1.1) < 1e-12);
  assert.ok(Math.abs((rows[0].weighted_minus_binary as number) - 0.02) < 1e-12);
  assert.ok(Math.abs((rows[2].weighted_test as number) - (0.81 + 0.41) / 2) < 1e-12);
  const text = cells(tableHtml(rows, WEIGHTED_DISPLAY));
  assert.ok(text.includes("81.0") && text.includes("+2.0") && text.includes("-3.0"));
  assert.equal(weightsText([]), "–");
  const noTruth = weighted().map((w) => ({ ...w, truth: null }));
  assert.ok(Number.isNaN(weightedRows(noTruth)[0].weighted_test as number));
});
