import { taskArithmetic } from "../merge/task-arithmetic";
import { InvalidArgumentError } from "../util/errors";
import { lambdaExplorer, type LambdaCurves } from "../../widgets/lambda-explorer";
import { checkSameBase, evaluate } from "./evaluate";
import { Experts } from "./experts";
import { Model } from "./model";
import { Shown } from "./shown";

/** Merged validation loss from the mean to the sum of each real mixture's experts; renders the λ slider widget. */
export class LambdaSweep extends Shown {
  constructor(readonly curves: LambdaCurves) {
    super();
  }
  html(): string {
    return lambdaExplorer(this.curves);
  }
  summary(): string {
    return this.curves.mixtures
      .map((m) => {
        const best = m.merged.reduce((b, v, i) => (v < m.merged[b] ? i : b), 0);
        return `${m.name}: merged loss ${m.merged[0].toFixed(3)} (mean) … ${m.merged[m.merged.length - 1].toFixed(3)} (sum), lowest at t = ${this.curves.t[best].toFixed(2)}; real ${m.real.toFixed(3)}`;
      })
      .join("; ");
  }
}

/**
 * For each real mixture fine-tune, merge its experts as θ0 + λ·Σ τ for λ from 1/k (the mean) to 1 (the
 * sum), score each on the target's validation split, and show them against the real fine-tune's loss with
 * a slider (the mean shrinks each expert's update by k; fine-tuning on the union does not).
 *
 * @example
 * lambdaSweep(experts, "hershey-digits", [realAB, realABC]);   // the slider widget as the cell's value
 */
export function lambdaSweep(
  experts: Experts,
  target: string,
  real: readonly Model[],
  options: { steps?: number } = {},
): LambdaSweep {
  if (!(experts instanceof Experts))
    throw new InvalidArgumentError("experts", experts, "the value of `await fineTuneEach(base, datasets)`");
  const steps = options.steps ?? 11;
  if (!Number.isInteger(steps) || steps < 2 || steps > 101)
    throw new InvalidArgumentError("steps", steps, "an integer in [2, 101]");
  if (!Array.isArray(real) || real.length === 0)
    throw new InvalidArgumentError("real", real, "a non-empty list of models from fineTuneMixture");
  const t = Array.from({ length: steps }, (_, i) => i / (steps - 1));
  const base = experts.base,
    ev = base.evaluator(),
    task = base.task(target);
  const mixtures = real.map((m) => {
    if (!(m instanceof Model) || m.kind !== "mixture")
      throw new InvalidArgumentError("real", m, "models from fineTuneMixture(base, names)");
    checkSameBase(m, base, "mixture model");
    const models = m.members.map((n) => experts.get(n).params),
      k = models.length;
    const merged = t.map(
      (x) => ev.load(taskArithmetic(base.theta0, models, 1 / k + x * (1 - 1 / k))).evaluate(task, "val").loss,
    );
    return { name: m.members.join(" + "), k, merged, real: evaluate(m, task, "val").loss };
  });
  return new LambdaSweep({ target: task.name, t, mixtures });
}
