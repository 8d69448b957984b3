import * as zlib from "zlib";
import { CorruptFileError } from "../../util/errors";

/** A decoded image: `channels` bytes per pixel, row-major. */
export interface DecodedImage {
  readonly width: number;
  readonly height: number;
  readonly channels: number;
  readonly data: Uint8Array;
}

/** The largest image a user dataset may hold: 4096 × 4096 pixels (it is resized to 28 × 28 anyway). */
export const MAX_IMAGE_PIXELS = 4096 * 4096;

/**
 * Check an image header's size before anything is allocated: at least 1 × 1 (a 0 × 0 image would become a
 * NaN feature) and at most {@link MAX_IMAGE_PIXELS} (a forged header would ask for terabytes).
 *
 * @example
 * checkImageSize("cat.png", 32, 32);
 * @throws CorruptFileError naming the file, the size and the limit.
 */
export function checkImageSize(file: string, width: number, height: number): void {
  if (!(Number.isInteger(width) && Number.isInteger(height) && width >= 1 && height >= 1)) throw new CorruptFileError(file, `image size ${width}×${height}; expected at least 1×1 pixels`);
  if (width * height > MAX_IMAGE_PIXELS) throw new CorruptFileError(file, `image size ${width}×${height} (${width * height} pixels); expected at most ${MAX_IMAGE_PIXELS} pixels (4096×4096)`);
}

/**
 * Decode a PNG: 8-bit grayscale, gray+alpha, RGB or RGBA, non-interlaced (zlib inflate + unfilter).
 * Anything else (palette, 16-bit, interlaced) gets a CorruptFileError saying so.
 *
 * @example
 * const img = decodePng(fs.readFileSync("cat.png"), "cat.png"); img.width;
 */
export function decodePng(buf: Uint8Array, file = "PNG"): DecodedImage {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (b.length < 8 || sig.some((v, i) => b[i] !== v)) throw new CorruptFileError(file, "not a PNG (bad signature)");
  let o = 8, width = 0, height = 0, channels = 0;
  const idat: Buffer[] = [];
  while (o + 8 <= b.length) {
    const len = b.readUInt32BE(o), type = b.toString("latin1", o + 4, o + 8);
    if (o + 12 + len > b.length) throw new CorruptFileError(file, `chunk ${type} is truncated`);
    const data = b.subarray(o + 8, o + 8 + len);
    if (type === "IHDR") {
      if (data.length < 13) throw new CorruptFileError(file, `IHDR chunk has ${data.length} bytes, expected 13`);
      width = data.readUInt32BE(0); height = data.readUInt32BE(4);
      checkImageSize(file, width, height);
      const depth = data[8], color = data[9], interlace = data[12];
      const ch: Record<number, number> = { 0: 1, 4: 2, 2: 3, 6: 4 };
      if (depth !== 8 || !(color in ch)) throw new CorruptFileError(file, `PNG bit depth ${depth}, color type ${color} is not supported (need 8-bit gray, gray+alpha, RGB or RGBA; convert palette/16-bit images first)`);
      if (interlace !== 0) throw new CorruptFileError(file, "interlaced PNG is not supported (save it non-interlaced)");
      channels = ch[color];
    } else if (type === "IDAT") idat.push(data);
    else if (type === "IEND") break;
    o += 12 + len;
  }
  if (!channels || idat.length === 0) throw new CorruptFileError(file, "PNG without IHDR or IDAT");
  let raw: Buffer;
  try { raw = zlib.inflateSync(Buffer.concat(idat)); } catch (e) { throw new CorruptFileError(file, "PNG image data does not inflate", { cause: e }); }
  const stride = width * channels;
  if (raw.length < height * (stride + 1)) throw new CorruptFileError(file, `PNG image data has ${raw.length} bytes, expected ${height * (stride + 1)}`);
  const out = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)];
    const src = y * (stride + 1) + 1, dst = y * stride;
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? out[dst + i - channels] : 0;
      const up = y > 0 ? out[dst - stride + i] : 0;
      const c = y > 0 && i >= channels ? out[dst - stride + i - channels] : 0;
      let p: number;
      switch (f) {
        case 0: p = 0; break;
        case 1: p = a; break;
        case 2: p = up; break;
        case 3: p = (a + up) >> 1; break;
        case 4: { const q = a + up - c, pa = Math.abs(q - a), pb = Math.abs(q - up), pc = Math.abs(q - c); p = pa <= pb && pa <= pc ? a : pb <= pc ? up : c; break; }
        default: throw new CorruptFileError(file, `row ${y} has unknown PNG filter ${f}`);
      }
      out[dst + i] = (raw[src + i] + p) & 0xff;
    }
  }
  return { width, height, channels, data: out };
}
