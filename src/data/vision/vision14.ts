import { PresetName } from "../presets";
import { VISION8_SIZES } from "../presets";
import { SplitSizes } from "../types";
import { fashionMnistSpec } from "./fashion-mnist";
import { hersheyDigitsSpec } from "./hershey";
import { mnistSpec } from "./mnist";
import { QUICKDRAW_GROUPS, QuickdrawGroup, quickdrawSpec } from "./qd-groups";
import { VisionTaskSpec } from "./spec";
import { uciDigitsSpec } from "./uci-digits";

/**
 * A Quick, Draw! group split into two 5-category tasks ("-a": its first five categories, "-b": the rest),
 * each keeping its categories' concepts (QD-Clothing's garments stay shared with Fashion-MNIST).
 *
 * @example
 * groupHalves(QD_ANIMALS).map((g) => g.name);   // ["qd-animals-a", "qd-animals-b"]
 */
function groupHalves(g: QuickdrawGroup): QuickdrawGroup[] {
  const h = Math.ceil(g.categories.length / 2);
  return [
    { name: `${g.name}-a`, title: `${g.title} A`, categories: g.categories.slice(0, h), concepts: g.concepts.slice(0, h) },
    { name: `${g.name}-b`, title: `${g.title} B`, categories: g.categories.slice(h), concepts: g.concepts.slice(h) },
  ];
}

/**
 * vision14: a larger candidate pool on the same data as vision8 (all disjoint from θ0's pretraining
 * categories): MNIST, Fashion-MNIST, UCI-Digits, Hershey-Digits, and the five Quick, Draw! groups
 * (vision8's four and QD-Food) each split into two 5-category tasks. 14 tasks, so a target has 13
 * candidates and 8,191 mixtures — sized for comparing search strategies against exhaustive search.
 */
export const VISION14_TASKS: readonly VisionTaskSpec[] = [
  mnistSpec, fashionMnistSpec, uciDigitsSpec, hersheyDigitsSpec,
  ...QUICKDRAW_GROUPS.flatMap(groupHalves).map(quickdrawSpec),
];

/** A 5-category Quick, Draw! task has 500 drawings: quick 25 headfit + 200 train + 100 val + 150 test; full uses all 500. */
const QD_HALF: { readonly [P in PresetName]: SplitSizes } = {
  quick: { train: 200, val: 100, test: 150, headfitPerClass: 5 },
  full: { train: 300, val: 75, test: 75, headfitPerClass: 10 },
};

/** Per-task sizes of vision14 under each preset (the four non-Quick, Draw! tasks as in vision8). */
export const VISION14_SIZES: { readonly [P in PresetName]: { readonly [task: string]: SplitSizes } } = {
  quick: Object.fromEntries(VISION14_TASKS.map((t) => [t.name, VISION8_SIZES.quick[t.name] ?? QD_HALF.quick])),
  full: Object.fromEntries(VISION14_TASKS.map((t) => [t.name, VISION8_SIZES.full[t.name] ?? QD_HALF.full])),
};
