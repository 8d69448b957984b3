import { ParamLayout } from "../params/layout";
import type { Task } from "../data/types";
import { InvalidArgumentError, UnknownNameError } from "../util/errors";

/**
 * How tasks get their output units (see DESIGN.md "Heads"):
 * - "shared": one unit per shared concept (Task.concepts); tasks with equal concept ids share units;
 *   the whole network is fine-tuned and merged.
 * - "frozen": private units per task (`${task}:${class}`), fitted on θ0 features and never trained again;
 *   only the encoder fine-tunes.
 * - "refit": trained like "frozen"; evaluated with a nearest-class-mean head refitted on the target's
 *   `headfit` split from the evaluated model's own encoder features.
 */
export type HeadRule = "shared" | "frozen" | "refit";

export const HEAD_RULES: readonly HeadRule[] = ["shared", "frozen", "refit"];

/** An MLP encoder (inputSize → hidden[0] → … ReLU) and one linear output layer over `units`. */
export interface NetSpec {
  readonly inputSize: number;
  /** Widths of the ReLU layers; [] makes the network a linear model on the inputs. */
  readonly hidden: readonly number[];
  /** Output unit ids ("concepts"); each task maps its classes onto some of them. */
  readonly units: readonly string[];
}

/**
 * Check a head rule name, throwing UnknownNameError otherwise.
 *
 * @example
 * assertHeadRule("shared");
 */
export function assertHeadRule(rule: string): asserts rule is HeadRule {
  if (!(HEAD_RULES as readonly string[]).includes(rule)) throw new UnknownNameError("head rule", rule, HEAD_RULES);
}

/**
 * Check a NetSpec's numbers and unit ids.
 *
 * @example
 * validateNetSpec({ inputSize: 784, hidden: [256, 256], units: ["0", "1"] });
 */
export function validateNetSpec(spec: NetSpec): void {
  if (!Number.isInteger(spec.inputSize) || spec.inputSize <= 0)
    throw new InvalidArgumentError("spec.inputSize", spec.inputSize, "a positive integer");
  for (const h of spec.hidden) {
    if (!Number.isInteger(h) || h <= 0)
      throw new InvalidArgumentError("spec.hidden", spec.hidden, "positive integer widths");
  }
  if (spec.units.length === 0) throw new InvalidArgumentError("spec.units", spec.units, "at least one output unit");
  if (new Set(spec.units).size !== spec.units.length)
    throw new InvalidArgumentError("spec.units", spec.units, "unique unit ids");
}

/**
 * The output unit id of class `c` of `task` under `rule`.
 *
 * @example
 * unitId(mnist, 3, "shared");   // mnist.concepts[3], e.g. "digit:3"
 * unitId(mnist, 3, "frozen");   // "mnist:3"
 */
export function unitId(task: Task, c: number, rule: HeadRule): string {
  return rule === "shared" ? task.concepts[c] : `${task.name}:${task.classes[c]}`;
}

/**
 * The output units for a list of tasks under a head rule: shared concepts in first-seen order, or
 * private `${task}:${class}` units in task order.
 *
 * @example
 * outputUnits(suite.tasks, "shared");   // ["digit:0", …, "garment:shirt", …]
 */
export function outputUnits(tasks: readonly Task[], rule: HeadRule): string[] {
  assertHeadRule(rule);
  const units: string[] = [];
  const seen = new Set<string>();
  for (const t of tasks) {
    for (let c = 0; c < t.classes.length; c++) {
      const u = unitId(t, c, rule);
      if (!seen.has(u)) {
        seen.add(u);
        units.push(u);
      }
    }
  }
  return units;
}

/**
 * A NetSpec for `tasks` (all sharing one input space) under a head rule.
 *
 * @example
 * const spec = netSpecFor(suite.tasks, [256, 256], "refit");
 */
