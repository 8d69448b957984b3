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
  private readonly fns: { add(sum: number, d: number, out: number, bytes: number, inv: number): void; sub(sum: number, d: number, out: number, bytes: number, inv: number): void } | null;
  private readonly offsets: { sum: number; out: number; d: number; bytes: number };

  constructor(readonly size: number, options: { simd?: boolean } = {}) {
    const even = size + (size & 1);
    this.offsets = { sum: 0, out: even * 8, d: even * 12, bytes: even * 4 };
    const kernel = options.simd === false ? null : sweepKernel();
    if (kernel) {
      const { memory, exports } = kernel.instantiate(even * 16);
      this.sum = new Float64Array(memory.buffer, 0, size);
      this.mean = new Float32Array(memory.buffer, this.offsets.out, size);
      this.scratch = new Float32Array(memory.buffer, this.offsets.d, even);
      this.fns = { add: exports.add as never, sub: exports.sub as never };
    } else {
      this.sum = new Float64Array(size);
      this.mean = new Float32Array(size);
      this.scratch = new Float32Array(0);
      this.fns = null;
    }
  }

  /** True when the SIMD kernel runs the steps. */
  get simd(): boolean {
    return this.fns !== null;
  }

  /** sum ± d; mean = sum · inv. */
  step(d: Float32Array, added: boolean, inv: number): void {
    if (this.fns) {
      this.scratch.set(d);
      const { sum, out, d: dp, bytes } = this.offsets;
      (added ? this.fns.add : this.fns.sub)(sum, dp, out, bytes, inv);
      return;
    }
    const s = this.sum, m = this.mean;
    if (added) for (let j = 0; j < s.length; j++) { const v = s[j] + d[j]; s[j] = v; m[j] = v * inv; }
    else for (let j = 0; j < s.length; j++) { const v = s[j] - d[j]; s[j] = v; m[j] = v * inv; }
  }
}

// add/sub(sum, d, out, bytes, inv): byte offsets; bytes = 4 × (even element count). Two elements per turn:
//   s = sum[i] ± f64(d[i]);  sum[i] = s;  out[i] = f32(s · inv)
function stepFunction(name: "add" | "sub"): WasmFunction {
  const [SUM, D, OUT, BYTES, INV, OFF4, OFF8, VINV, VS] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const at = (base: number, off: number) => [...op.get(base), ...op.get(off), ...op.i32Add];
  return {
    name,
    params: [I32, I32, I32, I32, F64],
    locals: [[I32, 2], [V128, 2]],
    body: [
      ...op.get(INV), ...op.f64x2Splat, ...op.set(VINV),
      ...op.block, ...op.loop,
      ...op.get(OFF4), ...op.get(BYTES), ...op.i32GeU, ...op.brIf(1),
      ...at(SUM, OFF8),
      ...at(SUM, OFF8), ...op.v128Load,
      ...at(D, OFF4), ...op.v128Load64Zero, ...op.f64x2PromoteLowF32x4,
      ...(name === "add" ? op.f64x2Add : op.f64x2Sub), ...op.tee(VS), ...op.v128Store,
      ...at(OUT, OFF4), ...op.get(VS), ...op.get(VINV), ...op.f64x2Mul, ...op.f32x4DemoteF64x2Zero, ...op.v128Store64Lane0,
      ...op.get(OFF4), ...op.i32Const(8), ...op.i32Add, ...op.set(OFF4),
      ...op.get(OFF8), ...op.i32Const(16), ...op.i32Add, ...op.set(OFF8),
      ...op.br(0), ...op.end, ...op.end,
    ],
  };
}

let compiled: WasmKernel | null | undefined;
function sweepKernel(): WasmKernel | null {
  if (compiled === undefined) compiled = compileKernel([stepFunction("add"), stepFunction("sub")]);
  return compiled;
}
