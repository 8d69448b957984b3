import { loadSuite as loadData, type LoadSuiteOptions } from "../data/suites";
import type { Suite, Task } from "../data/types";
import type { PresetName } from "../data/presets";
import { UnknownNameError } from "../util/errors";
import { Shown, tableBlock } from "./shown";

/** A loaded suite: its tasks with their sizes; renders as a table of tasks. */
export class SuiteView extends Shown {
  constructor(
    readonly suite: Suite,
    readonly preset: PresetName,
    readonly seed: number,
  ) {
    super();
  }
  get name(): string {
    return this.suite.name;
  }
  get tasks(): readonly Task[] {
    return this.suite.tasks;
  }
  /** The task called `name`; UnknownNameError listing the suite's tasks otherwise. */
  task(name: string): Task {
    const t = this.suite.tasks.find((x) => x.name === name);
    if (!t)
      throw new UnknownNameError(
        `task of suite ${this.suite.name}`,
        String(name),
        this.suite.tasks.map((x) => x.name),
      );
    return t;
  }
  rows(): Array<Record<string, string | number>> {
    return this.suite.tasks.map((t) => ({
      task: t.name,
      title: t.title,
      classes: t.classes.length,
      train: t.splits.train.n,
      val: t.splits.val.n,
      test: t.splits.test.n,
    }));
  }
  html(): string {
    return tableBlock(this.rows(), {
      caption: `Suite ${this.suite.name} (${this.preset} preset, data seed ${this.seed}): ${this.suite.tasks.length} tasks`,
    });
  }
  summary(): string {
    return `suite ${this.suite.name}: ${this.suite.tasks.map((t) => t.name).join(", ")}`;
  }
}

/**
 * Step 0: load a suite of datasets (prepared on first use into the cache folder, with a progress bar).
 *
 * @example
 * const suite = await loadSuite("vision8");            // a table of its 8 tasks as the cell's value
 * const synthetic = await loadSuite("synthetic", { tasks: ["target", "helper", "conflict", "other-1"] });
 */
export async function loadSuite(name = "vision8", options: LoadSuiteOptions = {}): Promise<SuiteView> {
  const preset = options.preset ?? "quick",
    seed = options.seed ?? 0;
  if (name === "synthetic") (await import("../data/synthetic/register")).registerSyntheticSuite();
  return new SuiteView(await loadData(name, { ...options, preset, seed }), preset, seed);
}
