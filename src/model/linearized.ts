import * as tf from "@tensorflow/tfjs";
import type { ParamVector } from "../params/param-vector";
import { networkLayout, validateNetSpec, type NetSpec } from "./spec";

/**
 * The linearized (tangent) MLP f(x; θ0) + J(x; θ0)·(θ − θ0), by one forward-mode pass: the primal activations
 * a_l at θ0 and their tangents t_l carried side by side (one extra matmul per layer),
 *   pre_l = a_l W0_l + b0_l,  a_{l+1} = relu(pre_l),
 *   t_{l+1} = step(pre_l) ⊙ (a_l (W_l − W0_l) + (b_l − b0_l) + t_l W0_l),   t_0 = 0,
 *   z = a_L W_L + b_L + t_L W0_L.
 * Row-major ([n, features]); kernels in the network layout ([in, out]). Linear in θ: a merge of tangent
 * fine-tunes θ0 + Σ τᵢ predicts f(θ0) + Σ (f_lin(θᵢ) − f(θ0)) exactly. Call inside tf.tidy.
 *
 * @example
 * const z = tf.tidy(() => linearizedForward(W0, b0, W, b, x));   // [n, units]
 */
export function linearizedForward(
  W0: readonly tf.Tensor2D[],
  b0: readonly tf.Tensor1D[],
  W: readonly tf.Tensor2D[],
  b: readonly tf.Tensor1D[],
  x: tf.Tensor2D,
): tf.Tensor2D {
  const L = W0.length;
  const { a, t } = linearizedEncoder(W0.slice(0, L - 1), b0.slice(0, L - 1), W.slice(0, L - 1), b.slice(0, L - 1), x);
  return linearizedHead(a, t, W0[L - 1], W[L - 1], b[L - 1]);
}

/**
 * The encoder part of {@link linearizedForward}: the last hidden layer's primal activations `a` (at θ0) and
 * their tangent `t` = J_enc(x; θ0)·(θ − θ0) (null without hidden layers, where `a` is x). The linearized
 * encoder output — the features a nearest-class-mean head is fitted on in tangent mode — is a + t. Pass the
 * hidden layers only (kernels [in, out]). Call inside tf.tidy.
 *
 * @example
 * const { a, t } = linearizedEncoder(W0.slice(0, -1), b0.slice(0, -1), W.slice(0, -1), b.slice(0, -1), x);
 * const features = t ? tf.add(a, t) : a;
 */
export function linearizedEncoder(
  W0: readonly tf.Tensor2D[],
  b0: readonly tf.Tensor1D[],
  W: readonly tf.Tensor2D[],
  b: readonly tf.Tensor1D[],
  x: tf.Tensor2D,
): { a: tf.Tensor2D; t: tf.Tensor2D | null } {
  let a: tf.Tensor2D = x;
  let t: tf.Tensor2D | null = null;
  for (let l = 0; l < W0.length; l++) {
    const pre = tf.add(tf.matMul(a, W0[l]), b0[l]) as tf.Tensor2D;
    let dpre = tf.add(tf.matMul(a, tf.sub(W[l], W0[l]) as tf.Tensor2D), tf.sub(b[l], b0[l])) as tf.Tensor2D;
    if (t) dpre = tf.add(dpre, tf.matMul(t, W0[l])) as tf.Tensor2D;
    a = tf.relu(pre) as tf.Tensor2D;
    t = tf.mul(dpre, tf.step(a)) as tf.Tensor2D;
  }
  return { a, t };
}

/**
 * The output layer of {@link linearizedForward}: z = a W + b + t W0 (the layer's own weights on θ0's
 * activations, θ0's kernel on their tangent). Call inside tf.tidy.
 *
 * @example
 * const z = linearizedHead(a, t, W0out, Wout, bout);   // [n, units]
 */
export function linearizedHead(
  a: tf.Tensor2D,
  t: tf.Tensor2D | null,
  W0: tf.Tensor2D,
  W: tf.Tensor2D,
  b: tf.Tensor1D | tf.Tensor,
): tf.Tensor2D {
  const z = tf.add(tf.matMul(a, W), b) as tf.Tensor2D;
  return t ? (tf.add(z, tf.matMul(t, W0)) as tf.Tensor2D) : z;
}

/**
 * The linearized model's logits [n, units] of row-major inputs `x` ([n, inputSize]) at parameters `theta`
 * around `theta0` ({@link linearizedForward}). Call inside tf.tidy.
 *
 * @example
 * const z = tf.tidy(() => linearizedLogits(spec, theta0, tangentFineTune, tf.tensor2d(x, [n, spec.inputSize])));
 */
export function linearizedLogits(spec: NetSpec, theta0: ParamVector, theta: ParamVector, x: tf.Tensor2D): tf.Tensor2D {
  validateNetSpec(spec);
  const layout = networkLayout(spec);
  layout.assertSame(theta0.layout, "θ0 and the network layouts");
  layout.assertSame(theta.layout, "θ and the network layouts");
  const widths = [spec.inputSize, ...spec.hidden, spec.units.length];
  const names = widths.slice(1).map((_, l) => (l === widths.length - 2 ? "out" : `enc${l}`));
  const kern = (p: ParamVector) =>
    names.map((nm, l) => tf.tensor2d(p.view(`${nm}/kernel`), [widths[l], widths[l + 1]]));
  const bias = (p: ParamVector) => names.map((nm) => tf.tensor1d(p.view(`${nm}/bias`)));
  return linearizedForward(kern(theta0), bias(theta0), kern(theta), bias(theta), x);
}
