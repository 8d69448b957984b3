import { Rng } from "../../util/rng";
import { Stroke } from "./hershey-fonts";

/** Random style of one rendered glyph. */
export interface StrokeStyle {
  /** Degrees. */
  rotation: number;
  shear: number;
  /** Horizontal stretch relative to vertical. */
  aspect: number;
  /** Size of the glyph's longer side in pixels. */
  size: number;
  /** Stroke width in pixels. */
  width: number;
  /** Smooth wobble amplitude in pixels. */
  jitter: number;
  shiftX: number;
  shiftY: number;
  /** Peak ink in (0, 1]. */
  ink: number;
}

/**
 * Draw a handwriting-like style: rotation ±12°, shear ±0.3, aspect 0.8–1.2, size 16–21 px,
 * width 1.2–2.8 px, wobble up to 0.8 px, shift ±1.5 px, ink 0.85–1.
 *
 * @example
 * const style = randomStrokeStyle(new Rng(1));
 */
export function randomStrokeStyle(rng: Rng): StrokeStyle {
  const u = (a: number, b: number) => a + (b - a) * rng.next();
  return { rotation: u(-12, 12), shear: u(-0.3, 0.3), aspect: u(0.8, 1.2), size: u(16, 21), width: u(1.2, 2.8), jitter: u(0, 0.8), shiftX: u(-1.5, 1.5), shiftY: u(-1.5, 1.5), ink: u(0.85, 1) };
}

/**
 * Rasterise strokes into a side×side image in [0, 1] with anti-aliased thick lines (coverage from the
 * distance to each segment). The glyph is fitted to `style.size`, transformed (shear, aspect, rotation),
 * wobbled by a smooth random field (from `rng`) and centred.
 *
 * @example
 * const img = rasterizeStrokes(hersheyDigits("futural")[3], randomStrokeStyle(rng), rng); // Float32Array(784)
 */
export function rasterizeStrokes(strokes: readonly Stroke[], style: StrokeStyle, rng: Rng, side = 28): Float32Array {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const s of strokes) for (const [x, y] of s) { minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y); }
  const img = new Float32Array(side * side);
  if (!Number.isFinite(minX)) return img;
  const cx = (minX + maxX) / 2, cy = (minY + maxY) / 2;
  const scale = style.size / Math.max(maxX - minX, maxY - minY, 1e-6);
  const th = (style.rotation * Math.PI) / 180, cos = Math.cos(th), sin = Math.sin(th);
  // Smooth wobble: two low-frequency sinusoids per axis with random phases.
  const ph = [0, 1, 2, 3].map(() => rng.next() * 2 * Math.PI);
  const fq = [0, 1].map(() => 0.15 + 0.2 * rng.next());
  const map = (x: number, y: number): [number, number] => {
    let u = (x - cx) * scale, v = (y - cy) * scale;
    u = (u + style.shear * v) * style.aspect;
    const ru = cos * u - sin * v, rv = sin * u + cos * v;
    const wx = style.jitter * Math.sin(fq[0] * rv + ph[0]) + 0.5 * style.jitter * Math.sin(fq[1] * ru + ph[1]);
    const wy = style.jitter * Math.sin(fq[1] * ru + ph[2]) + 0.5 * style.jitter * Math.sin(fq[0] * rv + ph[3]);
    return [side / 2 + style.shiftX + ru + wx, side / 2 + style.shiftY + rv + wy];
  };
  const r = style.width / 2;
  for (const s of strokes) {
    // Subdivide so the wobble bends long segments.
    const pts: Array<[number, number]> = [];
    for (let i = 0; i < s.length; i++) {
      if (i > 0) {
        const [x0, y0] = s[i - 1], [x1, y1] = s[i];
        const steps = Math.max(1, Math.ceil((Math.hypot(x1 - x0, y1 - y0) * scale) / 2));
        for (let k = 1; k < steps; k++) pts.push(map(x0 + ((x1 - x0) * k) / steps, y0 + ((y1 - y0) * k) / steps));
      }
      pts.push(map(s[i][0], s[i][1]));
    }
    if (pts.length === 1) pts.push(pts[0]);
    for (let i = 1; i < pts.length; i++) drawSegment(img, side, pts[i - 1], pts[i], r, style.ink);
  }
  return img;
}

function drawSegment(img: Float32Array, side: number, a: [number, number], b: [number, number], r: number, ink: number): void {
  const x0 = Math.max(0, Math.floor(Math.min(a[0], b[0]) - r - 1)), x1 = Math.min(side - 1, Math.ceil(Math.max(a[0], b[0]) + r + 1));
  const y0 = Math.max(0, Math.floor(Math.min(a[1], b[1]) - r - 1)), y1 = Math.min(side - 1, Math.ceil(Math.max(a[1], b[1]) + r + 1));
  const dx = b[0] - a[0], dy = b[1] - a[1], len2 = dx * dx + dy * dy;
  for (let py = y0; py <= y1; py++) {
    for (let px = x0; px <= x1; px++) {
      const qx = px + 0.5 - a[0], qy = py + 0.5 - a[1];
      const t = len2 > 0 ? Math.min(1, Math.max(0, (qx * dx + qy * dy) / len2)) : 0;
      const d = Math.hypot(qx - t * dx, qy - t * dy);
      // Coverage of a pixel by a line of radius r: linear ramp over one pixel around the edge.
      const c = Math.min(1, Math.max(0, r + 0.5 - d)) * ink;
      const k = py * side + px;
      if (c > img[k]) img[k] = c;
    }
  }
}
