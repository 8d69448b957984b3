import { it } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { NcmHead } from "../../src/evaluate/ncm-head";
import { describeBackends } from "../../src/model/testing";
import { InvalidArgumentError } from "../../src/util/errors";

const feats = [
  [1, 0],
  [3, 0],
  [0, 2],
  [0, 4],
]; // class 0 mean (2, 0), class 1 mean (0, 3)
const labels = Int32Array.of(0, 0, 1, 1);
const query = [
  [1, 1.5],
  [2, 0.1],
];

function logitsOf(head: NcmHead): number[][] {
  const t = tf.tidy(() => head.logits(tf.tensor2d(query)));
  const out = t.arraySync() as number[][];
  t.dispose();
  return out;
}

describeBackends("NcmHead", () => {
  it("sqeuclidean: −‖f − μ‖²/τ", () => {
    const f = tf.tensor2d(feats);
    const head = NcmHead.fit(f, labels, 2, { metric: "sqeuclidean", temperature: 2 });
    const got = logitsOf(head);
    const want = query.map(([a, b]) => [-((a - 2) ** 2 + b ** 2) / 2, -(a ** 2 + (b - 3) ** 2) / 2]);
    got.flat().forEach((v, i) => assert.ok(Math.abs(v - want.flat()[i]) < 1e-5, `${v} vs ${want.flat()[i]}`));
    head.dispose();
    f.dispose();
  });

  it("cosine: cos(f, μ)/τ, and a class without examples never wins; leak-free", () => {
    const before = tf.memory().numTensors;
    const f = tf.tensor2d(feats);
    const head = NcmHead.fit(f, labels, 3, { metric: "cosine", temperature: 0.5 });
    const got = logitsOf(head);
    query.forEach(([a, b], i) => {
      const n = Math.hypot(a, b);
      assert.ok(Math.abs(got[i][0] - a / n / 0.5) < 1e-5);
      assert.ok(Math.abs(got[i][1] - b / n / 0.5) < 1e-5);
      assert.ok(got[i][2] < -1e8);
    });
    head.dispose();
    f.dispose();
    assert.equal(tf.memory().numTensors, before);
  });

  it("rejects bad options and labels", () => {
    const f = tf.tensor2d(feats);
    assert.throws(() => NcmHead.fit(f, labels, 2, { temperature: 0 }), InvalidArgumentError);
    assert.throws(() => NcmHead.fit(f, labels, 2, { metric: "l1" as never }), InvalidArgumentError);
    assert.throws(() => NcmHead.fit(f, Int32Array.of(0, 1, 2, 0), 2), InvalidArgumentError);
    f.dispose();
  });
});
