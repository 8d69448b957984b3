import { InvalidArgumentError } from "../../util/errors";
import {
  F32,
  I32,
  V128,
  compileKernel,
  op,
  type WasmFunction,
  type WasmKernel,
  type WasmMemory,
} from "../../util/wasm-binary";

/**
 * Adam (or SGD) over ONE flat parameter vector, in a WebAssembly SIMD kernel (4 floats per instruction).
 * tfjs's Adam runs ~12 small ops per variable (and `sqrt` is scalar on wasm): ~1.1 ms per step for the
 * 784-256-256 MLP; this kernel does the same update in ~0.14 ms (bench:train prints the per-kernel split).
 * Parameters, gradients and both moments live in the kernel's own memory; `params` and `grads` are views
 * into it that the trainer reads and fills. The update is tfjs's Adam (β1 0.9, β2 0.999, ε 1e-7, bias
 * correction by β^t) with the two divisions by (1 − β^t) folded into the step size, so results agree
 * with `tf.train.adam` to float rounding, not bit for bit. Falls back to the same formula in plain JS
 * where WebAssembly SIMD is missing.
 *
 * @example
 * const opt = new FlatOptimizer(theta.data.length, { optimizer: "adam", learningRate: 1e-3 });
 * opt.params.set(theta.data);
 * // each step: fill opt.grads, then
 * opt.step();                // or opt.step(k): update only the first k entries (k a multiple of 4)
 */
export class FlatOptimizer {
  /** Current parameters (a view into the kernel's memory; valid for the optimizer's lifetime). */
  readonly params: Float32Array;
  /** Gradients of the next step: fill before `step()`. */
  readonly grads: Float32Array;
  /** Steps taken. */
  t = 0;
  private readonly m: Float32Array;
  private readonly v: Float32Array;
  private readonly kernel: Kernel | null;
  private readonly padded: number;

  constructor(
    readonly size: number,
    readonly config: {
      optimizer: "adam" | "sgd";
      learningRate: number;
      beta1?: number;
      beta2?: number;
      epsilon?: number;
    },
  ) {
    if (!Number.isInteger(size) || size < 0) throw new InvalidArgumentError("size", size, "a non-negative integer");
    this.padded = Math.ceil(size / 4) * 4;
    const bytes = this.padded * 4;
    this.kernel = simdKernel(4 * bytes);
    const buffer = this.kernel ? this.kernel.memory.buffer : new ArrayBuffer(4 * bytes);
    this.params = new Float32Array(buffer, 0, size);
    this.grads = new Float32Array(buffer, bytes, size);
    this.m = new Float32Array(buffer, 2 * bytes, this.padded);
    this.v = new Float32Array(buffer, 3 * bytes, this.padded);
  }

  /**
   * Give the kernel's memory back for reuse by a later optimizer of this thread. The optimizer (its
   * `params` and `grads` views) must not be used afterwards. Optional: without it the memory is simply
   * garbage-collected.
   */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.kernel) releaseKernel(this.kernel);
  }

  private disposed = false;

  /** True when the SIMD kernel is in use (false: the plain-JS fallback). */
  get simd(): boolean {
    return this.kernel !== null;
  }

  /**
   * Apply one update to the first `count` parameters (default all) from `grads`. `count` must be a
   * multiple of 4 or the whole size, so the SIMD kernel never touches entries past it.
   */
  step(count = this.size): void {
    if (this.disposed)
      throw new InvalidArgumentError("optimizer", "disposed", "a live FlatOptimizer (dispose() was called)");
    if (!Number.isInteger(count) || count < 0 || count > this.size || (count % 4 !== 0 && count !== this.size)) {
      throw new InvalidArgumentError("count", count, `a multiple of 4 in [0, ${this.size}], or ${this.size}`);
    }
    const n = count === this.size ? this.padded : count;
    const { optimizer, learningRate: lr } = this.config;
    this.t++;
    if (optimizer === "sgd") {
      if (this.kernel) this.kernel.sgd(0, this.padded * 4, n * 4, lr);
      else for (let i = 0; i < count; i++) this.params[i] -= lr * this.grads[i];
      return;
    }
    const b1 = this.config.beta1 ?? 0.9,
      b2 = this.config.beta2 ?? 0.999,
      eps = this.config.epsilon ?? 1e-7;
    const a = lr / (1 - b1 ** this.t),
      bc2 = 1 / (1 - b2 ** this.t);
    if (this.kernel) {
      const bytes = this.padded * 4;
      this.kernel.adam(0, bytes, 2 * bytes, 3 * bytes, n * 4, a, b1, 1 - b1, b2, 1 - b2, bc2, eps);
      return;
    }
    const { params: p, grads: g, m, v } = this;
    for (let i = 0; i < count; i++) {
      const gi = g[i];
      const mi = b1 * m[i] + (1 - b1) * gi;
      const vi = b2 * v[i] + (1 - b2) * gi * gi;
      m[i] = mi;
      v[i] = vi;
      p[i] -= (a * mi) / (Math.sqrt(vi * bc2) + eps);
    }
  }
}

interface Kernel {
  memory: WasmMemory;
  adam(
    p: number,
    g: number,
    m: number,
    v: number,
    bytes: number,
    a: number,
    b1: number,
    c1: number,
    b2: number,
    c2: number,
    bc2: number,
    eps: number,
  ): void;
  sgd(p: number, g: number, bytes: number, lr: number): void;
}

