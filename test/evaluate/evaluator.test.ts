import { it } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { Evaluator } from "../../src/evaluate/evaluator";
import { DEFAULT_NCM } from "../../src/evaluate/ncm-head";
import { initParams } from "../../src/model/init";
import { netSpecFor, networkLayout, taskUnits, type HeadRule } from "../../src/model/spec";
import { describeBackends } from "../../src/model/testing";
import type { ParamVector } from "../../src/params/param-vector";
import type { Split, Task } from "../../src/data/types";
import { InvalidArgumentError, LayoutMismatchError } from "../../src/util/errors";
import { syntheticTask } from "../model/synthetic";

const d = 6,
  hidden = [8];
const A = syntheticTask("a", { d, classes: 3, concepts: ["x", "y", "z"], sizes: { val: 50, test: 37, headfit: 12 } });
const B = syntheticTask("b", { d, classes: 2, concepts: ["y", "w"], dataSeed: 4 });

/** Plain-JS features of one split. */
function jsFeatures(pv: ParamVector, s: Split): number[][] {
  const K = pv.view("enc0/kernel"),
    b = pv.view("enc0/bias"),
    h = hidden[0];
  return Array.from({ length: s.n }, (_, i) =>
    Array.from({ length: h }, (_, j) => {
      let v = b[j];
      for (let k = 0; k < d; k++) v += s.x[i * d + k] * K[k * h + j];
      return Math.max(0, v);
    }),
  );
}

/** Accuracy and mean loss from per-example logit rows (first max wins, as tf.argMax). */
function score(logits: number[][], y: Int32Array): { accuracy: number; loss: number } {
  let correct = 0,
    loss = 0;
  logits.forEach((z, i) => {
    const m = Math.max(...z),
      lse = m + Math.log(z.reduce((s, v) => s + Math.exp(v - m), 0));
    loss += lse - z[y[i]];
    if (z.indexOf(m) === y[i]) correct++;
  });
  return { accuracy: correct / logits.length, loss: loss / logits.length };
}

/** The straightforward computation the evaluator must match. */
function reference(
  pv: ParamVector,
  task: Task,
  rule: HeadRule,
  split: "val" | "test",
): { accuracy: number; loss: number } {
  const s = task.splits[split],
    f = jsFeatures(pv, s);
  if (rule === "refit") {
    const hf = task.splits.headfit,
      g = jsFeatures(pv, hf);
    const unit = (v: number[]) => {
      const n = Math.hypot(...v) + 1e-12;
      return v.map((a) => a / n);
    };
    const means = task.classes.map((_, c) => {
      const rows = g.filter((_, i) => hf.y[i] === c).map(unit);
      return unit(rows[0].map((_, j) => rows.reduce((a, r) => a + r[j], 0) / rows.length));
    });
    return score(
      f.map((row) => {
        const u = unit(row);
        return means.map((m) => m.reduce((a, v, j) => a + v * u[j], 0) / DEFAULT_NCM.temperature);
      }),
      s.y,
    );
  }
  const spec = netSpecFor([A, B], hidden, rule),
    units = taskUnits(task, spec, rule);
  const K = pv.view("out/kernel"),
    bias = pv.view("out/bias"),
    U = spec.units.length;
  return score(
    f.map((row) => Array.from(units, (u) => row.reduce((a, v, j) => a + v * K[j * U + u], bias[u]))),
    s.y,
  );
}

describeBackends("Evaluator", () => {
  for (const rule of ["shared", "frozen", "refit"] as const) {
    it(`${rule}: equals a straightforward computation`, () => {
      const spec = netSpecFor([A, B], hidden, rule);
      const pv = initParams(networkLayout(spec), 3);
      pv.view("out/bias").forEach((_, i, a) => {
        a[i] = 0.3 * i - 0.4;
      });
      const ev = new Evaluator(spec, rule, { batchSize: 16 }).load(pv); // 16 splits every split into several batches
      for (const task of [A, B]) {
        for (const split of ["val", "test"] as const) {
          const got = ev.evaluate(task, split),
            want = reference(pv, task, rule, split);
          assert.equal(got.n, task.splits[split].n);
          assert.ok(
            Math.abs(got.accuracy - want.accuracy) < 1e-9,
            `${task.name}/${split} accuracy ${got.accuracy} vs ${want.accuracy}`,
          );
          assert.ok(
            Math.abs(got.loss - want.loss) < 1e-4 * (1 + want.loss),
            `${task.name}/${split} loss ${got.loss} vs ${want.loss}`,
          );
        }
      }
      ev.dispose();
    });
  }

  it("embed returns the penultimate features", () => {
    const spec = netSpecFor([A], hidden, "frozen");
    const pv = initParams(networkLayout(spec), 4);
    const ev = new Evaluator(spec, "frozen", { batchSize: 7 }).load(pv);
    const s = A.splits.val,
      e = ev.embed(s.x, s.n),
      want = jsFeatures(pv, s).flat();
    assert.equal(e.length, s.n * hidden[0]);
    want.forEach((v, i) => assert.ok(Math.abs(e[i] - v) < 1e-5));
    assert.throws(() => ev.embed(s.x, s.n + 1), InvalidArgumentError);
    ev.dispose();
  });

  it("numTensors stays flat across 50 load + evaluate cycles", () => {
    for (const rule of ["shared", "refit"] as const) {
      const spec = netSpecFor([A, B], hidden, rule);
      const ev = new Evaluator(spec, rule);
      const models = [initParams(networkLayout(spec), 1), initParams(networkLayout(spec), 2)];
      ev.load(models[0]).evaluate(A, "val");
      ev.load(models[0]); // no cached head at the start or the end
      const before = tf.memory().numTensors;
      const accs = new Set<number>();
      for (let i = 0; i < 50; i++) {
        ev.load(models[i % 2]);
        accs.add(ev.evaluate(A, "val").accuracy);
        ev.evaluate(A, "test");
        ev.evaluate(B, "test");
      }
      ev.load(models[0]); // reloading disposes the cached heads
      assert.equal(tf.memory().numTensors, before);
      assert.equal(accs.size, 2, "the two models score differently");
      ev.dispose();
    }
  });

  it("rejects use before load, other layouts, and use after dispose", () => {
    const spec = netSpecFor([A, B], hidden, "shared");
    const ev = new Evaluator(spec, "shared");
    assert.throws(() => ev.evaluate(A, "val"), /load\(params\)/);
    assert.throws(() => ev.load(initParams(networkLayout({ ...spec, hidden: [9] }), 0)), LayoutMismatchError);
    ev.dispose();
    assert.throws(() => ev.evaluate(A, "val"), /disposed/);
  });
});
