import * as fs from "fs";
import * as zlib from "zlib";
import { CorruptFileError } from "../util/errors";

/**
 * Read an IDX file (MNIST format), gzipped or raw: images (magic 2051) or labels (magic 2049).
 * Returns the payload bytes and the dimensions after the count.
 *
 * @example
 * const { data, count, dims } = readIdx("t10k-images-idx3-ubyte"); // dims = [28, 28]
 */
export function readIdx(file: string): { data: Uint8Array; count: number; dims: number[] } {
  let buf: Buffer = fs.readFileSync(file);
  if (buf[0] === 0x1f && buf[1] === 0x8b) buf = zlib.gunzipSync(buf);
  if (buf.length < 8) throw new CorruptFileError(file, `IDX file of ${buf.length} bytes is too short`);
  const magic = buf.readUInt32BE(0);
  const ndim = magic & 0xff;
  if ((magic >>> 8) !== 0x08 || ndim < 1 || ndim > 3) throw new CorruptFileError(file, `IDX magic ${magic} is not an unsigned-byte IDX (2049 or 2051)`);
  const count = buf.readUInt32BE(4);
  const dims: number[] = [];
  for (let d = 1; d < ndim; d++) dims.push(buf.readUInt32BE(4 + 4 * d));
  const header = 4 + 4 * ndim;
  const size = count * dims.reduce((a, b) => a * b, 1);
  if (buf.length !== header + size) throw new CorruptFileError(file, `IDX payload has ${buf.length - header} bytes, expected ${size}`);
  return { data: new Uint8Array(buf.buffer, buf.byteOffset + header, size), count, dims };
}
