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
 * Quick, Draw! drawings of the categories no suite task uses (never suite data), `perClass` per category
 * (≤ 100, chosen with the seed), in a seeded random order.
 *
 * @example
 * const d = loadVisionPretrainData({ perClass: 100, seed: 0 }); d.numClasses; // 295
 */
export function loadVisionPretrainData(opts: { perClass?: number; seed: number }): VisionPretrainData {
  const perClass = opts.perClass ?? 100;
  if (!Number.isInteger(perClass) || perClass < 1 || perClass > 100) throw new InvalidArgumentError("perClass", perClass, "an integer in [1, 100] (Quick, Draw! ships 100 drawings per category)");
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
  return { x, y, n, numClasses: categories.length, categories, inputShape: [28, 28, 1] };
}
