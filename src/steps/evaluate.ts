import type { SplitName, Task } from "../data/types";
import { InvalidArgumentError } from "../util/errors";
import { Base } from "./base";
import { ForeignModelError } from "./foreign-error";
import { baseModel, Model } from "./model";
import { Shown, tableBlock } from "./shown";

const SPLITS: readonly SplitName[] = ["train", "val", "test"];

/** One model's accuracy and loss on one task's split. */
export class Score extends Shown {
  constructor(
    readonly model: string,
    readonly task: string,
    readonly split: SplitName,
    readonly accuracy: number,
    readonly loss: number,
    readonly n: number,
  ) {
    super();
  }
  html(): string {
    return tableBlock(
      [
        {
          model: this.model,
          task: this.task,
          split: this.split,
          "accuracy %": 100 * this.accuracy,
          loss: this.loss,
          examples: this.n,
        },
      ],
      { columns: ["model", "task", "split", "accuracy %", "loss", "examples"], digits: 3 },
    );
  }
  summary(): string {
    return `${this.model} on ${this.task} (${this.split}): accuracy ${(100 * this.accuracy).toFixed(1)}%, loss ${this.loss.toFixed(4)}`;
  }
}

/** Check that `model` is a model of `base` (the same θ0, so the same suite and network). */
export function checkSameBase(model: Model, base: Base, what = "model"): void {
  if (model.base !== base) {
    throw new ForeignModelError(
      `${what} ${model.label}`,
      `the base ${model.base.id} of suite ${model.base.suite.name} (${model.base.netSpec.hidden.join("-")} hidden)`,
      `the base ${base.id} of suite ${base.suite.name} (${base.netSpec.hidden.join("-")} hidden)`,
    );
  }
}

/**
 * Step 4: score a model on a task's split (accuracy and mean cross-entropy loss; lower loss is better).
 *
 * @example
 * evaluate(merge(experts, ["mnist", "uci-digits"]), "hershey-digits", "val");   // a one-row table
 * evaluate(base, "hershey-digits");                                               // θ0 itself
 */
export function evaluate(model: Model | Base, task: string | Task, split: SplitName = "val"): Score {
  const m = model instanceof Base ? baseModel(model) : model;
  if (!(m instanceof Model))
    throw new InvalidArgumentError(
      "model",
      model,
      "a model from a step (fineTuneEach, merge, fineTuneMixture) or a base",
    );
  if (!SPLITS.includes(split)) throw new InvalidArgumentError("split", split, `one of ${SPLITS.join(", ")}`);
  const t = m.base.task(task);
  const r = m.base.evaluator().load(m.params).evaluate(t, split);
  return new Score(m.label, t.name, split, r.accuracy, r.loss, r.n);
}
