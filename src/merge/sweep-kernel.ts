import { InvalidArgumentError } from "../util/errors";
import { F64, I32, V128, compileKernel, op, type WasmFunction, type WasmKernel } from "../util/wasm-binary";

/**
 * The Gray-code sweep's one step — add (or remove) one model into a Float64 running sum and write the
 * Float32 mean — in a WebAssembly SIMD kernel (two lanes of f64 per instruction), with a plain-JS twin.
 * Both give bit-identical results: f32 → f64 promotion, the f64 add and multiply, and the
 * round-to-nearest f64 → f32 demotion are exact IEEE operations in either form.
 * Memory is O(P): the running sum (f64), the mean (f32) and one scratch slot (f32) that receives the
 * model being added or removed.
 *
 * @example
 * const k = new SweepKernel(p);
 * k.step(model.data, true, 1);   // sum += model; mean = sum / 1
 * k.mean;                         // Float32Array view, rewritten by the next step
 */
export class SweepKernel {
  /** The current mean (a view, rewritten at every step). */
  readonly mean: Float32Array;
  private readonly sum: Float64Array;
  private readonly scratch: Float32Array;
  private readonly fns: Record<
    "add" | "sub" | "addBase" | "subBase",
    (sum: number, d: number, out: number, bytes: number, scale: number, base: number, baseScale: number) => void
  > | null;
  private readonly offsets: { sum: number; out: number; d: number; base: number; bytes: number };
  private readonly base: Float32Array | null;

  /** `base` (optional): a fixed vector the output may add a multiple of (task arithmetic's θ0). */
  constructor(
    readonly size: number,
    options: { simd?: boolean; base?: Float32Array } = {},
  ) {
    const even = size + (size & 1);
    this.offsets = { sum: 0, out: even * 8, d: even * 12, base: even * 16, bytes: even * 4 };
    if (options.base && options.base.length !== size)
      throw new InvalidArgumentError("base.length", options.base.length, `${size} (the models' size)`);
    const kernel = options.simd === false ? null : sweepKernel();
    if (kernel) {
      const { memory, exports } = kernel.instantiate(even * (options.base ? 20 : 16));
      this.sum = new Float64Array(memory.buffer, 0, size);
      this.mean = new Float32Array(memory.buffer, this.offsets.out, size);
      this.scratch = new Float32Array(memory.buffer, this.offsets.d, even);
      this.base = options.base ? new Float32Array(memory.buffer, this.offsets.base, size) : null;
      if (this.base) this.base.set(options.base!);
      this.fns = {
        add: exports.add as never,
        sub: exports.sub as never,
        addBase: exports.addBase as never,
        subBase: exports.subBase as never,
      };
    } else {
      this.sum = new Float64Array(size);
      this.mean = new Float32Array(size);
      this.scratch = new Float32Array(0);
      this.base = options.base ? Float32Array.from(options.base) : null;
      this.fns = null;
    }
  }

  /** True when the SIMD kernel runs the steps. */
  get simd(): boolean {
    return this.fns !== null;
  }

  /**
   * sum ± d, then out = sum · scale (+ base · baseScale when the kernel has a base and baseScale ≠ 0;
   * with baseScale 0 the base is not read, so the uniform mean stays exactly sum · (1/|S|)).
   */
  step(d: Float32Array, added: boolean, scale: number, baseScale = 0): void {
    if (d.length !== this.size) throw new InvalidArgumentError("d.length", d.length, `${this.size}`);
    const withBase = baseScale !== 0;
    if (withBase && !this.base)
      throw new InvalidArgumentError("baseScale", baseScale, "0 (this kernel has no base vector)");
    if (this.fns) {
      this.scratch.set(d);
      const { sum, out, d: dp, base, bytes } = this.offsets;
      const f = withBase ? (added ? this.fns.addBase : this.fns.subBase) : added ? this.fns.add : this.fns.sub;
      f(sum, dp, out, bytes, scale, base, baseScale);
      return;
    }
    const s = this.sum,
      m = this.mean,
      b = this.base;
    const sign = added ? 1 : -1;
    if (withBase)
      for (let j = 0; j < s.length; j++) {
        const v = s[j] + sign * d[j];
        s[j] = v;
        m[j] = v * scale + b![j] * baseScale;
      }
    else
      for (let j = 0; j < s.length; j++) {
        const v = s[j] + sign * d[j];
        s[j] = v;
        m[j] = v * scale;
      }
  }
}

// add/sub[Base](sum, d, out, bytes, scale, base, baseScale): byte offsets; bytes = 4 × (even element count).
// Two elements per turn:  s = sum[i] ± f64(d[i]);  sum[i] = s;  out[i] = f32(s · scale [+ f64(base[i]) · baseScale])
function stepFunction(name: "add" | "sub" | "addBase" | "subBase"): WasmFunction {
  const [SUM, D, OUT, BYTES, SCALE, BASE, BSCALE, OFF4, OFF8, VSCALE, VBSCALE, VS] = [
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
  ];
  const at = (base: number, off: number) => [...op.get(base), ...op.get(off), ...op.i32Add];
  const withBase = name.endsWith("Base");
  // x − y is computed as x + (−y) in the JS twin; in IEEE arithmetic both are the same operation
  const sub = name.startsWith("sub");
  return {
    name,
    params: [I32, I32, I32, I32, F64, I32, F64],
    locals: [
      [I32, 2],
      [V128, 3],
    ],
    body: [
      ...op.get(SCALE),
      ...op.f64x2Splat,
      ...op.set(VSCALE),
      ...op.get(BSCALE),
      ...op.f64x2Splat,
      ...op.set(VBSCALE),
      ...op.block,
      ...op.loop,
      ...op.get(OFF4),
      ...op.get(BYTES),
      ...op.i32GeU,
      ...op.brIf(1),
      ...at(SUM, OFF8),
      ...at(SUM, OFF8),
      ...op.v128Load,
      ...at(D, OFF4),
      ...op.v128Load64Zero,
      ...op.f64x2PromoteLowF32x4,
      ...(sub ? op.f64x2Sub : op.f64x2Add),
      ...op.tee(VS),
      ...op.v128Store,
      ...at(OUT, OFF4),
      ...op.get(VS),
      ...op.get(VSCALE),
      ...op.f64x2Mul,
      ...(withBase
        ? [
            ...at(BASE, OFF4),
            ...op.v128Load64Zero,
            ...op.f64x2PromoteLowF32x4,
            ...op.get(VBSCALE),
            ...op.f64x2Mul,
            ...op.f64x2Add,
          ]
        : []),
      ...op.f32x4DemoteF64x2Zero,
      ...op.v128Store64Lane0,
      ...op.get(OFF4),
      ...op.i32Const(8),
      ...op.i32Add,
      ...op.set(OFF4),
      ...op.get(OFF8),
      ...op.i32Const(16),
      ...op.i32Add,
      ...op.set(OFF8),
      ...op.br(0),
      ...op.end,
      ...op.end,
    ],
  };
}

let compiled: WasmKernel | null | undefined;
function sweepKernel(): WasmKernel | null {
  if (compiled === undefined)
    compiled = compileKernel([
      stepFunction("add"),
      stepFunction("sub"),
      stepFunction("addBase"),
      stepFunction("subBase"),
    ]);
  return compiled;
}
