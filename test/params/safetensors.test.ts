import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
  ParamLayout,
  ParamVector,
  decodeSafetensors,
  encodeSafetensors,
  loadParams,
  loadParamsSync,
  saveParams,
  saveParamsSync,
} from "../../src/params";
import { Rng } from "../../src/util/rng";

const layout = ParamLayout.fromShapes([
  ["encoder/dense/kernel", [16, 8]],
  ["encoder/dense/bias", [8]],
  ["empty", [0]],
  ["head/kernel", [8, 3]],
]);

function randomVector(l: ParamLayout, seed: number): ParamVector {
  const rng = new Rng(seed);
  const v = ParamVector.zeros(l);
  for (let i = 0; i < v.size; i++) v.data[i] = rng.normal();
  return v;
}

function tmpDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "m2m-st-"));
}

/** Build a safetensors file by hand, the way the reference writer lays it out. */
function handFile(header: object, data: Float32Array): Uint8Array {
  let json = JSON.stringify(header);
  json += " ".repeat((8 - (json.length % 8)) % 8);
  const out = new Uint8Array(8 + json.length + data.byteLength);
  new DataView(out.buffer).setBigUint64(0, BigInt(json.length), true);
  out.set(Buffer.from(json, "utf8"), 8);
  out.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), 8 + json.length);
  return out;
}

test("save/load round-trips layout, values and user metadata, leaving no temp file", () => {
  const dir = tmpDir();
  const file = path.join(dir, "sub", "model.safetensors");
  const v = randomVector(layout, 1);
  saveParamsSync(file, v, { metadata: { task: "mnist", seed: "7", note: "ünïcode ✓" } });
  const { params, metadata, sha256 } = loadParamsSync(file, { expectedLayout: layout, requireChecksum: true });
  assert.ok(params.layout.equals(layout));
  assert.deepEqual(Array.from(params.data), Array.from(v.data));
  assert.deepEqual(metadata, { task: "mnist", seed: "7", note: "ünïcode ✓" });
  assert.match(sha256!, /^[0-9a-f]{64}$/);
  assert.deepEqual(fs.readdirSync(path.dirname(file)), ["model.safetensors"]);
  // Overwriting replaces the file in place.
  saveParamsSync(file, randomVector(layout, 2));
  assert.notDeepEqual(Array.from(loadParamsSync(file).params.data), Array.from(v.data));
  fs.rmSync(dir, { recursive: true });
});

test("async save/load round-trips", async () => {
  const dir = tmpDir();
  const file = path.join(dir, "a.safetensors");
  const v = randomVector(layout, 3);
  await saveParams(file, v, { metadata: { k: "v" } });
  const { params, metadata } = await loadParams(file);
  assert.deepEqual(Array.from(params.data), Array.from(v.data));
  assert.deepEqual(metadata, { k: "v" });
  fs.rmSync(dir, { recursive: true });
});

test("the bytes follow the safetensors format (what Python's safetensors reads)", () => {
  const v = randomVector(layout, 4);
  const bytes = encodeSafetensors(v);
  const n = Number(new DataView(bytes.buffer, bytes.byteOffset).getBigUint64(0, true));
  assert.equal((8 + n) % 8, 0, "data starts 8-byte aligned");
  const header = JSON.parse(Buffer.from(bytes.subarray(8, 8 + n)).toString("utf8"));
  assert.deepEqual(header["encoder/dense/bias"], { dtype: "F32", shape: [8], data_offsets: [512, 544] });
  assert.deepEqual(header["empty"], { dtype: "F32", shape: [0], data_offsets: [544, 544] });
  const data = bytes.subarray(8 + n);
  assert.equal(data.length, v.size * 4);
  assert.equal(header.__metadata__.sha256, createHash("sha256").update(data).digest("hex"));
  assert.equal(header.__metadata__.format_version, "1");
  assert.deepEqual(JSON.parse(header.__metadata__.layout), layout.toJSON());
  const dv = new DataView(data.buffer, data.byteOffset);
  assert.equal(dv.getFloat32(512 + 4 * 3, true), v.view("encoder/dense/bias")[3]);
});

test("files from other writers load: no metadata, keys not in data order", () => {
  // "b" comes first in the data but JSON key order is alphabetical, as Python writes it.
  const bytes = handFile(
    { a: { dtype: "F32", shape: [2], data_offsets: [12, 20] }, b: { dtype: "F32", shape: [3], data_offsets: [0, 12] } },
    Float32Array.from([1, 2, 3, 4, 5]),
  );
  const { params, metadata, sha256 } = decodeSafetensors(bytes);
  assert.deepEqual(params.layout.toJSON(), [
    { name: "b", shape: [3] },
    { name: "a", shape: [2] },
  ]);
  assert.deepEqual(Array.from(params.view("a")), [4, 5]);
  assert.deepEqual(metadata, {});
  assert.equal(sha256, undefined);
  assert.throws(() => decodeSafetensors(bytes, "x.safetensors", { requireChecksum: true }), {
    name: "CorruptFileError",
    message: /no sha256/,
  });
});

