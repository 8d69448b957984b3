import * as path from "path";
import type { Task } from "../data/types";
import { Evaluator } from "../evaluate/evaluator";
import { pretrainedAnchor } from "../experiment/anchor-data";
import { pretrainedEncoder } from "../experiment/base-model";
import type { FineTuneContext } from "../experiment/finetune-job";
import { stableHash } from "../experiment/hash";
import { resolveSpec, type ExperimentSpec, type SpecInput } from "../experiment/spec";
import { fineTuneContext, runEvaluator } from "../experiment/engine";
import { RunStore } from "../experiment/store";
import { initBackend, type BackendChoice, type BackendInfo } from "../model/backend";
import { buildBase } from "../model/pretrain";
import { netSpecFor, type NetSpec } from "../model/spec";
import type { ParamVector } from "../params/param-vector";
import { cacheSubdir, ensureWritableDir } from "../util/cache-dir";
import { InvalidArgumentError } from "../util/errors";
import { ForeignModelError } from "./foreign-error";
import { stepProgress, type StepProgressOption } from "./step-progress";
import { Shown, tableBlock } from "./shown";
import { SuiteView } from "./suite-view";

/** Options of {@link pretrainedBase}: the protocol's knobs (defaults: the suite's preset) and where to cache. */
export type BaseOptions = Omit<SpecInput, "suite" | "preset" | "seeds" | "targets" | "dataSeed"> & {
  /** Folder of this base's run store (θ0, fine-tunes); default `<cache folder>/steps/<suite>-<hash of the spec>`. */
  dir?: string;
  backend?: BackendChoice;
  progress?: StepProgressOption;
};

/**
 * θ0 and everything the later steps share: the suite, the network, the fine-tuning recipe, a run store that
 * caches every fine-tune (so re-running a cell is instant) and one resident evaluator.
 */
export class Base extends Shown {
  private ev: Evaluator | undefined;
  constructor(
    readonly suite: SuiteView,
    readonly spec: ExperimentSpec,
    readonly theta0: ParamVector,
    readonly netSpec: NetSpec,
    readonly ctx: FineTuneContext,
    readonly store: RunStore,
    readonly backend: BackendInfo,
    readonly id: string,
  ) {
    super();
  }

  /** The resident evaluator (one network; models are loaded into it). */
  evaluator(): Evaluator {
    return (this.ev ??= runEvaluator(this.spec, this.netSpec, this.theta0));
  }

  /** A task of this base's suite, by name or as a Task of the same suite; typed errors otherwise. */
  task(task: string | Task): Task {
    if (typeof task === "string") return this.suite.task(task);
    const mine = this.suite.tasks.find((t) => t.name === task?.name);
    if (!mine || mine.suite !== task.suite || mine.inputSize !== task.inputSize) {
      throw new ForeignModelError(
        `task ${JSON.stringify(task?.name)}`,
        `suite ${JSON.stringify(task?.suite)}`,
        `the tasks of suite ${this.suite.name}`,
      );
    }
    return mine;
  }

  /** Bit of each named task in the suite's task order (the run store's mixture masks). */
  maskOf(names: readonly string[]): number {
    if (!Array.isArray(names) || names.length === 0)
      throw new InvalidArgumentError("datasets", names, `a non-empty list of task names of suite ${this.suite.name}`);
    let mask = 0;
    for (const n of names) {
      const i = this.suite.tasks.indexOf(this.suite.task(n));
      if (mask & (1 << i)) throw new InvalidArgumentError("datasets", names, `distinct task names (${n} twice)`);
      mask |= 1 << i;
    }
    return mask;
  }

  /** Free the evaluator and close the run store (a later step on this base reopens nothing: make a new base). */
  close(): void {
    this.ev?.dispose();
    this.ev = undefined;
    this.store.close();
  }

  html(): string {
    const rows = [
      { what: "suite", value: `${this.suite.name} (${this.spec.preset} preset)` },
      {
        what: "network",
        value: `${this.netSpec.inputSize} → ${this.netSpec.hidden.join(" → ")} → heads (${this.spec.headRule})`,
      },
      { what: "parameters", value: String(this.theta0.data.length) },
      {
        what: "fine-tuning",
        value: `${this.spec.finetune ?? "standard"}, ${this.spec.recipe.optimizer}, lr ${this.spec.recipe.learningRate}, batch ${this.spec.recipe.batchSize}, ${this.spec.recipe.epochs} epochs${this.spec.anchorShare ? `, anchor share ${this.spec.anchorShare}` : ""}`,
      },
      { what: "cache", value: this.store.dir },
    ];
    return tableBlock(rows, { caption: "Pretrained base model θ0", columns: ["what", "value"] });
  }
  summary(): string {
    return `θ0 for ${this.suite.name}: ${this.theta0.data.length} parameters (${this.netSpec.hidden.join("-")} hidden, ${this.spec.headRule} heads)`;
  }
}

/**
 * Step 1: the pretrained base model θ0 of a suite — the encoder pretrained without the suite's data
 * (cached in the cache folder's models/), plus heads fitted on every task.
 *
 * @example
 * const suite = await loadSuite("vision8");
 * const base = await pretrainedBase(suite);                   // a summary table as the cell's value
 * const small = await pretrainedBase(suite, { hidden: [64], recipe: { epochs: 3 } });
 * const linear = await pretrainedBase(suite, { finetune: "tangent" });   // every step in the tangent regime
 */
export async function pretrainedBase(suite: SuiteView, options: BaseOptions = {}): Promise<Base> {
  if (!(suite instanceof SuiteView))
    throw new InvalidArgumentError("suite", suite, "the value of `await loadSuite(name)`");
  const { dir, backend: backendChoice, progress: p, ...rest } = options;
  const progress = stepProgress(p);
  const spec = resolveSpec({ ...rest, suite: suite.name, preset: suite.preset, dataSeed: suite.seed });
  const backend = await initBackend(backendChoice ?? "auto");
  const pinned = {
    steps: 1,
    suite: suite.name,
    preset: spec.preset,
    dataSeed: spec.dataSeed,
    hidden: spec.hidden,
    headRule: spec.headRule,
    recipe: spec.recipe,
    pretrain: spec.pretrain,
    trainBudget: spec.trainBudget,
    tasks: suite.tasks.map((t) => t.name),
    // absent for the standard regime, so standard bases keep their folder ids
    ...(spec.finetune ? { finetune: spec.finetune } : {}),
    ...(spec.anchorShare ? { anchorShare: spec.anchorShare } : {}),
  };
  const id = stableHash(pinned).slice(0, 12);
  const folder = dir ?? path.join(cacheSubdir("steps"), `${suite.name}-${id}`);
  ensureWritableDir(folder);
  const { encoder } = await pretrainedEncoder(suite.suite, spec.hidden, spec.pretrain, { progress });
  const store = RunStore.open(folder, { spec: pinned });
  try {
    const netSpec = netSpecFor(suite.tasks, spec.hidden, spec.headRule);
    let theta0 = store.getWeights("theta0")?.params;
    if (!theta0) {
      theta0 = buildBase(encoder, suite.tasks, spec.headRule, spec.pretrain.seed);
      store.putWeights("theta0", theta0);
    }
    const anchor = spec.anchorShare
      ? await pretrainedAnchor(suite.suite, encoder, spec.pretrain, spec.anchorShare, { progress })
      : undefined;
    const ctx = fineTuneContext(spec, suite.suite, theta0, netSpec, anchor);
    return new Base(suite, spec, theta0, netSpec, ctx, store, backend, id);
  } catch (e) {
    store.close();
    throw e;
  }
}
