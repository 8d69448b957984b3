import { InvalidArgumentError, UnknownNameError } from "../util/errors";
import { DEFAULT_TEXT_DIM } from "./text/index";
import { SplitSizes } from "./types";

/** Named size presets: `quick` is CI-sized, `full` is the paper-like scale. */
export type PresetName = "quick" | "full";
export const PRESET_NAMES: readonly PresetName[] = ["quick", "full"];

/**
 * quick: every task 200 train / 200 val / 300 test / 5 headfit per class, so the whole leave-one-out
 * ground truth (254 mixture fine-tunes of at most 7 × 200 examples) stays cheap.
 */
const QUICK: SplitSizes = { train: 200, val: 200, test: 300, headfitPerClass: 5 };

/**
 * full: as much as each source gives, with validation and test splits ≥ 1,000 where it allows (the ground
 * truth's noise is the test split's: a 300-image split has a standard error near 3 points, 2,000 about 1.1).
 * - MNIST, Fashion-MNIST (70,000 each): 5,000 train / 2,000 val / 2,000 test — thousands to train on,
 *   while 254 mixture fine-tunes per seed stay affordable (~10 M training samples per seed);
 * - Hershey digits: rendered on demand (16 designs, seeded distortions), so the same 5,000 / 2,000 / 2,000;
 * - UCI optdigits: all 1,797 images: 797 train / 450 val / 450 test / 10 headfit per class;
 * - Quick, Draw! groups: exactly 100 drawings per class, all used: 10 headfit + 40 train + 25 val + 25 test
 *   per class (val/test 250: the source allows no more without starving training).
 */
const FULL_LARGE: SplitSizes = { train: 5000, val: 2000, test: 2000, headfitPerClass: 10 };
const FULL_UCI: SplitSizes = { train: 797, val: 450, test: 450, headfitPerClass: 10 };
const FULL_QD: SplitSizes = { train: 400, val: 250, test: 250, headfitPerClass: 10 };

/** Per-task sizes of vision8 under each preset. */
export const VISION8_SIZES: { readonly [P in PresetName]: { readonly [task: string]: SplitSizes } } = {
  quick: {
    "mnist": QUICK, "fashion-mnist": QUICK, "uci-digits": QUICK, "hershey-digits": QUICK,
    "qd-clothing": QUICK, "qd-shapes": QUICK, "qd-animals": QUICK, "qd-vehicles": QUICK, "qd-food": QUICK,
  },
  full: {
    "mnist": FULL_LARGE, "fashion-mnist": FULL_LARGE, "uci-digits": FULL_UCI, "hershey-digits": FULL_LARGE,
    "qd-clothing": FULL_QD, "qd-shapes": FULL_QD, "qd-animals": FULL_QD, "qd-vehicles": FULL_QD, "qd-food": FULL_QD,
  },
};

/**
 * text8 presets, passed to `loadText8Tasks({ sizes, seed, dim })`. Both use the text layer's measured
 * DEFAULT_TEXT_DIM (1024 hashed buckets; 4096 trains ~8× slower on wasm); pass `dim` to loadSuite to change it.
 * full: 1,000 train / 800 val / 800 test per task — one size for every task, so the smallest source bounds
 * it (gloss-sentiment has 2,665 labelled glosses: 1,000 + 800 + 800 + headfit fit; 1,000/1,000 do not).
 */
export const TEXT8_PRESETS: { readonly [P in PresetName]: { readonly sizes: SplitSizes; readonly dim: number } } = {
  quick: { sizes: QUICK, dim: DEFAULT_TEXT_DIM },
  full: { sizes: { train: 1000, val: 800, test: 800, headfitPerClass: 10 }, dim: DEFAULT_TEXT_DIM },
};

/**
 * Check a preset name.
 *
 * @example
 * checkPreset("quick"); // "quick"
 * @throws UnknownNameError listing the presets.
 */
export function checkPreset(preset: string): PresetName {
  if (!(PRESET_NAMES as readonly string[]).includes(preset)) throw new UnknownNameError("preset", preset, PRESET_NAMES);
  return preset as PresetName;
}

/**
 * Apply explicit overrides to preset sizes, validating every field.
 *
 * @example
 * withOverrides(VISION8_SIZES.quick.mnist, { train: 50 }); // { train: 50, val: 200, test: 300, headfitPerClass: 5 }
 * @throws InvalidArgumentError for a negative or non-integer size.
 */
export function withOverrides(base: SplitSizes, overrides?: Partial<SplitSizes>): SplitSizes {
  const out = { ...base, ...(overrides ?? {}) };
  for (const k of ["train", "val", "test", "headfitPerClass"] as const) {
    const v = out[k];
    if (!Number.isInteger(v) || v < 0) throw new InvalidArgumentError(`sizes.${k}`, v, "a non-negative integer");
  }
  return out;
}

/**
 * A short key naming sizes in cache paths, e.g. "200-200-300-5".
 *
 * @example
 * sizesKey({ train: 200, val: 200, test: 300, headfitPerClass: 5 }); // "200-200-300-5"
 */
export function sizesKey(s: SplitSizes): string {
  return `${s.train}-${s.val}-${s.test}-${s.headfitPerClass}`;
}
