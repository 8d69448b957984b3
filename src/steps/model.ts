import type { ParamVector } from "../params/param-vector";
import type { Base } from "./base";
import { Shown, tableBlock } from "./shown";

/** How a model was made: θ0 itself, one dataset's fine-tune, a merge of experts, or a real mixture fine-tune. */
export type ModelKind = "base" | "expert" | "merged" | "mixture";

/** One set of weights of a base's network, with where it came from. */
export class Model extends Shown {
  constructor(
    readonly base: Base,
    readonly kind: ModelKind,
    readonly label: string,
    readonly members: readonly string[],
    readonly params: ParamVector,
    readonly note = "",
  ) {
    super();
  }

  /** ‖θ − θ0‖: how far fine-tuning (or merging) moved the weights. */
  distanceFromBase(): number {
    const a = this.params.data,
      b = this.base.theta0.data;
    let s = 0;
    for (let i = 0; i < a.length; i++) {
      const d = a[i] - b[i];
      s += d * d;
    }
    return Math.sqrt(s);
  }

  html(): string {
    return tableBlock(
      [
        {
          model: this.label,
          kind: this.kind,
          members: this.members.join(" + ") || "–",
          "‖θ − θ0‖": this.distanceFromBase(),
          note: this.note || "–",
        },
      ],
      { columns: ["model", "kind", "members", "‖θ − θ0‖", "note"] },
    );
  }
  summary(): string {
    return `${this.kind} model ${this.label}${this.note ? ` (${this.note})` : ""}`;
  }
}

/**
 * θ0 as a model (to evaluate or plot beside the others).
 *
 * @example
 * evaluate(baseModel(base), "mnist", "val");
 */
export function baseModel(base: Base): Model {
  return new Model(base, "base", "θ0", [], base.theta0);
}
