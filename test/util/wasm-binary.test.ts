import { it } from "node:test";
import assert from "node:assert/strict";
import { F32, I32, op, s32, u32, wasmModule } from "../../src/util/wasm-binary";

it("LEB128: unsigned and signed edge cases from the spec", () => {
  assert.deepEqual(u32(0), [0]);
  assert.deepEqual(u32(127), [0x7f]);
  assert.deepEqual(u32(128), [0x80, 0x01]);
  assert.deepEqual(u32(624485), [0xe5, 0x8e, 0x26]);
  assert.deepEqual(u32(0xe3), [0xe3, 0x01]); // f32x4.sqrt's opcode after the 0xfd prefix
  assert.deepEqual(s32(0), [0]);
  assert.deepEqual(s32(-1), [0x7f]);
  assert.deepEqual(s32(63), [0x3f]);
  assert.deepEqual(s32(64), [0xc0, 0x00]);
  assert.deepEqual(s32(-64), [0x40]);
  assert.deepEqual(s32(-65), [0xbf, 0x7f]);
  assert.deepEqual(s32(-123456), [0xc0, 0xbb, 0x78]);
});

it("a hand-written module validates, instantiates, exports its memory and runs", () => {
  // store(p, x): f32x4.splat(x) written to memory at p
  const bytes = wasmModule(1, [
    {
      name: "fill4",
      params: [I32, F32],
      locals: [],
      body: [...op.get(0), ...op.get(1), ...op.f32x4Splat, ...op.v128Store],
    },
  ]);
  const W = (
    globalThis as unknown as {
      WebAssembly: {
        validate(b: Uint8Array): boolean;
        Module: new (b: Uint8Array) => object;
        Instance: new (m: object, i: object) => { exports: Record<string, unknown> };
      };
    }
  ).WebAssembly;
  assert.ok(W.validate(bytes));
  const inst = new W.Instance(new W.Module(bytes), {});
  const mem = inst.exports.memory as { buffer: ArrayBuffer };
  (inst.exports.fill4 as (p: number, x: number) => void)(16, 2.5);
  assert.deepEqual([...new Float32Array(mem.buffer, 12, 6)], [0, 2.5, 2.5, 2.5, 2.5, 0]);
  assert.equal(mem.buffer.byteLength, 65536);
});
