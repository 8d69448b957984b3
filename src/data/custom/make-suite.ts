import { InvalidArgumentError, LayoutMismatchError } from "../../util/errors";
import { unionConcepts } from "../concepts";
import { Suite, Task } from "../types";

/**
 * Assemble tasks into a suite, checking they share one input space (same inputShape) and have distinct names.
 * The suite's concepts are the union of the tasks' concepts (tasks in order, classes in label order).
 *
 * @example
 * const suite = makeSuite("my-suite", [taskA, taskB]);
 * @throws LayoutMismatchError when input shapes differ; InvalidArgumentError for no tasks or duplicate names.
 */
export function makeSuite(name: string, tasks: readonly Task[]): Suite {
  if (typeof name !== "string" || name.trim() === "") throw new InvalidArgumentError("suite name", name, "a non-empty string");
  if (tasks.length === 0) throw new InvalidArgumentError(`tasks of suite ${name}`, tasks, "at least one task");
  const shape = tasks[0].inputShape;
  const names = new Set<string>();
  for (const t of tasks) {
    if (names.has(t.name)) throw new InvalidArgumentError(`task name in suite ${name}`, t.name, "distinct task names");
    names.add(t.name);
    if (t.inputShape.length !== shape.length || t.inputShape.some((d, i) => d !== shape[i])) {
      throw new LayoutMismatchError(`task ${t.name} has inputShape [${t.inputShape.join(", ")}] but task ${tasks[0].name} has [${shape.join(", ")}]: a suite needs one shared input space`);
    }
  }
  return { name, inputShape: [...shape], inputSize: tasks[0].inputSize, tasks: [...tasks], concepts: unionConcepts(tasks) };
}
