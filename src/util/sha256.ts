import { createHash } from "crypto";

/**
 * Hex sha256 of bytes or a UTF-8 string.
 *
 * @example
 * sha256Hex(new Uint8Array([1, 2, 3])); // "039058c6…"
 */
export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}
