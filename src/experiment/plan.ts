import type { Suite, Task } from "../data/types";
import { InvalidArgumentError, TooLargeError, UnknownNameError } from "../util/errors";

/** One target's setting: the target, its candidate datasets, and their bit positions among the suite's tasks. */
export interface TargetPlan {
  readonly target: Task;
  readonly candidates: readonly Task[];
  /** globalBits[i] = index in suite.tasks of candidates[i] (fine-tune masks are over the suite's tasks). */
  readonly globalBits: readonly number[];
}

/** Fine-tune masks are 31-bit integers over the suite's tasks. */
const MAX_TASK_INDEX = 30;

/**
 * The targets to run and each one's candidate pool: every other task of the suite, or the tasks of
 * `pool`. A target is never its own candidate (its training data is never mixed in). Checked before any
 * work or file is made, each error naming the value.
 *
 * @example
 * planTargets(suite, ["mnist"], ["uci-digits", "hershey-digits"]);   // one plan, 2 candidates
 * @throws UnknownNameError for an unknown target or candidate; InvalidArgumentError for repeated targets,
 *   a candidate that is a target, or fewer than 2 candidates; TooLargeError for a task beyond index 30.
 */
export function planTargets(suite: Suite, targets: readonly string[] | null, pool?: readonly string[]): TargetPlan[] {
  const names = suite.tasks.map((t) => t.name);
  const index = new Map(names.map((n, i) => [n, i] as const));
  const wanted = targets ?? names;
  if (wanted.length === 0)
    throw new InvalidArgumentError("targets", wanted, `at least one task of suite ${suite.name}`);
  for (const t of wanted) if (!index.has(t)) throw new UnknownNameError(`target of suite ${suite.name}`, t, names);
  if (new Set(wanted).size !== wanted.length) throw new InvalidArgumentError("targets", wanted, "distinct task names");
  if (pool) {
    for (const c of pool) if (!index.has(c)) throw new UnknownNameError(`candidate of suite ${suite.name}`, c, names);
    if (new Set(pool).size !== pool.length) throw new InvalidArgumentError("candidates", pool, "distinct task names");
    const both = pool.filter((c) => wanted.includes(c));
    if (both.length)
      throw new InvalidArgumentError(
        "candidates",
        pool,
        `no target among them (${both.join(", ")} ${both.length > 1 ? "are targets" : "is a target"}; the target's training data is never mixed in)`,
      );
  }
  return wanted.map((name) => {
    const candidates = suite.tasks.filter((t) => t.name !== name && (!pool || pool.includes(t.name)));
    if (candidates.length < 2)
      throw new InvalidArgumentError(
        `candidates of target ${name}`,
        candidates.map((c) => c.name),
        "at least 2 candidate datasets",
      );
    const globalBits = candidates.map((c) => index.get(c.name)!);
    const far = candidates.find((_, i) => globalBits[i] > MAX_TASK_INDEX);
    if (far)
      throw new TooLargeError(
        `candidate ${far.name} is task ${index.get(far.name)! + 1} of suite ${suite.name}; fine-tune masks cover the first ${MAX_TASK_INDEX + 1} tasks`,
      );
    return { target: suite.tasks[index.get(name)!], candidates, globalBits };
  });
}
