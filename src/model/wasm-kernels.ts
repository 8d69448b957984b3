import * as tf from "@tensorflow/tfjs";

/**
 * Gradient kernels the wasm backend lacks, built from ops it has (stack.md Appendix A).
 * Conv2DBackpropFilter is needed to train any conv layer; UnsortedSegmentSum is the gradient of
 * `tf.gather` (embeddings). Both are checked against the cpu backend in test/model/wasm-kernels.test.ts.
 */

// Kernel inputs may arrive as TensorInfo; wrap them only when they are not Tensors already
// (re-wrapping a Tensor leaks a handle per call).
function asTensor(t: unknown): tf.Tensor {
  return t instanceof tf.Tensor ? t : tf.engine().makeTensorFromTensorInfo(t as tf.TensorInfo);
}

function pair(v: unknown, fallback: number): [number, number] {
  if (Array.isArray(v)) return [v[0] as number, v[1] as number];
  const n = typeof v === "number" ? v : fallback;
  return [n, n];
}

/**
 * The filter gradient of a 2-D convolution as one forward convolution:
 * dW[a,b,c,d] = Σ_{n,i,j} xpad[n, i·s+a, j·s+b, c] · dy[n,i,j,d]
 *             = conv2d(xpadᵀ [C,Hp,Wp,N], dyᵀ [Ho,Wo,N,D], stride 1, dilation = s), cropped to [kh,kw].
 */
function conv2dBackpropFilter(x: tf.Tensor4D, dy: tf.Tensor4D, attrs: Record<string, unknown>): tf.Tensor4D {
  const [sh, sw] = pair(attrs.strides, 1);
  const [dh, dw] = pair(attrs.dilations, 1);
  const dataFormat = attrs.dataFormat as string | undefined;
  if ((dataFormat && dataFormat !== "NHWC") || dh !== 1 || dw !== 1) {
    throw new Error(`Conv2DBackpropFilter on wasm supports NHWC without dilation; got dataFormat=${dataFormat}, dilations=${dh},${dw}`);
  }
  const [kh, kw] = attrs.filterShape as number[];
  const pad = attrs.pad as "valid" | "same" | number | number[][];
  const [, H, W] = x.shape;
  const [, Ho, Wo] = dy.shape;
  let xp = x;
  if (pad !== "valid") {
    let t: number, b: number, l: number, r: number;
    if (pad === "same") {
      // tfjs "same": total padding split with the extra pixel at the bottom/right
      const ph = Math.max((Ho - 1) * sh + kh - H, 0), pw = Math.max((Wo - 1) * sw + kw - W, 0);
      t = Math.floor(ph / 2); b = ph - t; l = Math.floor(pw / 2); r = pw - l;
    } else if (typeof pad === "number") {
      t = b = l = r = pad;
    } else {
      [t, b] = pad[1]; [l, r] = pad[2];
    }
    xp = tf.pad(x, [[0, 0], [t, b], [l, r], [0, 0]]);
  }
  const xt = tf.transpose(xp, [3, 1, 2, 0]) as tf.Tensor4D;
  const dyt = tf.transpose(dy, [1, 2, 0, 3]) as tf.Tensor4D;
  const full = tf.conv2d(xt, dyt, 1, "valid", "NHWC", [sh, sw]);
  // the strided walk may cover a few extra rows/cols when (Hp - kh) is not a multiple of s
  const cropped = tf.slice(full, [0, 0, 0, 0], [-1, kh, kw, -1]);
  return tf.transpose(cropped, [1, 2, 0, 3]);
}

/**
 * Register Conv2DBackpropFilter on wasm. Returns false when a kernel is already registered.
 *
 * @example
 * await tf.setBackend("wasm");
 * registerWasmConvGrad();   // conv layers can now train on wasm
 */
export function registerWasmConvGrad(): boolean {
  if (tf.getKernel("Conv2DBackpropFilter", "wasm")) return false;
  tf.registerKernel({
    kernelName: "Conv2DBackpropFilter",
    backendName: "wasm",
    kernelFunc: ({ inputs, attrs }) =>
      tf.tidy(() => conv2dBackpropFilter(asTensor(inputs.x) as tf.Tensor4D, asTensor(inputs.dy) as tf.Tensor4D, attrs as Record<string, unknown>)),
  });
  return true;
}

/**
 * Register UnsortedSegmentSum on wasm (the gradient of `tf.gather`, e.g. embeddings).
 * Implemented with scatterND, which sums repeated ids; ids must lie in [0, numSegments).
 *
 * @example
 * registerWasmSegmentSum();
 * tf.unsortedSegmentSum(tf.tensor1d([1, 2, 3]), tf.tensor1d([0, 0, 1], "int32"), 2);   // [3, 3]
 */
export function registerWasmSegmentSum(): boolean {
  if (tf.getKernel("UnsortedSegmentSum", "wasm")) return false;
  tf.registerKernel({
    kernelName: "UnsortedSegmentSum",
    backendName: "wasm",
    kernelFunc: ({ inputs, attrs }) =>
      tf.tidy(() => {
        const x = asTensor(inputs.x);
        const ids = tf.cast(asTensor(inputs.segmentIds), "int32");
        const n = (attrs as { numSegments: number }).numSegments;
        return tf.scatterND(tf.expandDims(ids, 1), x, [n, ...x.shape.slice(1)]);
      }),
  });
  return true;
}

/**
 * Register every missing wasm gradient kernel; returns the names newly registered.
 *
 * @example
 * registerWasmGradients();   // ["Conv2DBackpropFilter", "UnsortedSegmentSum"] the first time, [] after
 */
export function registerWasmGradients(): string[] {
  const added: string[] = [];
  if (registerWasmConvGrad()) added.push("Conv2DBackpropFilter");
  if (registerWasmSegmentSum()) added.push("UnsortedSegmentSum");
  return added;
}
