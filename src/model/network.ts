import * as tf from "@tensorflow/tfjs";
import { ParamVector } from "../params/param-vector";
import type { ParamLayout } from "../params/layout";
import { InvalidArgumentError } from "../util/errors";
import { networkLayout, validateNetSpec, type NetSpec } from "./spec";
import { initParams } from "./init";

/**
 * A resident MLP (encoder + one output layer) holding its own tf.Variables. Much lighter than a
 * tf.LayersModel: forward passes are two ops per layer and loading parameters writes into the
 * existing variables. Call `dispose()` when done.
 *
 * @example
 * const net = new Network(spec, theta0);
 * const logits = tf.tidy(() => net.logits(tf.tensor2d(x, [n, spec.inputSize])));
 * net.dispose();
 */
export class Network {
  readonly layout: ParamLayout;
  /** Variables in layout order. */
  readonly variables: readonly tf.Variable[];
  private disposed = false;

  /** `init` is a ParamVector with the network's layout, or a seed for initParams (default 0). */
  constructor(
    readonly spec: NetSpec,
    init: ParamVector | number = 0,
  ) {
    validateNetSpec(spec);
    this.layout = networkLayout(spec);
    const pv = typeof init === "number" ? initParams(this.layout, init) : init;
    this.layout.assertSame(pv.layout, "network and initial parameter layouts");
    this.variables = this.layout.entries.map((e) => {
      // copy: the cpu backend keeps the array it is given, which must not alias the caller's vector
      const t = tf.tensor(pv.view(e.name).slice(), e.shape as number[], "float32");
      const v = tf.variable(t, true, `m2m_${nextId++}_${e.name}`);
      t.dispose();
      return v;
    });
  }

  /** The encoder's variables (every "enc*" tensor). */
  get encoderVariables(): tf.Variable[] {
    return this.variables.slice(0, this.spec.hidden.length * 2);
  }

  /** The output layer's variables (kernel, bias). */
  get headVariables(): tf.Variable[] {
    return this.variables.slice(this.spec.hidden.length * 2);
  }

  /** Penultimate features [n, featureSize] of inputs [n, inputSize]. Call inside tf.tidy. */
  features(x: tf.Tensor2D): tf.Tensor2D {
    this.assertLive();
    let h = x;
    for (let i = 0; i < this.spec.hidden.length; i++) {
      // one fused kernel (matmul + bias + ReLU) per layer; its gradient is tfjs's own
      h = tf.fused.matMul({
        a: h,
        b: this.variables[2 * i] as tf.Tensor2D,
        bias: this.variables[2 * i + 1],
        activation: "relu",
      }) as tf.Tensor2D;
    }
    return h;
  }

  /** Output-layer logits [n, units] from features. Call inside tf.tidy. */
  head(features: tf.Tensor2D): tf.Tensor2D {
    const [k, b] = this.headVariables;
    return tf.fused.matMul({ a: features, b: k as tf.Tensor2D, bias: b }) as tf.Tensor2D;
  }

  /** Logits [n, units] of inputs [n, inputSize]. Call inside tf.tidy. */
  logits(x: tf.Tensor2D): tf.Tensor2D {
    return this.head(this.features(x));
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const v of this.variables) v.dispose();
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  private assertLive(): void {
    if (this.disposed) throw new InvalidArgumentError("network", "disposed", "a live Network (dispose() was called)");
  }
}

// tfjs variable names must be unique per engine; a counter keeps many resident networks apart
let nextId = 0;

/**
 * Copy all of a network's weights out into a new ParamVector (never aliases variables).
 *
 * @example
 * const theta = paramsOf(net);   // theta.layout.entries[0].name === "enc0/kernel"
 */
export function paramsOf(net: Network): ParamVector {
  const pv = ParamVector.zeros(net.layout);
  net.layout.entries.forEach((e, i) => {
    pv.data.set(net.variables[i].dataSync() as Float32Array, e.offset);
  });
  return pv;
}

/**
 * Copy a ParamVector into a network's existing variables, after checking the layout
 * (LayoutMismatchError names the first difference). Cheap: one upload per tensor, no new variables.
 *
 * @example
 * setNetworkParams(net, merged);
 */
export function setNetworkParams(net: Network, pv: ParamVector): void {
  net.layout.assertSame(pv.layout, "network and loaded parameter layouts");
  tf.tidy(() => {
    net.layout.entries.forEach((e, i) => {
      // a fresh copy: tf.tensor may keep a reference to the view's buffer on cpu
      net.variables[i].assign(tf.tensor(pv.data.slice(e.offset, e.offset + e.size), e.shape as number[], "float32"));
    });
  });
}
