import { InvalidArgumentError } from "../../util/errors";
import { Rng } from "../../util/rng";
import { quickdrawCategories, readQuickdrawCategory } from "./quickdraw";
import { QUICKDRAW_GROUPS } from "./qd-groups";

/**
 * Quick, Draw! categories never used for pretraining: every category of every group defined in
 * qd-groups.ts (the four vision8 groups and the spare QD-Food), 50 in all.
 */
export const PRETRAIN_EXCLUDED_CATEGORIES: readonly string[] = QUICKDRAW_GROUPS.reduce<string[]>((a, g) => a.concat(g.categories), []);

/**
 * The categories pretraining uses: all 345 Quick, Draw! categories minus the excluded ones (295), sorted.
 *
 * @example
 * pretrainCategories().length; // 295
 */
export function pretrainCategories(): string[] {
  const excluded = new Set(PRETRAIN_EXCLUDED_CATEGORIES);
  return quickdrawCategories().filter((c) => !excluded.has(c)).sort();
}

/** Pretraining data for the vision base model. */
export interface VisionPretrainData {
  /** n × 784 floats in [0, 1]. */
  readonly x: Float32Array;
  readonly y: Int32Array;
  readonly n: number;
  readonly numClasses: number;
  readonly categories: readonly string[];
  readonly inputShape: readonly number[];
}

/**
 * Copy a 28×28 image shifted by (dx, dy) pixels (right/down positive), zero-filled where it moves in.
 *
 * @example
 * shiftImage(img, 0, 1, 1, out);   // one pixel right and one down, written into out[0 … 783]
 */
function shiftImage(x: Float32Array, index: number, dx: number, dy: number, out: Float32Array, outIndex = index): void {
  const src = index * 784, dst = outIndex * 784;
  for (let r = 0; r < 28; r++) {
    for (let c = 0; c < 28; c++) {
      const sr = r - dy, sc = c - dx;
      out[dst + r * 28 + c] = sr >= 0 && sr < 28 && sc >= 0 && sc < 28 ? x[src + sr * 28 + sc] : 0;
    }
  }
}

/**
 * Quick, Draw! drawings of the categories no suite task uses (never suite data), `perClass` per category
 * (≤ 100, chosen with the seed), in a seeded random order, plus `shiftedCopies` copies of each drawing
 * shifted by a seeded random offset in [−2, 2]² pixels. Quick, Draw! has only 100 drawings per category;
 * shifted copies are the cheapest way to more pretraining signal: with 3 copies θ0 fine-tuned beat the
 * same network trained from scratch on all 8 vision8 full tasks on validation (2 seeds), against 6/8
 * without (and 5/8 with 30 epochs instead of 10).
 *
 * @example
 * const d = loadVisionPretrainData({ perClass: 100, seed: 0 }); d.numClasses; // 295
 * loadVisionPretrainData({ perClass: 100, seed: 0, shiftedCopies: 3 }).n;    // 118000
 */
export function loadVisionPretrainData(opts: { perClass?: number; seed: number; shiftedCopies?: number }): VisionPretrainData {
  const perClass = opts.perClass ?? 100, copies = opts.shiftedCopies ?? 0;
  if (!Number.isInteger(perClass) || perClass < 1 || perClass > 100) throw new InvalidArgumentError("perClass", perClass, "an integer in [1, 100] (Quick, Draw! ships 100 drawings per category)");
  if (!Number.isInteger(copies) || copies < 0 || copies > 9) throw new InvalidArgumentError("shiftedCopies", copies, "an integer in [0, 9]");
  const categories = pretrainCategories();
  const rng = new Rng(opts.seed);
  const n = categories.length * perClass;
  const order = rng.shuffle(Array.from({ length: n }, (_, i) => i));
  const x = new Float32Array(n * 784), y = new Int32Array(n);
  categories.forEach((cat, c) => {
    const bytes = readQuickdrawCategory(cat);
    const pick = rng.shuffle(Array.from({ length: bytes.length / 784 }, (_, i) => i)).slice(0, perClass);
    pick.forEach((j, k) => {
      const dst = order[c * perClass + k];
      for (let p = 0; p < 784; p++) x[dst * 784 + p] = bytes[j * 784 + p] / 255;
      y[dst] = c;
    });
  });
  if (copies === 0) return { x, y, n, numClasses: categories.length, categories, inputShape: [28, 28, 1] };
  const shift = rng.fork("shifts");
  const ax = new Float32Array(n * (copies + 1) * 784), ay = new Int32Array(n * (copies + 1));
  ax.set(x); ay.set(y);
  for (let k = 1; k <= copies; k++) {
    for (let i = 0; i < n; i++) {
      shiftImage(x, i, shift.int(5) - 2, shift.int(5) - 2, ax, k * n + i);
      ay[k * n + i] = y[i];
    }
  }
  return { x: ax, y: ay, n: ax.length / 784, numClasses: categories.length, categories, inputShape: [28, 28, 1] };
}
