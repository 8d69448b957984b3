// End-to-end: the whole leave-one-out protocol on the synthetic suite with planted relatedness.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as tf from "@tensorflow/tfjs";
import { initBackend } from "../../src/model/backend";
import { runExperiment } from "../../src/experiment/run";
import type { RunResults } from "../../src/results/results";
import { SYNTHETIC_RUN } from "../fixtures/synthetic-run";

/** Pearson correlation, computed here independently of the library. */
function pearson(a: number[], b: number[]): number {
  const n = a.length,
    ma = a.reduce((s, v) => s + v, 0) / n,
    mb = b.reduce((s, v) => s + v, 0) / n;
  let sab = 0,
    saa = 0,
    sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

/** Everything that must not depend on scheduling (timings dropped). */
function numbers(r: RunResults): unknown {
  return {
    mixtures: r.mixtures,
    selections: r.selections,
    correlations: r.correlations,
    base: r.base,
    cost: r.cost.map(
      ({ m2m_seconds: _a, m2m_merge_seconds: _m, exhaustive_seconds: _b, speedup: _c, ...rest }) => rest,
    ),
  };
}

describe("runExperiment on the synthetic suite", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "m2m-run-"));
  let r1: RunResults,
    r2: RunResults,
    tensorsBefore = 0,
    tensorsAfter = 0;

  before(async () => {
    await initBackend("cpu");
    tensorsBefore = tf.memory().numTensors;
    r1 = await runExperiment({ ...SYNTHETIC_RUN, out: path.join(root, "w1"), workers: 1 });
    tensorsAfter = tf.memory().numTensors;
    r2 = await runExperiment({ ...SYNTHETIC_RUN, out: path.join(root, "w2"), workers: 2 });
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it("is complete, leaks no tensors, and gives identical numbers with 1 and 2 workers", () => {
    assert.equal(r1.complete, true);
    assert.equal(tensorsAfter, tensorsBefore);
    assert.deepEqual(r1.candidates, { target: ["helper", "conflict", "other-1", "other-2"] });
    assert.equal(r1.mixtures.length, 15);
    assert.deepEqual(numbers(r2), numbers(r1));
  });

  it("recovers the planted structure: helper helps, conflict hurts (ground truth)", () => {
    const truth = (m: string) => r1.mixtures.find((x) => x.members.join("+") === m)!.true_val_acc!;
    const base = r1.base[0].val_acc;
    assert.ok(truth("helper") > base + 0.1, `helper ${truth("helper")} vs θ0 ${base}`);
    assert.ok(truth("conflict") < base - 0.1, `conflict ${truth("conflict")} vs θ0 ${base}`);
    for (const m of r1.mixtures)
      if (m.size === 1) assert.equal(m.merged_val_acc, m.true_val_acc, "a merge of one model is that model");
  });

  it("merged scores correlate positively with the truth, and the row matches an independent Pearson", () => {
    const row = r1.correlations.find(
      (c) => c.target === "target" && c.scorer === "merged" && c.truth === "val_acc" && c.subset === "all",
    )!;
    assert.ok(row.pearson > 0.5 && row.spearman > 0.5, JSON.stringify(row));
    const rows = r1.mixtures.filter((m) => m.target === "target");
    const p = pearson(
      rows.map((m) => m.merged_val_acc),
      rows.map((m) => m.true_val_acc!),
    );
    assert.ok(Math.abs(p - row.pearson) < 1e-9, `${p} vs ${row.pearson}`);
  });

  it("Merge to Mix picks a mixture with the helpful dataset and without the harmful one", () => {
    const m2m = r1.selections.find((s) => s.method === "merge-to-mix")!;
    assert.ok(m2m.members.includes("helper"), m2m.members.join("+"));
    assert.ok(!m2m.members.includes("conflict"), m2m.members.join("+"));
    const all = r1.selections.find((s) => s.method === "all")!;
    assert.ok(m2m.test_acc > all.test_acc, "mixing everything (with the conflict) is worse");
  });

  it("writes well-formed selection, correlation and cost rows", () => {
    const cands = r1.candidates.target;
    const methods = r1.selections.map((s) => s.method).sort();
    assert.deepEqual(methods, ["all", "best-single", "cosine", "l2", "merge-to-mix", "oracle", "random"]);
    for (const s of r1.selections) {
      assert.equal(s.seed, 0);
      assert.equal(s.target, "target");
      assert.ok(
        s.test_acc >= 0 && s.test_acc <= 1 && Number.isFinite(s.regret) && s.rank >= 1 && s.rank <= 15,
        JSON.stringify(s),
      );
      if (s.method === "random") {
        assert.equal(s.mask, -1);
        continue;
      }
      assert.ok(Number.isInteger(s.mask) && s.mask >= 1 && s.mask < 16);
      assert.deepEqual(
        s.members,
        cands.filter((_, i) => (s.mask >> i) & 1),
      );
    }
    assert.equal(r1.selections.find((s) => s.method === "oracle")!.regret, 0);
    for (const c of r1.correlations) {
      assert.ok(
        ["merged", "cosine", "l2"].includes(c.scorer) &&
          ["val_acc", "val_loss"].includes(c.truth) &&
          ["all", "no-singletons"].includes(c.subset),
      );
      for (const v of [c.pearson, c.spearman, c.kendall]) assert.ok(v >= -1 - 1e-9 && v <= 1 + 1e-9, JSON.stringify(c));
      assert.equal(c.n, c.target === "mean" ? 1 : c.subset === "all" ? 15 : 11);
    }
    assert.ok(r1.cost.length >= 1);
    for (const c of r1.cost) {
      assert.ok(c.speedup > 1, JSON.stringify(c));
      assert.equal(c.m2m_finetunes, 4);
      assert.equal(c.exhaustive_finetunes, 15);
    }
  });

  it("writes results.json and the CSVs, matching the returned results", () => {
    const dir = path.join(root, "w1");
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(dir, "results.json"), "utf8")).selections, r1.selections);
    const tables: Array<[string, unknown[]]> = [
      ["mixtures", r1.mixtures],
      ["selections", r1.selections],
      ["correlations", r1.correlations],
      ["base", r1.base],
      ["cost", r1.cost],
    ];
    for (const [name, rows] of tables) {
      const lines = fs
        .readFileSync(path.join(dir, `${name}.csv`), "utf8")
        .trimEnd()
        .split("\n");
      assert.equal(lines.length, rows.length + 1, name);
      assert.equal(lines[0], Object.keys(rows[0] as object).join(","), name);
    }
    assert.deepEqual(
      fs.readdirSync(dir).filter((f) => f.endsWith(".tmp")),
      [],
      "no temp files left",
    );
  });
});
