import { Rng } from "../../util/rng";
import { taskSeed } from "../prepare";
import { PreparedSplit, PreparedTask, quantize } from "../prepared";
import { packageVersion } from "../sources";
import { SplitName, SplitSizes } from "../types";
import { HERSHEY_FONTS, hersheyDigits } from "./hershey-fonts";
import { DIGIT_CLASSES, DIGIT_CONCEPTS, VISION_SHAPE, VisionTaskSpec } from "./spec";
import { randomStrokeStyle, rasterizeStrokes } from "./stroke-raster";

/**
 * Fonts of the train and headfit splits vs. fonts of val and test: disjoint, so evaluation measures
 * generalisation to unseen "writers". 11 train designs, 5 held-out designs.
 */
export const HERSHEY_TRAIN_FONTS: readonly string[] = ["futural", "gothiceng", "scripts", "timesr", "timesib", "ems_allure", "ems_elfin", "ems_nixish", "ems_osmotron", "ems_readability", "ems_tech"];
export const HERSHEY_EVAL_FONTS: readonly string[] = ["futuram", "timesrb", "ems_felix", "ems_nixish_italic", "ems_readability_italic"];

/**
 * Render `n` digit images for one split: labels cycle 0–9 (balanced), fonts cycle through `fonts`,
 * each with its own random style; then the order is shuffled. `firstId` makes example ids unique across splits.
 *
 * @example
 * renderHersheySplit(100, HERSHEY_EVAL_FONTS, new Rng(1), 0);
 */
export function renderHersheySplit(n: number, fonts: readonly string[], rng: Rng, firstId: number): PreparedSplit {
  const fontIds = HERSHEY_FONTS.map((f) => f.name);
  const order = rng.shuffle(Array.from({ length: n }, (_, i) => i));
  const x = new Uint8Array(n * 784), y = new Int32Array(n), index = new Int32Array(n), group = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const i = order[k];
    const digit = i % 10, font = fonts[Math.floor(i / 10) % fonts.length];
    const img = rasterizeStrokes(hersheyDigits(font)[digit], randomStrokeStyle(rng), rng);
    x.set(quantize(img), k * 784);
    y[k] = digit; index[k] = firstId + i; group[k] = fontIds.indexOf(font);
  }
  return { x, y, n, index, group };
}

/** Hershey-Digits: digits 0–9 rendered from the hersheytext stroke fonts with seeded affine, width and wobble. */
export const hersheyDigitsSpec: VisionTaskSpec = {
  name: "hershey-digits",
  title: "Hershey-Digits",
  classes: DIGIT_CLASSES,
  concepts: DIGIT_CONCEPTS,
  prepare(sizes: SplitSizes, seed: number, suite: string): PreparedTask {
    const s = taskSeed(seed, this.name);
    const counts: { [K in SplitName]: number } = { train: sizes.train, val: sizes.val, test: sizes.test, headfit: sizes.headfitPerClass * 10 };
    const splits = {} as { [K in SplitName]: PreparedSplit };
    let firstId = 0;
    for (const name of ["train", "headfit", "val", "test"] as const) {
      const fonts = name === "train" || name === "headfit" ? HERSHEY_TRAIN_FONTS : HERSHEY_EVAL_FONTS;
      splits[name] = renderHersheySplit(counts[name], fonts, new Rng(s).fork(name), firstId);
      firstId += counts[name];
    }
    const source = { package: "hersheytext", version: packageVersion("hersheytext"), licence: "MIT (package); Hershey fonts public domain; EMS fonts SIL OFL" };
    return { name: this.name, title: this.title, suite, inputShape: VISION_SHAPE, classes: this.classes, concepts: this.concepts, source, splits, groupNames: HERSHEY_FONTS.map((f) => f.name) };
  },
};
