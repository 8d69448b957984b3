import { scoreMergedMixtures } from "../experiment/measure/merged-scores";
import { InvalidArgumentError } from "../util/errors";
import { Experts } from "./experts";
import { Shown, tableBlock } from "./shown";
import { stepProgress, type StepProgressOption } from "./step-progress";

/** One mixture's merged-model score. */
export interface MixtureScoreRow {
  mixture: string;
  size: number;
  /** Bitmask over the experts' order. */
  mask: number;
  val_loss: number;
  val_acc: number;
}

/** Every mixture of the experts scored on a target by its merged model, best (lowest loss) first. */
export class ScoredMixtures extends Shown {
  constructor(
    readonly experts: Experts,
    readonly target: string,
    readonly rows: readonly MixtureScoreRow[],
    readonly seconds: number,
  ) {
    super();
  }
  /** The mixture Merge to Mix picks: the lowest merged validation loss. */
  get best(): MixtureScoreRow {
    return this.rows[0];
  }
  /** The row of the mixture with exactly these members (any order). */
  row(names: readonly string[]): MixtureScoreRow {
    const mask = names.reduce((m, n) => m | (1 << this.experts.names.indexOf(n)), 0);
    const r = this.rows.find((x) => x.mask === mask);
    if (!r || names.some((n) => !this.experts.names.includes(n)))
      throw new InvalidArgumentError("mixture", names, `a subset of ${this.experts.names.join(", ")}`);
    return r;
  }
  html(): string {
    return tableBlock(
      this.rows.map((r) => ({
        mixture: r.mixture,
        size: r.size,
        "merged val loss": r.val_loss,
        "merged val acc %": 100 * r.val_acc,
      })),
      {
        caption: `All ${this.rows.length} mixtures scored by their merged model on ${this.target} (validation split, ${this.seconds.toFixed(2)} s); best first`,
      },
    );
  }
  summary(): string {
    return `${this.rows.length} mixtures on ${this.target}; best ${this.best.mixture} (merged val loss ${this.best.val_loss.toFixed(4)})`;
  }
}

/**
 * Step 5: Merge to Mix itself — merge every non-empty subset of the experts (2^N − 1 of them, walked in
 * Gray-code order so each step adds or removes one expert) and score each merged model on the target's
 * validation split. No training: seconds for what would be 2^N − 1 fine-tunes.
 *
 * @example
 * const scored = scoreMixtures(experts, "hershey-digits");   // the table, best mixture first
 * scored.best.mixture;                                       // e.g. "mnist + uci-digits"
 */
export function scoreMixtures(
  experts: Experts,
  target: string,
  options: { progress?: StepProgressOption } = {},
): ScoredMixtures {
  if (!(experts instanceof Experts))
    throw new InvalidArgumentError("experts", experts, "the value of `await fineTuneEach(base, datasets)`");
  const t = experts.base.task(target);
  if (experts.names.includes(t.name))
    throw new InvalidArgumentError(
      "target",
      target,
      `a task that is not one of the experts (${experts.names.join(", ")}): the target's own data is never mixed in`,
    );
  const r = scoreMergedMixtures(
    experts.base.evaluator(),
    experts.models.map((m) => m.params),
    t,
    stepProgress(options.progress),
  );
  const rows: MixtureScoreRow[] = [];
  for (let mask = 1; mask < 2 ** experts.models.length; mask++) {
    const members = experts.names.filter((_, i) => (mask >> i) & 1);
    rows.push({
      mixture: members.join(" + "),
      size: members.length,
      mask,
      val_loss: r.loss[mask],
      val_acc: r.acc[mask],
    });
  }
  rows.sort((a, b) => a.val_loss - b.val_loss || a.mask - b.mask);
  return new ScoredMixtures(experts, t.name, rows, r.seconds);
}
