import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { CorruptFileError, InvalidArgumentError, LayoutMismatchError } from "../util/errors";
import { ParamLayout } from "./layout";
import { ParamVector } from "./param-vector";

/**
 * ParamVectors as **safetensors** files (https://github.com/huggingface/safetensors), so Python tools
 * (`safetensors.numpy.load_file`, `torch`) read our models unchanged:
 * 8-byte little-endian header length N, N bytes of JSON header padded with spaces to a multiple of 8,
 * then the little-endian float32 data of every tensor, contiguous, in layout order.
 *
 * We add to `__metadata__` (string values only, as the format requires):
 * `format` = "merge-to-mix/params", `format_version` = "1", `layout` (names and shapes in order, JSON)
 * and `sha256` (hex digest of the data section). Loading verifies the checksum when present, so files
 * written by other tools (no checksum) still load unless `requireChecksum` is set.
 */

/** The `format` value we write in `__metadata__`. */
export const SAFETENSORS_FORMAT = "merge-to-mix/params";
/** The `format_version` we write; loading refuses newer versions. */
export const SAFETENSORS_FORMAT_VERSION = 1;
/** Metadata keys we own; user metadata may not use them. */
export const RESERVED_METADATA_KEYS: readonly string[] = ["format", "format_version", "layout", "sha256"];

// The reference implementation refuses headers above 100 MB; so do we (guards against garbage lengths).
const MAX_HEADER_BYTES = 100_000_000;
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Options for encoding or saving. */
export interface SaveOptions {
  /** User metadata: string keys and string values, stored in `__metadata__` and returned on load. */
  metadata?: Readonly<Record<string, string>>;
}

/** Options for decoding or loading. */
export interface LoadOptions {
  /** When given, the file's tensors must match it exactly (names, shapes, order) → else LayoutMismatchError. */
  expectedLayout?: ParamLayout;
  /** Refuse files without a `sha256` in their metadata (files written by other tools have none). */
  requireChecksum?: boolean;
}

/** What a load returns. */
export interface LoadedParams {
  params: ParamVector;
  /** The user metadata (reserved keys removed). */
  metadata: Record<string, string>;
  /** The data checksum stored in the file (verified), or undefined when the file had none. */
  sha256: string | undefined;
}

/**
 * Serialise a ParamVector to safetensors bytes.
 *
 * @example
 * const bytes = encodeSafetensors(params, { metadata: { task: "mnist" } });
 */
export function encodeSafetensors(params: ParamVector, options: SaveOptions = {}): Uint8Array {
  const user = checkUserMetadata(options.metadata);
  const data = float32ToBytes(params.data);
  const meta: Record<string, string> = {
    ...user,
    format: SAFETENSORS_FORMAT,
    format_version: String(SAFETENSORS_FORMAT_VERSION),
    layout: JSON.stringify(params.layout.toJSON()),
    sha256: sha256Hex(data),
  };
  // Build the JSON by hand: a tensor named "__proto__" must stay an ordinary key.
  const parts: string[] = [];
  for (const e of params.layout.entries) {
    const range = [e.offset * 4, (e.offset + e.size) * 4];
    parts.push(
      `${JSON.stringify(e.name)}:{"dtype":"F32","shape":${JSON.stringify(e.shape)},"data_offsets":${JSON.stringify(range)}}`,
    );
  }
  const metaJson =
    "{" +
    Object.keys(meta)
      .map((k) => `${JSON.stringify(k)}:${JSON.stringify(meta[k])}`)
      .join(",") +
    "}";
  let header = `{"__metadata__":${metaJson}${parts.length ? "," : ""}${parts.join(",")}}`;
  const headerBytes0 = Buffer.from(header, "utf8");
  // Pad with spaces so the data starts 8-byte aligned, as the reference writer does.
  const pad = (8 - (headerBytes0.length % 8)) % 8;
  header += " ".repeat(pad);
  const headerBytes = Buffer.from(header, "utf8");
  const out = new Uint8Array(8 + headerBytes.length + data.length);
  new DataView(out.buffer).setBigUint64(0, BigInt(headerBytes.length), true);
  out.set(headerBytes, 8);
  out.set(data, 8 + headerBytes.length);
  return out;
}

/**
 * Parse safetensors bytes into a ParamVector, checking structure, dtype, offsets and checksum.
 * Tensors are laid out in the order of our `layout` metadata when present, else by data offset.
 * `source` names the file in error messages.
 *
 * @example
 * const { params, metadata } = decodeSafetensors(bytes, "model.safetensors", { expectedLayout: layout });
 */
