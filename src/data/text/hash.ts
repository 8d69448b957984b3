/**
 * The one hash of the text feature space: 32-bit FNV-1a over the UTF-8 bytes of a string.
 * Fixed and documented so the features can be reproduced outside this library (e.g. in Python:
 * `h = 0x811c9dc5; for b in s.encode("utf-8"): h = ((h ^ b) * 0x01000193) & 0xffffffff`).
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Feed one byte into an FNV-1a state. */
function step(h: number, byte: number): number {
  return Math.imul(h ^ byte, FNV_PRIME) >>> 0;
}

/** Feed one Unicode code point, as its UTF-8 bytes, into an FNV-1a state. */
export function fnv1aCodePoint(h: number, cp: number): number {
  if (cp < 0x80) return step(h, cp);
  if (cp < 0x800) return step(step(h, 0xc0 | (cp >> 6)), 0x80 | (cp & 0x3f));
  if (cp < 0x10000) return step(step(step(h, 0xe0 | (cp >> 12)), 0x80 | ((cp >> 6) & 0x3f)), 0x80 | (cp & 0x3f));
  return step(step(step(step(h, 0xf0 | (cp >> 18)), 0x80 | ((cp >> 12) & 0x3f)), 0x80 | ((cp >> 6) & 0x3f)), 0x80 | (cp & 0x3f));
}

/**
 * 32-bit FNV-1a of the UTF-8 encoding of `text` (unsigned).
 *
 * @example
 * fnv1a("");  // 2166136261 (0x811c9dc5)
 * fnv1a("a"); // 3826002220 (0xe40c292c)
 */
export function fnv1a(text: string): number {
  let h = FNV_OFFSET;
  for (const ch of text) h = fnv1aCodePoint(h, ch.codePointAt(0)!);
  return h;
}
