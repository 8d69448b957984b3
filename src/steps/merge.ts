import { dare } from "../merge/dare";
import { taskArithmetic } from "../merge/task-arithmetic";
import { ties } from "../merge/ties";
import { uniformMean } from "../merge/uniform-mean";
import { weightedMean } from "../merge/weighted-mean";
import { InvalidArgumentError, UnknownNameError } from "../util/errors";
import { Experts } from "./experts";
import { Model } from "./model";

/** The merge operators a step can name. */
export const MERGE_OPERATORS = ["mean", "sum", "task-arithmetic", "weighted", "ties", "dare"] as const;
export type MergeOperator = (typeof MERGE_OPERATORS)[number];

/** Options of {@link merge}. */
export interface MergeStepOptions {
  /**
   * "mean" (Merge to Mix: θ0 + mean of the task vectors, the default), "sum" (θ0 + their sum),
   * "task-arithmetic" (θ0 + λ·sum), "weighted" (a weighted mean), "ties", "dare".
   */
  operator?: MergeOperator;
  /** λ of task arithmetic, TIES and DARE (default 1). λ = 1/k is the mean of k experts, λ = 1 their sum. */
  lambda?: number;
  /** Weights of "weighted", one per name (normalised). */
  weights?: readonly number[];
  /** TIES: percent of each task vector kept (default 20). */
  k?: number;
  /** DARE: drop probability (default 0.5) and seed (default 0). */
  p?: number;
  seed?: number;
}

/**
 * Step 3: merge experts into one model — no training, just arithmetic on the weights.
 *
 * @example
 * const merged = merge(experts, ["mnist", "uci-digits"]);                          // the mean (Merge to Mix)
 * const summed = merge(experts, ["mnist", "uci-digits"], { operator: "sum" });
 * const halfway = merge(experts, ["mnist", "uci-digits"], { operator: "task-arithmetic", lambda: 0.75 });
 */
export function merge(experts: Experts, names: readonly string[], options: MergeStepOptions = {}): Model {
  if (!(experts instanceof Experts))
    throw new InvalidArgumentError("experts", experts, "the value of `await fineTuneEach(base, datasets)`");
  if (!Array.isArray(names) || names.length === 0)
    throw new InvalidArgumentError("names", names, `a non-empty list of experts (${experts.names.join(", ")})`);
  if (new Set(names).size !== names.length) throw new InvalidArgumentError("names", names, "distinct expert names");
  const op = options.operator ?? "mean";
  if (!(MERGE_OPERATORS as readonly string[]).includes(op))
    throw new UnknownNameError("merge operator", String(op), MERGE_OPERATORS);
  const models = names.map((n) => experts.get(n).params);
  const theta0 = experts.base.theta0;
  const lambda = options.lambda ?? 1;
  if (!Number.isFinite(lambda)) throw new InvalidArgumentError("lambda", lambda, "a finite number");
  let params, note: string;
  switch (op) {
    case "mean":
      params = uniformMean(models);
      note = "mean";
      break;
    case "sum":
      params = taskArithmetic(theta0, models, 1);
      note = "θ0 + Σ τ";
      break;
    case "task-arithmetic":
      params = taskArithmetic(theta0, models, lambda);
      note = `θ0 + ${lambda} · Σ τ`;
      break;
    case "weighted": {
      const w = options.weights;
      if (!w || w.length !== names.length)
        throw new InvalidArgumentError("weights", w, `${names.length} weights, one per name`);
      params = weightedMean(models, w);
      note = `weights ${w.join(", ")}`;
      break;
    }
    case "ties":
      params = ties(theta0, models, { k: options.k ?? 20, lambda });
      note = `TIES k = ${options.k ?? 20}%`;
      break;
    case "dare":
      params = dare(theta0, models, { p: options.p ?? 0.5, seed: options.seed ?? 0, lambda });
      note = `DARE p = ${options.p ?? 0.5}`;
      break;
  }
  return new Model(experts.base, "merged", `${op}(${names.join(" + ")})`, [...names], params, note);
}
