import * as zlib from "zlib";
import { InvalidArgumentError } from "../../util/errors";

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 as PNG chunks use it. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), Buffer.from(data)])), 0);
  return Buffer.concat([head, Buffer.from(data), crc]);
}

/**
 * Encode an 8-bit image as PNG (color type 0 gray, 2 RGB or 6 RGBA by `channels`), filter type chosen per
 * row among None/Sub/Up so the decoder's unfiltering is exercised.
 *
 * @example
 * fs.writeFileSync("grid.png", encodePng(bytes, 280, 280));
 */
export function encodePng(pixels: Uint8Array, width: number, height: number, channels: 1 | 3 | 4 = 1): Buffer {
  if (pixels.length !== width * height * channels) throw new InvalidArgumentError("pixels.length", pixels.length, `${width}×${height}×${channels} = ${width * height * channels}`);
  const stride = width * channels;
  const raw = new Uint8Array(height * (stride + 1));
  for (let y = 0; y < height; y++) {
    const filter = y % 3; // 0 None, 1 Sub, 2 Up
    raw[y * (stride + 1)] = filter;
    for (let i = 0; i < stride; i++) {
      const v = pixels[y * stride + i];
      const left = i >= channels ? pixels[y * stride + i - channels] : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + i] : 0;
      raw[y * (stride + 1) + 1 + i] = (v - (filter === 1 ? left : filter === 2 ? up : 0)) & 0xff;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0); ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; ihdr[9] = channels === 1 ? 0 : channels === 3 ? 2 : 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([sig, chunk("IHDR", ihdr), chunk("IDAT", zlib.deflateSync(raw)), chunk("IEND", new Uint8Array(0))]);
}

/**
 * Tile 28×28 byte images into one grid image (for looking at a dataset).
 *
 * @example
 * const { pixels, width, height } = imageGrid(split.x, 10, 10);
 */
export function imageGrid(x: Uint8Array, cols: number, rows: number, side = 28): { pixels: Uint8Array; width: number; height: number } {
  const width = cols * (side + 1), height = rows * (side + 1);
  const pixels = new Uint8Array(width * height).fill(64);
  for (let k = 0; k < Math.min(cols * rows, x.length / (side * side)); k++) {
    const ox = (k % cols) * (side + 1), oy = Math.floor(k / cols) * (side + 1);
    for (let y = 0; y < side; y++) for (let i = 0; i < side; i++) pixels[(oy + y) * width + ox + i] = x[k * side * side + y * side + i];
  }
  return { pixels, width, height };
}
