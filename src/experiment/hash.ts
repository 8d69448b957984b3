import { sha256Hex } from "../util/sha256";
import { createHash } from "node:crypto";
import { InvalidArgumentError } from "../util/errors";

/** Bytes of a typed array / DataView, without copying. */
function bytesOf(v: ArrayBufferView): Uint8Array {
  return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
}

/**
 * Canonical JSON: object keys sorted, no whitespace, `undefined` members dropped (as JSON does), −0 as 0.
 * Values JSON cannot represent are encoded so distinct values never collide: non-finite numbers as
 * {"$number":"NaN"}, bigints as {"$bigint":"…"}, typed arrays as {"$typed":"Float32Array","length":n,
 * "sha256":"…"} (hashed by content, so large weight buffers stay cheap). Functions, symbols and
 * cycles are errors.
 *
 * @example
 * canonicalJson({ b: 1, a: [1, 2] }); // '{"a":[1,2],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  const stack = new Set<object>();
  const enc = (v: unknown, path: string): string => {
    if (v === null) return "null";
    switch (typeof v) {
      case "string":
      case "boolean":
        return JSON.stringify(v);
      case "number":
        return Number.isFinite(v) ? JSON.stringify(v === 0 ? 0 : v) : `{"$number":"${v}"}`;
      case "bigint":
        return `{"$bigint":"${v}"}`;
      case "undefined":
        return "null"; // only reached inside arrays, like JSON.stringify
      case "object":
        break;
      default:
        throw new InvalidArgumentError(path, v, "JSON-like data (no functions or symbols)");
    }
    const o = v as object;
    if (ArrayBuffer.isView(o)) {
      const hash = createHash("sha256").update(bytesOf(o)).digest("hex");
      return `{"$typed":"${o.constructor.name}","length":${(o as unknown as { length?: number }).length ?? o.byteLength},"sha256":"${hash}"}`;
    }
    if (o instanceof ArrayBuffer) return enc(new Uint8Array(o), path);
    if (typeof (o as { toJSON?: unknown }).toJSON === "function")
      return enc((o as { toJSON(): unknown }).toJSON(), path);
    if (stack.has(o)) throw new InvalidArgumentError(path, "[circular]", "acyclic data");
    stack.add(o);
    let out: string;
    if (Array.isArray(o)) out = `[${o.map((x, i) => enc(x, `${path}[${i}]`)).join(",")}]`;
    else if (o instanceof Map || o instanceof Set)
      throw new InvalidArgumentError(path, o, "plain objects and arrays (convert Map/Set first)");
    else {
      const keys = Object.keys(o)
        .filter((k) => (o as Record<string, unknown>)[k] !== undefined)
        .sort();
      out = `{${keys.map((k) => `${JSON.stringify(k)}:${enc((o as Record<string, unknown>)[k], `${path}.${k}`)}`).join(",")}}`;
    }
    stack.delete(o);
    return out;
  };
  return enc(value, "value");
}

/**
 * sha256 (hex) of the canonical JSON of `value`: equal for deeply equal data whatever the key order,
 * different for any change, typed arrays compared by content and type.
 *
 * @example
 * stableHash({ lr: 0.01, task: "mnist" }) === stableHash({ task: "mnist", lr: 0.01 }); // true
 */
export function stableHash(value: unknown): string {
  return createHash("sha256").update(canonicalJson(value)).digest("hex");
}
