import { CorruptFileError } from "../../util/errors";
import { checkImageSize, DecodedImage } from "./png";

/**
 * Decode a binary (P5) or ASCII (P2) PGM with maxval ≤ 65535 into 8-bit grayscale.
 *
 * @example
 * decodePgm(fs.readFileSync("digit.pgm")).width;
 */
export function decodePgm(buf: Uint8Array, file = "PGM"): DecodedImage {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  const magic = b.toString("latin1", 0, 2);
  if (magic !== "P5" && magic !== "P2") throw new CorruptFileError(file, `PGM magic ${JSON.stringify(magic)}, expected "P5" or "P2"`);
  // Header: magic, width, height, maxval separated by whitespace and # comments.
  let o = 2;
  const nums: number[] = [];
  while (nums.length < 3) {
    while (o < b.length && /\s/.test(String.fromCharCode(b[o]))) o++;
    if (b[o] === 0x23) { while (o < b.length && b[o] !== 0x0a) o++; continue; }
    let s = "";
    while (o < b.length && /[0-9]/.test(String.fromCharCode(b[o]))) s += String.fromCharCode(b[o++]);
    if (!s) throw new CorruptFileError(file, "PGM header is incomplete");
    nums.push(Number(s));
  }
  const [width, height, maxval] = nums;
  if (!(width > 0 && height > 0 && maxval > 0 && maxval < 65536)) throw new CorruptFileError(file, `PGM header ${width}×${height}, maxval ${maxval} is invalid`);
  checkImageSize(file, width, height);   // before allocating width × height bytes
  const out = new Uint8Array(width * height);
  if (magic === "P5") {
    o++; // the single whitespace after maxval
    const bpp = maxval > 255 ? 2 : 1;
    if (b.length < o + width * height * bpp) throw new CorruptFileError(file, `PGM pixel data is truncated (${b.length - o} bytes, expected ${width * height * bpp})`);
    for (let i = 0; i < width * height; i++) out[i] = Math.round(((bpp === 2 ? b.readUInt16BE(o + 2 * i) : b[o + i]) * 255) / maxval);
  } else {
    const vals = b.toString("latin1", o).split(/\s+/).filter((s) => s !== "").map(Number);
    if (vals.length < width * height) throw new CorruptFileError(file, `PGM has ${vals.length} pixel values, expected ${width * height}`);
    for (let i = 0; i < width * height; i++) out[i] = Math.round((vals[i] * 255) / maxval);
  }
  return { width, height, channels: 1, data: out };
}
