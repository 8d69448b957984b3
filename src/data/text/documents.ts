import { InvalidArgumentError } from "../../util/errors";
import { SplitName, Task } from "../types";
import { TextTask } from "./text-task";

/**
 * Document ids. Every text-8 example and every pretraining chunk names the document it comes from:
 *
 * | source | id | unit |
 * |---|---|---|
 * | SpamAssassin | `spam:<group>/<id>` | one e-mail |
 * | fortunes | `fortunes:<file>:<index>` | one fortune |
 * | Brown | `brown:<file>` | one file (all its chunks) |
 * | WordNet | `wordnet:<pos>:<offset>` | one synset gloss |
 * | SOTU | `sotu:<year>:<name>` | one address (all its chunks) |
 * | UDHR | `udhr:<code>:<index>` | one paragraph of one translation |
 *
 * So "is this chunk from a test document?" is one set lookup.
 */

/** Whether a task carries per-example document ids (text-8 tasks do). */
export function isTextTask(task: Task): task is TextTask {
  return typeof (task as Partial<TextTask>).documents === "object" && (task as Partial<TextTask>).documents !== null;
}

/**
 * The set of document ids in the given splits (default: test) of the given tasks.
 *
 * @example
 * const held = documentIds(tasks); // Set { "brown:ca01", "sotu:1961:john_f_kennedy", … }
 * @throws InvalidArgumentError for a task without document ids.
 */
export function documentIds(tasks: readonly Task[], splits: readonly SplitName[] = ["test"]): Set<string> {
  const out = new Set<string>();
  for (const t of tasks) {
    if (!isTextTask(t)) throw new InvalidArgumentError(`task ${JSON.stringify(t?.name)}`, t?.name, "a text-8 task with document ids (from loadText8Tasks)");
    for (const s of splits) for (const d of t.documents[s]) out.add(d);
  }
  return out;
}