export function decodeSafetensors(bytes: Uint8Array, source = "<bytes>", options: LoadOptions = {}): LoadedParams {
  const fail = (problem: string): never => {
    throw new CorruptFileError(source, problem);
  };
  if (bytes.length < 8) fail(`truncated: ${bytes.length} bytes, expected at least 8 (the header length)`);
  const headerLen = Number(new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0, true));
  if (headerLen > MAX_HEADER_BYTES)
    fail(`header length ${headerLen} exceeds ${MAX_HEADER_BYTES} bytes (not a safetensors file?)`);
  if (8 + headerLen > bytes.length)
    fail(`truncated: header says ${headerLen} bytes but only ${bytes.length - 8} follow`);
  let header: unknown;
  try {
    header = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset + 8, headerLen).toString("utf8"));
  } catch (err) {
    fail(`bad header JSON: ${(err as Error).message}`);
  }
  if (header === null || typeof header !== "object" || Array.isArray(header))
    fail("bad header JSON: expected an object");
  const h = header as Record<string, unknown>;
  const dataStart = 8 + headerLen;
  const dataLen = bytes.length - dataStart;

  const rawMeta = Object.prototype.hasOwnProperty.call(h, "__metadata__") ? h.__metadata__ : {};
  if (rawMeta === null || typeof rawMeta !== "object" || Array.isArray(rawMeta))
    fail("bad header JSON: __metadata__ must be an object");
  const meta = rawMeta as Record<string, unknown>;
  for (const k of Object.keys(meta)) {
    if (typeof meta[k] !== "string") fail(`bad header JSON: __metadata__.${k} must be a string, got ${typeof meta[k]}`);
  }
  const m = meta as Record<string, string>;
  if (m.format === SAFETENSORS_FORMAT) {
    const v = Number(m.format_version);
    if (!Number.isInteger(v) || v < 1) fail(`bad format_version ${JSON.stringify(m.format_version)}`);
    if (v > SAFETENSORS_FORMAT_VERSION)
      fail(
        `format_version ${v} is newer than this library supports (${SAFETENSORS_FORMAT_VERSION}); upgrade merge-to-mix`,
      );
  }

  type Tensor = { name: string; shape: number[]; start: number; end: number };
  const tensors: Tensor[] = [];
  for (const name of Object.keys(h)) {
    if (name === "__metadata__") continue;
    const t = h[name] as Record<string, unknown> | null;
    if (t === null || typeof t !== "object") fail(`bad header JSON: tensor ${JSON.stringify(name)} is not an object`);
    const { dtype, shape, data_offsets: offs } = t as Record<string, unknown>;
    if (dtype !== "F32")
      fail(`wrong dtype for tensor ${JSON.stringify(name)}: ${JSON.stringify(dtype)}, expected "F32"`);
    if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0)) {
      fail(
        `bad header JSON: shape of ${JSON.stringify(name)} is ${JSON.stringify(shape)}, expected non-negative integers`,
      );
    }
    if (!Array.isArray(offs) || offs.length !== 2 || !offs.every((d) => Number.isInteger(d) && d >= 0)) {
      fail(
        `bad header JSON: data_offsets of ${JSON.stringify(name)} is ${JSON.stringify(offs)}, expected [start, end]`,
      );
    }
    const [start, end] = offs as number[];
    const count = (shape as number[]).reduce((a, b) => a * b, 1);
    if (end < start || end - start !== count * 4) {
      fail(
        `offsets out of range: tensor ${JSON.stringify(name)} has data_offsets [${start}, ${end}], expected ${count * 4} bytes for shape ${JSON.stringify(shape)}`,
      );
    }
    if (end > dataLen)
      fail(
        `offsets out of range (truncated?): tensor ${JSON.stringify(name)} ends at byte ${end} of a ${dataLen}-byte data section`,
      );
    tensors.push({ name, shape: shape as number[], start, end });
  }
  // The format requires the tensors to tile the data section exactly: no gaps, no overlaps.
  const byStart = tensors.slice().sort((a, b) => a.start - b.start || a.end - b.end);
  let at = 0;
  for (const t of byStart) {
    if (t.start !== at)
      fail(
        `offsets out of range: tensor ${JSON.stringify(t.name)} starts at byte ${t.start}, expected ${at} (gap or overlap)`,
      );
    at = t.end;
  }
  if (at !== dataLen) fail(`offsets out of range: tensors cover ${at} bytes but the data section has ${dataLen}`);

  const data = bytes.subarray(dataStart);
  const sha = m.sha256;
  if (sha !== undefined) {
    const actual = sha256Hex(data);
    if (actual !== sha) fail(`checksum mismatch: data sha256 is ${actual}, metadata says ${sha}`);
  } else if (options.requireChecksum) {
    fail("no sha256 in __metadata__ (requireChecksum is set)");
  }

  // Order: our layout metadata when present (JSON.parse reorders integer-like keys), else by offset.
  let ordered = byStart;
  if (m.layout !== undefined) {
    let stored: ParamLayout;
    try {
      stored = ParamLayout.fromJSON(JSON.parse(m.layout));
    } catch (err) {
      return fail(`bad layout metadata: ${(err as Error).message}`);
    }
    const byName = new Map(tensors.map((t) => [t.name, t]));
    if (stored.entries.length !== tensors.length)
      fail(`layout metadata lists ${stored.entries.length} tensors, header has ${tensors.length}`);
    ordered = stored.entries.map((e) => {
      const t = byName.get(e.name);
      if (!t || t.shape.length !== e.shape.length || t.shape.some((d, i) => d !== e.shape[i])) {
        return fail(`layout metadata disagrees with the header at tensor ${JSON.stringify(e.name)}`);
      }
      return t;
    });
  }
  const layout = ParamLayout.fromShapes(ordered.map((t) => [t.name, t.shape] as const));
  if (options.expectedLayout) {
    const diff = options.expectedLayout.firstDifference(layout);
    if (diff !== undefined) throw new LayoutMismatchError(`${source}: layout does not match the expected one: ${diff}`);
  }
  const out = new Float32Array(layout.size);
  ordered.forEach((t, i) => bytesToFloat32(data.subarray(t.start, t.end), out, layout.entries[i].offset));

  const metadata: Record<string, string> = {};
  for (const k of Object.keys(m)) if (!RESERVED_METADATA_KEYS.includes(k)) metadata[k] = m[k];
  return { params: new ParamVector(layout, out), metadata, sha256: sha };
}

