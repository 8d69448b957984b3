import * as tf from "@tensorflow/tfjs";

/**
 * Gradient kernels the wasm backend lacks, built from ops it has (stack.md Appendix A), and the
 * transposed-matmul fast path (stack.md Appendix C).
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
    throw new Error(
      `Conv2DBackpropFilter on wasm supports NHWC without dilation; got dataFormat=${dataFormat}, dilations=${dh},${dw}`,
    );
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
      const ph = Math.max((Ho - 1) * sh + kh - H, 0),
        pw = Math.max((Wo - 1) * sw + kw - W, 0);
      t = Math.floor(ph / 2);
      b = ph - t;
      l = Math.floor(pw / 2);
      r = pw - l;
    } else if (typeof pad === "number") {
      t = b = l = r = pad;
    } else {
      [t, b] = pad[1];
      [l, r] = pad[2];
    }
    xp = tf.pad(x, [
      [0, 0],
      [t, b],
      [l, r],
      [0, 0],
    ]);
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
      tf.tidy(() =>
        conv2dBackpropFilter(
          asTensor(inputs.x) as tf.Tensor4D,
          asTensor(inputs.dy) as tf.Tensor4D,
          attrs as Record<string, unknown>,
        ),
      ),
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

// Marks a kernel config we wrapped, so wrapping is idempotent.
const WRAPPED = Symbol.for("merge-to-mix/explicit-transpose");

/**
 * Route transposed matmuls on wasm through an explicit transpose. tfjs-backend-wasm 4.22 handles
 * `transposeA`/`transposeB` inside its BatchMatMul kernel on a slow path (~10x: [32×784]ᵀ·[32×256] takes
 * 4.1 ms, transpose + plain matmul 0.4 ms), and every dense layer's autograd backward pass, the
 * nearest-class-mean head and _FusedMatMul's gradient ask for it. The wrapper transposes the flagged
 * operand(s) with the backend's own Transpose kernel (last two axes, any rank), calls the original kernel
 * untransposed and frees the temporaries: same values, no engine-visible tensors, so tensor counts and
 * gradients are untouched. Returns the kernels newly wrapped.
 *
 * @example
 * await tf.setBackend("wasm");
 * registerWasmExplicitTranspose();   // ["BatchMatMul", "_FusedMatMul"] the first time, [] after
 */
export function registerWasmExplicitTranspose(): string[] {
  const wrapped: string[] = [];
  for (const name of ["BatchMatMul", "_FusedMatMul"]) {
    const orig = tf.getKernel(name, "wasm");
    if (!orig || (orig.kernelFunc as unknown as Record<symbol, boolean>)[WRAPPED]) continue;
    const kernelFunc = ((args: {
      inputs: Record<string, tf.TensorInfo>;
      attrs: Record<string, unknown>;
      backend: unknown;
    }) => {
      const { transposeA, transposeB } = args.attrs as { transposeA?: boolean; transposeB?: boolean };
      if (!transposeA && !transposeB) return orig.kernelFunc(args as never);
      const transpose = tf.getKernel("Transpose", "wasm")!.kernelFunc;
      const temps: tf.TensorInfo[] = [];
      const swapLast = (t: tf.TensorInfo): tf.TensorInfo => {
        const r = t.shape.length,
          perm = Array.from({ length: r }, (_, i) => (i < r - 2 ? i : 2 * r - 3 - i));
        const out = transpose({ inputs: { x: t }, attrs: { perm }, backend: args.backend } as never) as tf.TensorInfo;
        temps.push(out);
        return out;
      };
      try {
        const inputs = {
          ...args.inputs,
          a: transposeA ? swapLast(args.inputs.a) : args.inputs.a,
          b: transposeB ? swapLast(args.inputs.b) : args.inputs.b,
        };
        return orig.kernelFunc({
          ...args,
          inputs,
          attrs: { ...args.attrs, transposeA: false, transposeB: false },
        } as never);
      } finally {
        const backend = args.backend as { disposeData(id: object): void };
        for (const t of temps) backend.disposeData(t.dataId);
      }
    }) as unknown as tf.KernelFunc;
    (kernelFunc as unknown as Record<symbol, boolean>)[WRAPPED] = true;
    tf.unregisterKernel(name, "wasm");
    tf.registerKernel({ ...orig, kernelFunc });
    wrapped.push(name);
  }
  return wrapped;
}

/**
 * Register every missing or slow wasm kernel; returns the names newly registered.
 *
 * @example
 * registerWasmGradients();   // ["Conv2DBackpropFilter", "UnsortedSegmentSum", "BatchMatMul", "_FusedMatMul"] the first time, [] after
 */
export function registerWasmGradients(): string[] {
  const added: string[] = [];
  if (registerWasmConvGrad()) added.push("Conv2DBackpropFilter");
  if (registerWasmSegmentSum()) added.push("UnsortedSegmentSum");
  added.push(...registerWasmExplicitTranspose());
  return added;
}
