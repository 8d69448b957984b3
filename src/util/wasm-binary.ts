/**
 * Just enough of the WebAssembly binary format to write small SIMD kernels by hand (no toolchain, no
 * build step): LEB128 numbers, vectors, sections, and the handful of instructions our kernels use.
 * See the spec's "Binary Format" chapter; every opcode below is named there.
 */

/** Unsigned LEB128. */
export function u32(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
}

/** Signed LEB128. */
export function s32(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && !(b & 0x40)) || (n === -1 && b & 0x40)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

/** A length-prefixed vector of already-encoded items. */
export const vec = (items: readonly number[][]): number[] => [...u32(items.length), ...items.flat()];
const name = (s: string): number[] => {
  const b = [...Buffer.from(s, "utf8")];
  return [...u32(b.length), ...b];
};
const section = (id: number, body: number[]): number[] => [id, ...u32(body.length), ...body];

export const I32 = 0x7f,
  F32 = 0x7d,
  F64 = 0x7c,
  V128 = 0x7b;

/** Instructions (each returns its bytes, so a body reads as a flat list). */
export const op = {
  get: (i: number) => [0x20, ...u32(i)],
  set: (i: number) => [0x21, ...u32(i)],
  tee: (i: number) => [0x22, ...u32(i)],
  i32Const: (n: number) => [0x41, ...s32(n)],
  i32Add: [0x6a],
  i32GeU: [0x4f],
  /** block/loop with no result; close with `end`. */
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  br: (depth: number) => [0x0c, ...u32(depth)],
  brIf: (depth: number) => [0x0d, ...u32(depth)],
  end: [0x0b],
  // SIMD (prefix 0xfd); memarg = alignment exponent 4 (16 bytes, a hint only), offset 0
  v128Load: [0xfd, ...u32(0x00), 4, 0],
  v128Store: [0xfd, ...u32(0x0b), 4, 0],
  f32x4Splat: [0xfd, ...u32(0x13)],
  f32x4Sqrt: [0xfd, ...u32(0xe3)],
  f32x4Add: [0xfd, ...u32(0xe4)],
  f32x4Sub: [0xfd, ...u32(0xe5)],
  f32x4Mul: [0xfd, ...u32(0xe6)],
  f32x4Div: [0xfd, ...u32(0xe7)],
  /** Load 8 bytes into the low half (high half zero); store the low 8 bytes (lane 0 of i64x2). */
  v128Load64Zero: [0xfd, ...u32(0x5d), 3, 0],
  v128Store64Lane0: [0xfd, ...u32(0x5b), 3, 0, 0],
  f64x2Splat: [0xfd, ...u32(0x14)],
  f64x2PromoteLowF32x4: [0xfd, ...u32(0x5f)],
  f32x4DemoteF64x2Zero: [0xfd, ...u32(0x5e)],
  f64x2Add: [0xfd, ...u32(0xf0)],
  f64x2Sub: [0xfd, ...u32(0xf1)],
  f64x2Mul: [0xfd, ...u32(0xf2)],
} as const;

/** One exported function: its parameter types, extra locals (type, count) and body (without the final `end`). */
export interface WasmFunction {
  readonly name: string;
  readonly params: readonly number[];
  readonly locals: ReadonlyArray<readonly [type: number, count: number]>;
  readonly body: readonly number[];
}

/**
 * A module with one exported memory ("memory", `pages` × 64 KiB, growable) and the given exported
 * functions (no results). Returns the module's bytes.
 *
 * @example
 * const bytes = wasmModule(1, [{ name: "noop", params: [], locals: [], body: [] }]);
 * WebAssembly.validate(bytes);   // true
 */
export function wasmModule(pages: number, fns: readonly WasmFunction[]): Uint8Array {
  const types = fns.map((f) => [0x60, ...vec(f.params.map((t) => [t])), ...vec([])]);
  const bodies = fns.map((f) => {
    const code = [...vec(f.locals.map(([t, c]) => [...u32(c), t])), ...f.body, ...op.end];
    return [...u32(code.length), ...code];
  });
  return Uint8Array.from([
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    ...section(1, vec(types)),
    ...section(3, vec(fns.map((_, i) => u32(i)))),
    ...section(5, vec([[0x00, ...u32(pages)]])),
    ...section(7, vec([[...name("memory"), 0x02, 0], ...fns.map((f, i) => [...name(f.name), 0x00, ...u32(i)])])),
    ...section(10, vec(bodies)),
  ]);
}

// The few WebAssembly APIs used here, typed locally: Node's @types do not declare the WebAssembly globals.
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}
const wasmApi = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;

/** A compiled kernel module: make instances with at least `bytes` of their own memory. */
export interface WasmKernel {
  instantiate(bytes: number): { memory: WasmMemory; exports: Record<string, unknown> };
}

/**
 * Compile hand-written kernels once. Null where the runtime has no WebAssembly or rejects the module
 * (e.g. no SIMD): callers keep a plain-JS path for that case.
 *
 * @example
 * const k = compileKernel([{ name: "noop", params: [], locals: [], body: [] }]);
 * const { exports } = k!.instantiate(1024);
 */
export function compileKernel(fns: readonly WasmFunction[]): WasmKernel | null {
  const bin = wasmModule(1, fns);
  if (!wasmApi || !wasmApi.validate(bin)) return null;
  const mod = new wasmApi.Module(bin);
  return {
    instantiate(bytes) {
      const inst = new wasmApi.Instance(mod, {});
      const memory = inst.exports.memory as WasmMemory;
      const need = Math.ceil(bytes / 65536) - memory.buffer.byteLength / 65536;
      if (need > 0) memory.grow(need);
      return { memory, exports: inst.exports };
    },
  };
}
