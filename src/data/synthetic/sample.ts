import { InvalidArgumentError } from "../../util/errors";
import { Rng } from "../../util/rng";
import { Teacher, teacherLabel } from "./teacher";

/** Examples drawn from x ~ N(0, I_d) and labelled by a teacher, balanced across classes. */
export interface TeacherSample {
  /** n × dim, row-major. */
  readonly x: Float32Array;
  readonly y: Int32Array;
  readonly n: number;
}

/**
 * Draw exactly `perClass` examples of every class: x ~ N(0, I_d), label = relabel(argmax(W x)), by
 * rejection (balanced classes keep stratified splits exact). `relabel` maps the teacher's class to the
 * task's label (e.g. a shift for a label-flipped, conflicting task).
 *
 * @example
 * const s = sampleTeacher(teacher, 50, new Rng(3));   // 50 examples per class
 * const flipped = sampleTeacher(teacher, 50, new Rng(3), (c) => (c + 1) % 4);
 * @throws InvalidArgumentError when perClass is not a positive integer, or a class is (nearly) never drawn.
 */
export function sampleTeacher(t: Teacher, perClass: number, rng: Rng, relabel: (c: number) => number = (c) => c): TeacherSample {
  if (!Number.isInteger(perClass) || perClass < 1) throw new InvalidArgumentError("perClass", perClass, "a positive integer");
  const n = perClass * t.classes;
  const x = new Float32Array(n * t.dim), y = new Int32Array(n);
  const filled = new Array<number>(t.classes).fill(0);
  const row = new Float32Array(t.dim);
  let kept = 0;
  // A class of a Gaussian teacher has probability ~1/C; 200× the needed draws means a degenerate teacher.
  for (let tries = 0; kept < n; tries++) {
    if (tries > 200 * n) throw new InvalidArgumentError("teacher", "degenerate", `every class drawn at least ${perClass} times`);
    for (let j = 0; j < t.dim; j++) row[j] = rng.normal();
    const label = relabel(teacherLabel(t, row));
    if (!Number.isInteger(label) || label < 0 || label >= t.classes) throw new InvalidArgumentError("relabel result", label, `an integer in [0, ${t.classes})`);
    if (filled[label] >= perClass) continue;
    filled[label]++;
    x.set(row, kept * t.dim);
    y[kept++] = label;
  }
  return { x, y, n };
}
