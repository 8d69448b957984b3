import { InvalidArgumentError } from "../util/errors";
import { Suite, Task } from "./types";

/** Where one concept appears: task, class name and label index. */
export interface ConceptUse {
  readonly task: string;
  readonly className: string;
  readonly label: number;
}

/**
 * Union of the tasks' concepts in a fixed order: tasks in order, each task's classes in label order,
 * first occurrence wins. This is the shared label space (one output unit per concept).
 *
 * @example
 * unionConcepts(tasks); // ["digit:0", …, "digit:9", "garment:t-shirt", …]
 */
export function unionConcepts(tasks: ReadonlyArray<Pick<Task, "name" | "classes" | "concepts">>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const t of tasks) {
    if (t.concepts.length !== t.classes.length) throw new InvalidArgumentError(`concepts of task ${t.name}`, t.concepts.length, `one concept per class (${t.classes.length})`);
    const own = new Set<string>();
    for (const c of t.concepts) {
      if (own.has(c)) throw new InvalidArgumentError(`concepts of task ${t.name}`, c, "distinct concepts within a task");
      own.add(c);
      if (!seen.has(c)) { seen.add(c); out.push(c); }
    }
  }
  return out;
}

/**
 * The concept map of a suite: for every concept (in the suite's order), the tasks and classes that share it.
 *
 * @example
 * const map = conceptMap(suite);
 * map["digit:3"].map((u) => u.task); // ["mnist", "uci-digits", "hershey-digits"]
 */
export function conceptMap(suite: Pick<Suite, "tasks" | "concepts">): Record<string, ConceptUse[]> {
  const out: Record<string, ConceptUse[]> = {};
  const order = suite.concepts.length ? suite.concepts : unionConcepts(suite.tasks);
  for (const c of order) out[c] = [];
  for (const t of suite.tasks) {
    t.concepts.forEach((c, label) => {
      if (!out[c]) out[c] = [];
      out[c].push({ task: t.name, className: t.classes[label], label });
    });
  }
  return out;
}
