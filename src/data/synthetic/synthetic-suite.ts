import { InvalidArgumentError } from "../../util/errors";
import { hashSeed, Rng } from "../../util/rng";
import { makeSuite } from "../custom/make-suite";
import { taskFromArrays } from "../custom/arrays";
import { pickTasks } from "../suites";
import { SplitSizes, Suite, Task } from "../types";
import { perturbTeacher, randomTeacher, Teacher } from "./teacher";
import { sampleTeacher } from "./sample";

/** The planted role of each task of the synthetic suite (for tests and teaching). */
export type SyntheticRole = "target" | "helpful" | "harmful" | "unrelated";

/** CI-sized splits: 200 train / 300 val / 300 test / 5 headfit per class. */
export const SYNTHETIC_SIZES: SplitSizes = { train: 200, val: 300, test: 300, headfitPerClass: 5 };

/** Options of {@link makeSyntheticSuite}. */
export interface SyntheticSuiteOptions {
  /** Seed of teachers and samples (the data seed). */
  seed?: number;
  /** Suite name (default "synthetic"). */
  name?: string;
  /** Input dimension d (default 24). */
  dim?: number;
  /** Classes per task (default 4). */
  classes?: number;
  /** Number of unrelated tasks (default 2: K = 5 tasks in all). */
  unrelated?: number;
  /** Noise of the helpful task's teacher: W_helper = W_target + sigma·Δ (default 0.15; weights are N(0, 1)). */
  sigma?: number;
  /** Split sizes (default {@link SYNTHETIC_SIZES}). */
  sizes?: Partial<SplitSizes>;
  /** A subset of the task names, in the order wanted. */
  tasks?: readonly string[];
}

/** One task of the synthetic suite: its name, role, teacher and how its labels relate to the teacher's. */
interface Plan { name: string; title: string; role: SyntheticRole; teacher: Teacher; shift: number; concepts: string[] }

/**
 * Task names and planted roles of a synthetic suite with `unrelated` unrelated tasks:
 * "target" (the planted target), "helper" (same concepts, teacher W_target + small noise: helps the target),
 * "conflict" (same concepts and inputs, labels shifted by one class: hurts the target),
 * "other-1" … "other-n" (own teachers and own concepts).
 *
 * @example
 * syntheticRoles(2); // { target: "target", helper: "helpful", conflict: "harmful", "other-1": "unrelated", "other-2": "unrelated" }
 */
export function syntheticRoles(unrelated = 2): Record<string, SyntheticRole> {
  if (!Number.isInteger(unrelated) || unrelated < 0) throw new InvalidArgumentError("unrelated", unrelated, "an integer ≥ 0");
  const out: Record<string, SyntheticRole> = { target: "target", helper: "helpful", conflict: "harmful" };
  for (let i = 1; i <= unrelated; i++) out[`other-${i}`] = "unrelated";
  return out;
}

/**
 * A teacher–student Gaussian suite with PLANTED relatedness (notes/data.md §6.3): x ~ N(0, I_d), labels
 * argmax(W_k x) over C classes. "helper" shares the target's teacher up to small noise and its concept ids
 * (so the "shared" head rule shares output units) → it helps; "conflict" sees the same concept ids with
 * labels shifted by one → it hurts; "other-i" have their own teachers and concepts. Seeded and tiny.
 *
 * @example
 * const suite = makeSyntheticSuite({ seed: 0 });
 * suite.tasks.map((t) => t.name); // ["target", "helper", "conflict", "other-1", "other-2"]
 * @throws InvalidArgumentError for a bad dim, class count, sigma or sizes; UnknownNameError for an unknown task.
 */
export function makeSyntheticSuite(opts: SyntheticSuiteOptions = {}): Suite {
  const seed = opts.seed ?? 0;
  if (!Number.isInteger(seed)) throw new InvalidArgumentError("seed", seed, "an integer");
  const dim = opts.dim ?? 24, classes = opts.classes ?? 4, sigma = opts.sigma ?? 0.15;
  if (!Number.isInteger(dim) || dim < 2 || dim > 4096) throw new InvalidArgumentError("dim", dim, "an integer in [2, 4096]");
  if (!Number.isInteger(classes) || classes < 2 || classes > 64) throw new InvalidArgumentError("classes", classes, "an integer in [2, 64]");
  const sizes: SplitSizes = { ...SYNTHETIC_SIZES, ...(opts.sizes ?? {}) };
  for (const [k, v] of Object.entries(sizes)) if (!Number.isInteger(v) || v < (k === "test" || k === "val" ? 1 : 0)) throw new InvalidArgumentError(`sizes.${k}`, v, "a non-negative integer (val and test ≥ 1)");
  const name = opts.name ?? "synthetic";
  const roles = syntheticRoles(opts.unrelated ?? 2);
  const wanted = pickTasks(name, Object.keys(roles), opts.tasks);

  // Every teacher comes from its own forked stream, so a task's data does not depend on which others exist.
  const root = new Rng(hashSeed(`synthetic:${seed}`));
  const target = randomTeacher(dim, classes, root.fork("teacher:target"));
  const shared = Array.from({ length: classes }, (_, c) => `planted:${c}`);
  const plans: Plan[] = Object.keys(roles).map((task): Plan => {
    const role = roles[task];
    if (role === "target") return { name: task, title: "Target (planted)", role, teacher: target, shift: 0, concepts: shared };
    if (role === "helpful") return { name: task, title: "Helper (target's teacher + noise)", role, teacher: perturbTeacher(target, sigma, root.fork("teacher:helper")), shift: 0, concepts: shared };
    if (role === "harmful") return { name: task, title: "Conflict (target's labels shifted)", role, teacher: target, shift: 1, concepts: shared };
    return { name: task, title: `Unrelated ${task}`, role, teacher: randomTeacher(dim, classes, root.fork(`teacher:${task}`)), shift: 0, concepts: Array.from({ length: classes }, (_, c) => `${task}:${c}`) };
  });

  const total = sizes.train + sizes.val + sizes.test + sizes.headfitPerClass * classes;
  const perClass = Math.ceil(total / classes) + 1;
  const tasks: Task[] = wanted.map((task) => {
    const p = plans.find((q) => q.name === task)!;
    const s = sampleTeacher(p.teacher, perClass, root.fork(`sample:${task}`), (c) => (c + p.shift) % classes);
    const t = taskFromArrays({
      name: task, title: p.title, x: s.x, y: s.y, inputShape: [dim], seed,
      classes: Array.from({ length: classes }, (_, c) => `class-${c}`), concepts: p.concepts, sizes, suite: name,
    });
    return { ...t, source: { package: "synthetic (teacher–student Gaussian)", version: "1", licence: "generated" } };
  });
  return makeSuite(name, tasks);
}