test("odd tensor names keep their order: integer-like keys and __proto__", () => {
  const l = ParamLayout.fromShapes([
    ["10", [1]],
    ["2", [2]],
    ["__proto__", [1]],
    ["constructor", [1]],
  ]);
  const v = randomVector(l, 5);
  const back = decodeSafetensors(encodeSafetensors(v)).params;
  assert.ok(back.layout.equals(l));
  assert.deepEqual(Array.from(back.data), Array.from(v.data));
});

test("corrupt files raise CorruptFileError naming the file and the problem", () => {
  const good = encodeSafetensors(randomVector(layout, 6));
  const n = Number(new DataView(good.buffer).getBigUint64(0, true));
  const cases: Array<[string, Uint8Array, RegExp]> = [
    ["tiny", good.subarray(0, 5), /truncated: 5 bytes/],
    ["cut header", good.subarray(0, 8 + n - 3), /truncated: header says/],
    ["cut data", good.subarray(0, good.length - 4), /offsets out of range|truncated/],
    ["garbage length", Uint8Array.from([255, 255, 255, 255, 255, 255, 255, 0, 1]), /header length/],
  ];
  const badJson = good.slice();
  badJson[8] = "[".charCodeAt(0);
  cases.push(["bad json", badJson, /bad header JSON/]);
  const flipped = good.slice();
  flipped[flipped.length - 1] ^= 1;
  cases.push(["flipped byte", flipped, /checksum mismatch/]);
  const f64 = handFile({ w: { dtype: "F64", shape: [1], data_offsets: [0, 8] } }, new Float32Array(2));
  cases.push(["f64", f64, /wrong dtype for tensor "w": "F64", expected "F32"/]);
  const wrongSize = handFile({ w: { dtype: "F32", shape: [3], data_offsets: [0, 8] } }, new Float32Array(2));
  cases.push(["size", wrongSize, /offsets out of range/]);
  const beyond = handFile({ w: { dtype: "F32", shape: [2], data_offsets: [4, 12] } }, new Float32Array(2));
  cases.push(["beyond", beyond, /offsets out of range/]);
  const gap = handFile({ w: { dtype: "F32", shape: [1], data_offsets: [4, 8] } }, new Float32Array(2));
  cases.push(["gap", gap, /gap or overlap/]);
  const metaNum = handFile(
    { __metadata__: { a: 1 }, w: { dtype: "F32", shape: [1], data_offsets: [0, 4] } },
    new Float32Array(1),
  );
  cases.push(["meta", metaNum, /__metadata__.a must be a string/]);
  const future = handFile(
    {
      __metadata__: { format: "merge-to-mix/params", format_version: "2" },
      w: { dtype: "F32", shape: [1], data_offsets: [0, 4] },
    },
    new Float32Array(1),
  );
  cases.push(["future", future, /format_version 2 is newer/]);
  for (const [label, bytes, problem] of cases) {
    assert.throws(
      () => decodeSafetensors(bytes, `/runs/${label}.safetensors`),
      (err: Error) => {
        assert.equal(err.name, "CorruptFileError", label);
        assert.match(err.message, new RegExp(`^/runs/${label}\\.safetensors: `), label);
        assert.match(err.message, problem, `${label}: ${err.message}`);
        return true;
      },
    );
  }
});

test("a layout that differs from the expected one raises LayoutMismatchError naming the file", () => {
  const dir = tmpDir();
  const file = path.join(dir, "m.safetensors");
  saveParamsSync(file, randomVector(layout, 7));
  const other = ParamLayout.fromShapes([
    ["encoder/dense/kernel", [16, 4]],
    ["encoder/dense/bias", [8]],
  ]);
  assert.throws(() => loadParamsSync(file, { expectedLayout: other }), {
    name: "LayoutMismatchError",
    message: new RegExp(
      `${file.replace(/[.]/g, "\\.")}: .*encoder/dense/kernel has shape \\[16,8\\], expected \\[16,4\\]`,
    ),
  });
  fs.rmSync(dir, { recursive: true });
});

test("bad user metadata is refused before anything is written", () => {
  const dir = tmpDir();
  const file = path.join(dir, "m.safetensors");
  const v = randomVector(layout, 8);
  assert.throws(() => saveParamsSync(file, v, { metadata: { sha256: "x" } }), {
    name: "InvalidArgumentError",
    message: /reserved/,
  });
  assert.throws(() => saveParamsSync(file, v, { metadata: { n: 3 as unknown as string } }), {
    name: "InvalidArgumentError",
    message: /metadata\.n = 3/,
  });
  assert.deepEqual(fs.readdirSync(dir), []);
  fs.rmSync(dir, { recursive: true });
});
