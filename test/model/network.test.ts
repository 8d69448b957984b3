import { it } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { Network, paramsOf, setNetworkParams } from "../../src/model/network";
import { initParams } from "../../src/model/init";
import { networkLayout, type NetSpec } from "../../src/model/spec";
import { describeBackends } from "../../src/model/testing";
import { ParamLayout } from "../../src/params/layout";
import { ParamVector } from "../../src/params/param-vector";
import { LayoutMismatchError } from "../../src/util/errors";
import { Rng } from "../../src/util/rng";

const spec: NetSpec = { inputSize: 5, hidden: [7, 4], units: ["u0", "u1", "u2"] };
const n = 6;
const x = Float32Array.from({ length: n * 5 }, (_, i) => new Rng(9).fork(i).normal());

function predict(net: Network): Float32Array {
  const t = tf.tidy(() => net.logits(tf.tensor2d(x, [n, 5])));
  const out = t.dataSync() as Float32Array;
  t.dispose();
  return out;
}

/** The same forward pass in plain JS from a ParamVector: the reference for the tfjs network. */
function jsLogits(pv: ParamVector): Float32Array {
  let h = Array.from({ length: n }, (_, i) => Array.from(x.subarray(i * 5, i * 5 + 5)));
  const layer = (k: string, b: string, relu: boolean) => {
    const [fin, fout] = pv.layout.entry(k).shape,
      K = pv.view(k),
      B = pv.view(b);
    h = h.map((row) =>
      Array.from({ length: fout }, (_, j) => {
        let s = B[j];
        for (let i = 0; i < fin; i++) s += row[i] * K[i * fout + j];
        return relu ? Math.max(0, s) : s;
      }),
    );
  };
  layer("enc0/kernel", "enc0/bias", true);
  layer("enc1/kernel", "enc1/bias", true);
  layer("out/kernel", "out/bias", false);
  return Float32Array.from(h.flat());
}

describeBackends("Network", () => {
  it("computes the MLP forward pass", () => {
    const pv = initParams(networkLayout(spec), 3);
    pv.view("enc0/bias").fill(0.1);
    const net = new Network(spec, pv);
    const got = predict(net),
      want = jsLogits(pv);
    for (let i = 0; i < want.length; i++)
      assert.ok(Math.abs(got[i] - want[i]) < 1e-5, `logit ${i}: ${got[i]} vs ${want[i]}`);
    net.dispose();
  });

  it("paramsOf → setNetworkParams round trip gives equal predictions, and never aliases", () => {
    const before = tf.memory().numTensors;
    const a = new Network(spec, 1),
      b = new Network(spec, 2);
    const pa = paramsOf(a);
    assert.deepEqual(
      pa.layout.entries.map((e) => e.name),
      ["enc0/kernel", "enc0/bias", "enc1/kernel", "enc1/bias", "out/kernel", "out/bias"],
    );
    assert.notDeepEqual(predict(a), predict(b));
    setNetworkParams(b, pa);
    assert.deepEqual(predict(b), predict(a));
    // mutating the vector afterwards must not reach the network, and vice versa
    const snapshot = predict(b);
    pa.data.fill(0);
    assert.deepEqual(predict(b), snapshot);
    const pb = paramsOf(b);
    setNetworkParams(b, ParamVector.zeros(b.layout));
    assert.notEqual(pb.data[0], 0);
    a.dispose();
    b.dispose();
    assert.equal(tf.memory().numTensors, before);
  });

  it("same seed → same initial weights; a seed changes them", () => {
    const a = new Network(spec, 5),
      b = new Network(spec, 5),
      c = new Network(spec, 6);
    assert.deepEqual(paramsOf(a).data, paramsOf(b).data);
    assert.notDeepEqual(paramsOf(a).data, paramsOf(c).data);
    a.dispose();
    b.dispose();
    c.dispose();
  });

  it("setNetworkParams rejects another layout, naming the difference", () => {
    const net = new Network(spec, 0);
    const wider = ParamVector.zeros(networkLayout({ ...spec, units: ["u0", "u1", "u2", "u3"] }));
    assert.throws(
      () => setNetworkParams(net, wider),
      (e: unknown) => e instanceof LayoutMismatchError && /out\/kernel.*\[4,4\]/.test(e.message),
    );
    const renamed = ParamVector.zeros(
      ParamLayout.fromShapes(
        networkLayout(spec).entries.map((e, i) => [i === 0 ? "dense/kernel" : e.name, e.shape] as const),
      ),
    );
    assert.throws(
      () => setNetworkParams(net, renamed),
      (e: unknown) => e instanceof LayoutMismatchError && /dense\/kernel/.test(e.message),
    );
    net.dispose();
  });
});
