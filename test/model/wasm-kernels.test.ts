import { describe, it, before } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { initBackend } from "../../src/model/backend";
import { Rng } from "../../src/util/rng";

function randn(n: number, seed: number): Float32Array {
  const r = new Rng(seed);
  return Float32Array.from({ length: n }, () => r.normal());
}

/** Gradients of a scalar function of (x, w) w.r.t. w, on a given backend, as plain arrays. */
async function gradOn(
  backend: "cpu" | "wasm",
  f: (w: tf.Tensor) => tf.Scalar,
  w: Float32Array,
  shape: number[],
): Promise<Float32Array> {
  await initBackend(backend);
  const before = tf.memory().numTensors;
  const g = tf.tidy(() => tf.grad(f)(tf.tensor(w, shape)));
  const out = g.dataSync() as Float32Array;
  g.dispose();
  assert.equal(tf.memory().numTensors, before, `no tensors leaked on ${backend}`);
  return Float32Array.from(out);
}

function assertClose(a: Float32Array, b: Float32Array, tol: number): void {
  assert.equal(a.length, b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]) / (1 + Math.abs(b[i])));
  assert.ok(worst < tol, `max relative difference ${worst} ≥ ${tol}`);
}

describe("wasm gradient kernels agree with cpu", () => {
  before(async () => {
    await initBackend("wasm");
  });

  const cases: Array<{ pad: "valid" | "same"; stride: number; hw: [number, number] }> = [
    { pad: "valid", stride: 1, hw: [7, 6] },
    { pad: "same", stride: 1, hw: [7, 6] },
    { pad: "valid", stride: 2, hw: [8, 7] },
    { pad: "same", stride: 2, hw: [8, 7] },
  ];
  for (const c of cases) {
    it(`Conv2DBackpropFilter, ${c.pad}, stride ${c.stride}`, async () => {
      const [H, W] = c.hw,
        B = 2,
        Cin = 3,
        Cout = 4,
        k = 3;
      const x = randn(B * H * W * Cin, 1),
        w = randn(k * k * Cin * Cout, 2);
      const probe = randn(10000, 3); // a fixed random projection of the output makes the loss non-trivial
      const f = (wt: tf.Tensor): tf.Scalar => {
        const y = tf.conv2d(tf.tensor4d(x, [B, H, W, Cin]), wt as tf.Tensor4D, c.stride, c.pad);
        return tf.sum(tf.mul(y, tf.tensor(probe.subarray(0, y.size), y.shape))) as tf.Scalar;
      };
      const gc = await gradOn("cpu", f, w, [k, k, Cin, Cout]);
      const gw = await gradOn("wasm", f, w, [k, k, Cin, Cout]);
      assert.ok(gc.some((v) => Math.abs(v) > 1e-3));
      assertClose(gw, gc, 1e-4);
    });
  }

  it("UnsortedSegmentSum (embedding gradient) with repeated ids", async () => {
    const vocab = 7,
      dim = 5;
    const ids = Int32Array.of(0, 3, 3, 6, 0, 3, 2, 2);
    const probe = randn(ids.length * dim, 4);
    const table = randn(vocab * dim, 5);
    const f = (e: tf.Tensor): tf.Scalar =>
      tf.sum(tf.mul(tf.gather(e, tf.tensor1d(ids, "int32")), tf.tensor2d(probe, [ids.length, dim]))) as tf.Scalar;
    const gc = await gradOn("cpu", f, table, [vocab, dim]);
    const gw = await gradOn("wasm", f, table, [vocab, dim]);
    assertClose(gw, gc, 1e-5);
    // row 3 appears three times: its gradient is the sum of three probe rows; row 1 never appears
    for (let j = 0; j < dim; j++) {
      assert.ok(Math.abs(gw[3 * dim + j] - (probe[1 * dim + j] + probe[2 * dim + j] + probe[5 * dim + j])) < 1e-5);
      assert.equal(gw[1 * dim + j], 0);
    }
  });
});

describe("explicit-transpose matmul on wasm agrees with cpu (values and gradients)", () => {
  before(async () => {
    await initBackend("wasm");
  });
  for (const rank of [2, 3]) {
    for (const [ta, tb] of [
      [false, false],
      [true, false],
      [false, true],
      [true, true],
    ] as const) {
      it(`matMul rank ${rank}, transposeA=${ta}, transposeB=${tb}`, async () => {
        const K = 3,
          m = 5,
          k = 7,
          nn = 4;
        const batch = rank === 3 ? [K] : [];
        const aShape = [...batch, ...(ta ? [k, m] : [m, k])],
          bShape = [...batch, ...(tb ? [nn, k] : [k, nn])];
        const a = randn(
            aShape.reduce((x, y) => x * y),
            6,
          ),
          b = randn(
            bShape.reduce((x, y) => x * y),
            7,
          );
        const probe = randn(K * m * nn, 8);
        const outShape = [...batch, m, nn];
        // d/da and d/db of Σ probe ⊙ (a·b): both backward matmuls take a transposed form
        const loss = (at: tf.Tensor, bt: tf.Tensor): tf.Scalar =>
          tf.sum(
            tf.mul(
              tf.matMul(at, bt, ta, tb),
              tf.tensor(
                probe.subarray(
                  0,
                  outShape.reduce((x, y) => x * y),
                ),
                outShape,
              ),
            ),
          ) as tf.Scalar;
        const run = async (backend: "cpu" | "wasm") => {
          await initBackend(backend);
          const before = tf.memory().numTensors;
          const [ga, gb, y] = tf.tidy(() => {
            const at = tf.tensor(a, aShape),
              bt = tf.tensor(b, bShape);
            const [da, db] = tf.grads(loss)([at, bt]);
            return [da, db, tf.matMul(at, bt, ta, tb)];
          });
          const out = [ga, gb, y].map((t) => Float32Array.from(t.dataSync() as Float32Array));
          tf.dispose([ga, gb, y]);
          assert.equal(tf.memory().numTensors, before, `no tensors leaked on ${backend}`);
          return out;
        };
        const c = await run("cpu"),
          w = await run("wasm");
        for (let i = 0; i < 3; i++) assertClose(w[i], c[i], 1e-5);
      });
    }
  }

  it("_FusedMatMul with bias and relu, transposed operands", async () => {
    const a = randn(6 * 4, 9),
      b = randn(3 * 6, 10),
      bias = randn(3, 11);
    const run = async (backend: "cpu" | "wasm") => {
      await initBackend(backend);
      const y = tf.tidy(() =>
        tf.fused.matMul({
          a: tf.tensor2d(a, [6, 4]),
          b: tf.tensor2d(b, [3, 6]),
          transposeA: true,
          transposeB: true,
          bias: tf.tensor1d(bias),
          activation: "relu",
        }),
      );
      const out = Float32Array.from(y.dataSync() as Float32Array);
      y.dispose();
      return out;
    };
    assertClose(await run("wasm"), await run("cpu"), 1e-5);
  });
});