// adam(p, g, m, v, bytes, a, b1, c1, b2, c2, bc2, eps), byte offsets; for each 4 floats at `off`:
//   m = b1·m + c1·g;  v = b2·v + c2·g²;  p = p − a·m / (√(v·bc2) + eps)
const ADAM: WasmFunction = (() => {
  const [P, G, M, V, BYTES] = [0, 1, 2, 3, 4],
    SCALARS = [5, 6, 7, 8, 9, 10, 11];
  const OFF = 12,
    S = 13,
    VG = 20,
    VM = 21,
    VV = 22; // S..S+6: the splatted scalars a, b1, c1, b2, c2, bc2, eps
  const at = (base: number) => [...op.get(base), ...op.get(OFF), ...op.i32Add];
  const load = (base: number) => [...at(base), ...op.v128Load];
  return {
    name: "adam",
    params: [I32, I32, I32, I32, I32, F32, F32, F32, F32, F32, F32, F32],
    locals: [
      [I32, 1],
      [V128, 10],
    ],
    body: [
      ...SCALARS.flatMap((p, k) => [...op.get(p), ...op.f32x4Splat, ...op.set(S + k)]),
      ...op.block,
      ...op.loop,
      ...op.get(OFF),
      ...op.get(BYTES),
      ...op.i32GeU,
      ...op.brIf(1),
      ...load(G),
      ...op.set(VG),
      ...at(M),
      ...op.get(S + 1),
      ...load(M),
      ...op.f32x4Mul,
      ...op.get(S + 2),
      ...op.get(VG),
      ...op.f32x4Mul,
      ...op.f32x4Add,
      ...op.tee(VM),
      ...op.v128Store,
      ...at(V),
      ...op.get(S + 3),
      ...load(V),
      ...op.f32x4Mul,
      ...op.get(S + 4),
      ...op.get(VG),
      ...op.get(VG),
      ...op.f32x4Mul,
      ...op.f32x4Mul,
      ...op.f32x4Add,
      ...op.tee(VV),
      ...op.v128Store,
      ...at(P),
      ...load(P),
      ...op.get(S),
      ...op.get(VM),
      ...op.f32x4Mul,
      ...op.get(VV),
      ...op.get(S + 5),
      ...op.f32x4Mul,
      ...op.f32x4Sqrt,
      ...op.get(S + 6),
      ...op.f32x4Add,
      ...op.f32x4Div,
      ...op.f32x4Sub,
      ...op.v128Store,
      ...op.get(OFF),
      ...op.i32Const(16),
      ...op.i32Add,
      ...op.set(OFF),
      ...op.br(0),
      ...op.end,
      ...op.end,
    ],
  };
})();

// sgd(p, g, bytes, lr): p = p − lr·g
const SGD: WasmFunction = (() => {
  const [P, G, BYTES, LR, OFF, VLR] = [0, 1, 2, 3, 4, 5];
  const at = (base: number) => [...op.get(base), ...op.get(OFF), ...op.i32Add];
  return {
    name: "sgd",
    params: [I32, I32, I32, F32],
    locals: [
      [I32, 1],
      [V128, 1],
    ],
    body: [
      ...op.get(LR),
      ...op.f32x4Splat,
      ...op.set(VLR),
      ...op.block,
      ...op.loop,
      ...op.get(OFF),
      ...op.get(BYTES),
      ...op.i32GeU,
      ...op.brIf(1),
      ...at(P),
      ...at(P),
      ...op.v128Load,
      ...op.get(VLR),
      ...at(G),
      ...op.v128Load,
      ...op.f32x4Mul,
      ...op.f32x4Sub,
      ...op.v128Store,
      ...op.get(OFF),
      ...op.i32Const(16),
      ...op.i32Add,
      ...op.set(OFF),
      ...op.br(0),
      ...op.end,
      ...op.end,
    ],
  };
})();

let compiled: WasmKernel | null | undefined;

// Disposed kernels, kept for the next optimizer of this thread: a fresh instance maps fresh memory
// (megabytes, page-faulted in), and two fine-tune threads of one process mapping memory for every job
// slowed each other by ~45% where separate processes did not (the process's memory map is shared).
const idle: Kernel[] = [];
const MAX_IDLE = 4;

/** A kernel instance with at least `bytes` of zeroed memory (a reused idle one, else fresh), or null without WebAssembly SIMD. */
function simdKernel(bytes: number): Kernel | null {
  if (compiled === undefined) compiled = compileKernel([ADAM, SGD]);
  if (!compiled) return null;
  const i = idle.findIndex((k) => k.memory.buffer.byteLength >= bytes);
  if (i >= 0) return idle.splice(i, 1)[0];
  const { memory, exports } = compiled.instantiate(bytes);
  return { memory, adam: exports.adam as Kernel["adam"], sgd: exports.sgd as Kernel["sgd"] };
}

/** Zero a kernel's memory and keep it for reuse (at most MAX_IDLE). */
function releaseKernel(k: Kernel): void {
  if (idle.length >= MAX_IDLE) return;
  new Uint8Array(k.memory.buffer).fill(0);
  idle.push(k);
}
