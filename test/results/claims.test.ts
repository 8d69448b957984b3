import { it } from "node:test";
import assert from "node:assert/strict";
import { claimsOf } from "../../src/results/claims";
import { formatClaims, formatInterval } from "../../src/results/text/claims-text";
import { judgePick, seedAveragedTruth } from "../../src/results/seed-averaged-truth";
import { syntheticResults } from "../fixtures/results";

it("seed-averaged truth: per-mask means over seeds, the oracle on validation, the random expectation", () => {
  const r = syntheticResults({ seeds: [0, 1, 2] });
  const t = seedAveragedTruth(r).get("alpha")!;
  const rows = r.mixtures.filter((m) => m.target === "alpha" && m.mask === 5);
  assert.equal(rows.length, 3);
  assert.ok(Math.abs(t.testAcc[5] - rows.reduce((s, m) => s + m.true_test_acc!, 0) / 3) < 1e-12);
  const best = [...t.valAcc.keys()].slice(1).reduce((b, m) => (t.valAcc[m] > t.valAcc[b] ? m : b), 1);
  assert.equal(t.oracle, best);
  const j = judgePick(t, t.oracle);
  assert.equal(j.regret, 0);
  assert.equal(j.normalisedRegret, 0);
  assert.equal(j.percentile, 100);
  const rnd = judgePick(t, -1);
  assert.equal(rnd.normalisedRegret, 1);
  assert.equal(rnd.percentile, 50);
});

it("claimsOf: claim 1 from the no-singleton val-loss correlations, paired lines for every baseline, seeded intervals", () => {
  const r = syntheticResults({ seeds: [0, 1, 2] });
  const c = claimsOf(r)!;
  const rs = r.correlations
    .filter(
      (x) => x.target !== "mean" && x.scorer === "merged" && x.truth === "val_loss" && x.subset === "no-singletons",
    )
    .map((x) => x.pearson);
  assert.ok(Math.abs(c.claim1.estimate - rs.reduce((a, b) => a + b, 0) / rs.length) < 1e-12);
  assert.ok(c.claim1.lo <= c.claim1.estimate && c.claim1.estimate <= c.claim1.hi);
  assert.deepEqual(
    c.paired.map((p) => p.against),
    ["cosine", "l2", "random", "all", "best-single"],
  );
  for (const p of c.paired) assert.equal(p.wins + p.ties + p.losses, 4);
  assert.deepEqual(claimsOf(r, { seed: 3 }), claimsOf(r, { seed: 3 }));
  const lines = formatClaims(c);
  assert.ok(
    lines.some((l) =>
      /^claim 1 \(merged tracks mixture, val loss r without singletons\): -?\d\.\d\d \[-?\d\.\d\d, -?\d\.\d\d\]$/.test(
        l,
      ),
    ),
    lines.join("\n"),
  );
  assert.equal(
    lines.filter((l) =>
      /^paired: merge-to-mix − [a-z0-9-]+: [+-]\d+\.\d points \[-?\d+\.\d, -?\d+\.\d\] \(95% CI\), wins\/ties\/losses \d\/\d\/\d$/.test(
        l,
      ),
    ).length,
    5,
    lines.join("\n"),
  );
  assert.ok(lines.some((l) => /^normalised regret: merge-to-mix -?\d\.\d\d \[.*\], cosine .*, l2 /.test(l)));
});

it("no ground truth → no claims; one target and one seed → no zero-width interval", () => {
  const r = syntheticResults();
  assert.equal(
    claimsOf({
      ...r,
      mixtures: r.mixtures.map((m) => ({
        ...m,
        true_val_acc: null,
        true_val_loss: null,
        true_test_acc: null,
        true_test_loss: null,
      })),
    }),
    null,
  );
  assert.equal(formatInterval({ estimate: 0.5, lo: NaN, hi: NaN, targets: 1, cells: 1 }), "0.50 [–]");
  assert.equal(
    formatInterval(
      { estimate: 0.012, lo: 0.003, hi: 0.02, targets: 8, cells: 24 },
      { scale: 100, digits: 1, sign: true, unit: " points" },
    ),
    "+1.2 points [0.3, 2.0]",
  );
});

it("a synthetic run with 3 seeds prints the claim, paired, normalised-regret and surrogate lines", async () => {
  const fs = await import("node:fs");
  const os = await import("node:os");
  const path = await import("node:path");
  const { runExperiment } = await import("../../src/experiment/run");
  const { formatSummary } = await import("../../src/results/text/summary");
  await import("../../src/data/synthetic/suite");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "m2m-claims-"));
  try {
    // the small synthetic network of the other end-to-end tests (hidden [32], 4 epochs), not the quick preset's [256, 256]
    const { SYNTHETIC_RUN } = await import("../fixtures/synthetic-run");
    const { headRule: _h, targets: _t, ...small } = SYNTHETIC_RUN;
    const r = await runExperiment({
      ...small,
      seeds: 3,
      targets: ["target", "helper"],
      out: dir,
      workers: 1,
      surrogates: ["mean", "ta:0.5", "calibrated"],
    });
    const text = formatSummary(r);
    assert.match(
      text,
      /^claim 1 \(merged tracks mixture, val loss r without singletons\): -?\d\.\d\d \[-?\d\.\d\d, -?\d\.\d\d\]$/m,
    );
    for (const b of ["cosine", "l2", "random", "all", "best-single"])
      assert.match(
        text,
        new RegExp(
          `^paired: merge-to-mix − ${b}: [+-]\\d+\\.\\d points \\[.+\\] \\(95% CI\\), wins/ties/losses \\d/\\d/\\d$`,
          "m",
        ),
        b,
      );
    assert.match(text, /^normalised regret: merge-to-mix -?\d\.\d\d \[.*\], cosine .*, l2 /m);
    for (const s of ["mean", "ta:0.5", "calibrated"])
      assert.match(text, new RegExp(`^surrogate ${s}: r = -?\\d\\.\\d\\d \\[.*\\], normalised regret `, "m"), s);
    assert.equal(r.surrogates!.length, 3 * 2 * 3);
    // calibrated reuses the stored ground-truth mixtures: it fits λ on k of them
    const cal = r.surrogates!.filter((x) => x.name === "calibrated");
    assert.ok(cal.every((x) => x.lambda !== null && x.calibration_masks!.length === 4 && x.extra_finetunes === 4));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