export function netSpecFor(tasks: readonly Task[], hidden: readonly number[], rule: HeadRule): NetSpec {
  if (tasks.length === 0) throw new InvalidArgumentError("tasks", tasks, "at least one task");
  const inputSize = tasks[0].inputSize;
  for (const t of tasks) {
    if (t.inputSize !== inputSize)
      throw new InvalidArgumentError(
        `inputSize of task ${t.name}`,
        t.inputSize,
        `${inputSize} (one input space per suite)`,
      );
  }
  const spec: NetSpec = { inputSize, hidden: [...hidden], units: outputUnits(tasks, rule) };
  validateNetSpec(spec);
  return spec;
}

/**
 * The unit index of each of `task`'s classes; throws UnknownNameError when the spec lacks one.
 *
 * @example
 * taskUnits(mnist, spec, "shared");   // Int32Array [0, 1, …, 9]
 */
export function taskUnits(task: Task, spec: NetSpec, rule: HeadRule): Int32Array {
  assertHeadRule(rule);
  const index = new Map(spec.units.map((u, i) => [u, i] as const));
  const out = new Int32Array(task.classes.length);
  for (let c = 0; c < task.classes.length; c++) {
    const id = unitId(task, c, rule);
    const i = index.get(id);
    if (i === undefined)
      throw new UnknownNameError(`output unit (task ${task.name}, head rule ${rule})`, id, spec.units);
    out[c] = i;
  }
  return out;
}

/**
 * Width of the encoder's output (the penultimate features).
 *
 * @example
 * featureSize({ inputSize: 784, hidden: [256, 128] });   // 128
 */
export function featureSize(spec: Pick<NetSpec, "inputSize" | "hidden">): number {
  return spec.hidden.length ? spec.hidden[spec.hidden.length - 1] : spec.inputSize;
}

/**
 * The encoder's layout: "enc0/kernel" [in, h0], "enc0/bias" [h0], "enc1/kernel", ….
 *
 * @example
 * encoderLayout({ inputSize: 784, hidden: [256] }).size;   // 200960
 */
export function encoderLayout(spec: Pick<NetSpec, "inputSize" | "hidden">): ParamLayout {
  const shapes: Array<[string, number[]]> = [];
  let fan = spec.inputSize;
  spec.hidden.forEach((h, i) => {
    shapes.push([`enc${i}/kernel`, [fan, h]], [`enc${i}/bias`, [h]]);
    fan = h;
  });
  return ParamLayout.fromShapes(shapes);
}

/**
 * The full network's layout: the encoder's entries, then "out/kernel" [features, units], "out/bias" [units].
 * Stable names so every head rule merges the same way.
 *
 * @example
 * networkLayout(spec).entries.map((e) => e.name);   // ["enc0/kernel", "enc0/bias", …, "out/kernel", "out/bias"]
 */
export function networkLayout(spec: NetSpec): ParamLayout {
  const enc = encoderLayout(spec)
    .toJSON()
    .map((e) => [e.name, e.shape] as [string, number[]]);
  const f = featureSize(spec);
  return ParamLayout.fromShapes([...enc, ["out/kernel", [f, spec.units.length]], ["out/bias", [spec.units.length]]]);
}

/**
 * Recover the encoder's shape from an encoder or network layout.
 *
 * @example
 * encoderShapeOf(theta0.layout);   // { inputSize: 784, hidden: [256, 256] }
 */
export function encoderShapeOf(layout: ParamLayout): { inputSize: number; hidden: number[] } {
  const hidden: number[] = [];
  let inputSize = -1;
  for (let i = 0; layout.has(`enc${i}/kernel`); i++) {
    const shape = layout.entry(`enc${i}/kernel`).shape;
    if (i === 0) inputSize = shape[0];
    hidden.push(shape[1]);
  }
  if (inputSize < 0) {
    if (!layout.has("out/kernel"))
      throw new InvalidArgumentError(
        "layout",
        layout.toJSON().map((e) => e.name),
        "an encoder layout with enc0/kernel",
      );
    inputSize = layout.entry("out/kernel").shape[0];
  }
  return { inputSize, hidden };
}