/**
 * Save `params` to `file` as safetensors, atomically (temp file in the same folder, then rename):
 * a crash never leaves a half-written file under the final name. Creates the parent folder.
 *
 * @example
 * saveParamsSync("runs/x/models/mnist.safetensors", params, { metadata: { task: "mnist", seed: "1" } });
 */
export function saveParamsSync(file: string, params: ParamVector, options: SaveOptions = {}): void {
  const bytes = encodeSafetensors(params, options);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = tempName(file);
  try {
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, file);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}

/**
 * Async form of {@link saveParamsSync}.
 *
 * @example
 * await saveParams("model.safetensors", params);
 */
export async function saveParams(file: string, params: ParamVector, options: SaveOptions = {}): Promise<void> {
  const bytes = encodeSafetensors(params, options);
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const tmp = tempName(file);
  try {
    await fs.promises.writeFile(tmp, bytes);
    await fs.promises.rename(tmp, file);
  } catch (err) {
    await fs.promises.rm(tmp, { force: true });
    throw err;
  }
}

/**
 * Load a safetensors file into a ParamVector (see {@link decodeSafetensors} for the checks).
 *
 * @example
 * const { params, metadata } = loadParamsSync("model.safetensors", { expectedLayout: model.layout });
 */
export function loadParamsSync(file: string, options: LoadOptions = {}): LoadedParams {
  return decodeSafetensors(fs.readFileSync(file), file, options);
}

/**
 * Async form of {@link loadParamsSync}.
 *
 * @example
 * const { params } = await loadParams("model.safetensors");
 */
export async function loadParams(file: string, options: LoadOptions = {}): Promise<LoadedParams> {
  return decodeSafetensors(await fs.promises.readFile(file), file, options);
}

function checkUserMetadata(metadata: Readonly<Record<string, string>> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (metadata === undefined) return out;
  if (metadata === null || typeof metadata !== "object")
    throw new InvalidArgumentError("metadata", metadata, "an object of string values");
  for (const k of Object.keys(metadata)) {
    if (RESERVED_METADATA_KEYS.includes(k))
      throw new InvalidArgumentError(
        "metadata key",
        k,
        `a key other than the reserved ${RESERVED_METADATA_KEYS.join(", ")}`,
      );
    if (typeof metadata[k] !== "string")
      throw new InvalidArgumentError(
        `metadata.${k}`,
        metadata[k],
        "a string (safetensors metadata values are strings)",
      );
    out[k] = metadata[k];
  }
  return out;
}

let tempCounter = 0;

// Unique per process and call, so concurrent saves (async, or worker processes) never share a temp file.
function tempName(file: string): string {
  tempCounter = (tempCounter + 1) % 1e9;
  return path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}.${Date.now().toString(36)}.${tempCounter}.tmp`,
  );
}

function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function float32ToBytes(a: Float32Array): Uint8Array {
  if (LITTLE_ENDIAN) return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const out = new Uint8Array(a.length * 4);
  const dv = new DataView(out.buffer);
  for (let i = 0; i < a.length; i++) dv.setFloat32(i * 4, a[i], true);
  return out;
}

function bytesToFloat32(src: Uint8Array, out: Float32Array, offset: number): void {
  // Copy through bytes: the source may not be 4-byte aligned (pooled Buffers).
  if (LITTLE_ENDIAN) {
    new Uint8Array(out.buffer, out.byteOffset + offset * 4, src.length).set(src);
    return;
  }
  const dv = new DataView(src.buffer, src.byteOffset, src.length);
  for (let i = 0; i < src.length / 4; i++) out[offset + i] = dv.getFloat32(i * 4, true);
}
