import type { SplitName, Task } from "../data/types";
import { InvalidArgumentError } from "../util/errors";
import { taskUnits, type HeadRule, type NetSpec } from "./spec";
import { maskTable } from "./training";

/** A batch ready for tensors: inputs, unit labels and each sample's task (row of the mask table). */
export interface PoolBatch {
  readonly x: Float32Array;
  readonly labels: Int32Array;
  readonly tasks: Int32Array;
  readonly n: number;
}

/**
 * One split of several tasks seen as one dataset without copying inputs: sample i is row `rowOf[i]`
 * of member `memberOf[i]`; its label is mapped to an output unit of the network.
 *
 * @example
 * const pool = new TaskPool([mnist, uciDigits], "train", spec, "shared");
 * const b = pool.batch(Int32Array.of(0, 5, 9));
 */
export class TaskPool {
  readonly n: number;
  readonly memberOf: Int32Array;
  readonly rowOf: Int32Array;
  /** [members, units] additive mask (0 at own units). */
  readonly mask: Float32Array;
  /** Each member's output units (index = member), as the mask table and loss gradients use them. */
  readonly units: readonly Int32Array[];

  constructor(
    readonly tasks: readonly Task[],
    readonly split: SplitName,
    readonly spec: NetSpec,
    rule: HeadRule,
  ) {
    if (tasks.length === 0) throw new InvalidArgumentError("mixture", tasks, "at least one task");
    this.units = tasks.map((t) => {
      if (t.inputSize !== spec.inputSize)
        throw new InvalidArgumentError(`inputSize of task ${t.name}`, t.inputSize, `${spec.inputSize} (the network's)`);
      return taskUnits(t, spec, rule);
    });
    this.n = tasks.reduce((s, t) => s + t.splits[split].n, 0);
    this.memberOf = new Int32Array(this.n);
    this.rowOf = new Int32Array(this.n);
    let k = 0;
    tasks.forEach((t, m) => {
      const s = t.splits[split];
      for (let r = 0; r < s.n; r++, k++) {
        const y = s.y[r];
        if (!(y >= 0 && y < t.classes.length))
          throw new InvalidArgumentError(`${t.name}.${split}.y[${r}]`, y, `a class index in [0, ${t.classes.length})`);
        this.memberOf[k] = m;
        this.rowOf[k] = r;
      }
    });
    this.mask = maskTable(this.units, spec.units.length);
  }

  /** Inputs, unit labels and member indices of samples `idx`. */
  batch(idx: ArrayLike<number>): PoolBatch {
    const d = this.spec.inputSize;
    const x = new Float32Array(idx.length * d);
    const labels = new Int32Array(idx.length);
    const tasks = new Int32Array(idx.length);
    for (let i = 0; i < idx.length; i++) {
      const m = this.memberOf[idx[i]],
        r = this.rowOf[idx[i]];
      const s = this.tasks[m].splits[this.split];
      x.set(s.x.subarray(r * d, (r + 1) * d), i * d);
      labels[i] = this.units[m][s.y[r]];
      tasks[i] = m;
    }
    return { x, labels, tasks, n: idx.length };
  }
}
