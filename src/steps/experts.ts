import { UnknownNameError } from "../util/errors";
import type { Base } from "./base";
import type { Model } from "./model";
import { Shown, tableBlock } from "./shown";

/** θ0 fine-tuned on each dataset alone ("experts"), in the order asked. */
export class Experts extends Shown {
  constructor(
    readonly base: Base,
    readonly models: readonly Model[],
    readonly seed: number,
    readonly seconds: number,
    readonly cached: number,
  ) {
    super();
  }

  get names(): string[] {
    return this.models.map((m) => m.members[0]);
  }

  /** The expert fine-tuned on `name`; UnknownNameError listing the experts otherwise. */
  get(name: string): Model {
    const m = this.models.find((x) => x.members[0] === name);
    if (!m) throw new UnknownNameError("expert", String(name), this.names);
    return m;
  }

  html(): string {
    const rows = this.models.map((m) => ({
      dataset: m.members[0],
      "train examples": this.base.suite.task(m.members[0]).splits.train.n,
      "‖θ − θ0‖": m.distanceFromBase(),
    }));
    return tableBlock(rows, {
      caption: `${this.models.length} experts (θ0 fine-tuned on each dataset alone, seed ${this.seed}; ${this.cached} from the cache)`,
    });
  }
  summary(): string {
    return `experts: ${this.names.join(", ")}`;
  }
}
