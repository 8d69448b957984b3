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
    if ((n === 0 && !(b & 0x40)) || (n === -1 && b & 0x40)) { out.push(b); return out; }
    out.push(b | 0x80);
  }
}

/** A length-prefixed vector of already-encoded items. */
export const vec = (items: readonly number[][]): number[] => [...u32(items.length), ...items.flat()];
const name = (s: string): number[] => { const b = [...Buffer.from(s, "utf8")]; return [...u32(b.length), ...b]; };
const section = (id: number, body: number[]): number[] => [id, ...u32(body.length), ...body];

export const I32 = 0x7f, F32 = 0x7d, V128 = 0x7b;

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
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec(types)),
    ...section(3, vec(fns.map((_, i) => u32(i)))),
    ...section(5, vec([[0x00, ...u32(pages)]])),
    ...section(7, vec([[...name("memory"), 0x02, 0], ...fns.map((f, i) => [...name(f.name), 0x00, ...u32(i)])])),
    ...section(10, vec(bodies)),
  ]);
}
