/**
 * Bilinear resize of a one-channel image (pixel centres aligned, edges clamped). Good for upsampling.
 *
 * @example
 * resizeBilinear(img8x8, 8, 8, 24, 24); // Float32Array(576)
 */
export function resizeBilinear(src: ArrayLike<number>, sw: number, sh: number, dw: number, dh: number): Float32Array {
  const out = new Float32Array(dw * dh);
  for (let y = 0; y < dh; y++) {
    const fy = Math.min(Math.max(((y + 0.5) * sh) / dh - 0.5, 0), sh - 1);
    const y0 = Math.floor(fy), y1 = Math.min(y0 + 1, sh - 1), ty = fy - y0;
    for (let x = 0; x < dw; x++) {
      const fx = Math.min(Math.max(((x + 0.5) * sw) / dw - 0.5, 0), sw - 1);
      const x0 = Math.floor(fx), x1 = Math.min(x0 + 1, sw - 1), tx = fx - x0;
      const top = src[y0 * sw + x0] * (1 - tx) + src[y0 * sw + x1] * tx;
      const bot = src[y1 * sw + x0] * (1 - tx) + src[y1 * sw + x1] * tx;
      out[y * dw + x] = top * (1 - ty) + bot * ty;
    }
  }
  return out;
}

/**
 * Area-average resize (each output pixel = mean of the source area it covers). Good for downsampling.
 *
 * @example
 * resizeArea(img280, 280, 280, 28, 28);
 */
export function resizeArea(src: ArrayLike<number>, sw: number, sh: number, dw: number, dh: number): Float32Array {
  const out = new Float32Array(dw * dh);
  const sx = sw / dw, sy = sh / dh;
  for (let y = 0; y < dh; y++) {
    const ya = y * sy, yb = ya + sy;
    for (let x = 0; x < dw; x++) {
      const xa = x * sx, xb = xa + sx;
      let sum = 0, area = 0;
      for (let j = Math.floor(ya); j < Math.min(Math.ceil(yb), sh); j++) {
        const wy = Math.min(yb, j + 1) - Math.max(ya, j);
        for (let i = Math.floor(xa); i < Math.min(Math.ceil(xb), sw); i++) {
          const w = wy * (Math.min(xb, i + 1) - Math.max(xa, i));
          sum += w * src[j * sw + i]; area += w;
        }
      }
      out[y * dw + x] = area > 0 ? sum / area : 0;
    }
  }
  return out;
}

/**
 * Resize choosing the right filter: area averaging when shrinking, bilinear when growing.
 *
 * @example
 * resizeImage(gray, w, h, 28, 28);
 */
export function resizeImage(src: ArrayLike<number>, sw: number, sh: number, dw: number, dh: number): Float32Array {
  return sw >= dw && sh >= dh ? resizeArea(src, sw, sh, dw, dh) : resizeBilinear(src, sw, sh, dw, dh);
}
