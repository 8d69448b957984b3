import type { Task } from "../data/types";
import { Evaluator } from "../evaluate/evaluator";
import { InvalidArgumentError } from "../util/errors";
import { Rng } from "../util/rng";
import { fineTune } from "./finetune";
import { initParams } from "./init";
import { DEFAULT_FINETUNE_RECIPE, type FineTuneRecipe } from "./recipe";
import { networkLayout, type NetSpec } from "./spec";

/** Measured speed of the active backend for one network shape. */
export interface Throughput {
  /** Fine-tuning samples per second (forward + backward + optimizer step). */
  readonly trainPerSecond: number;
  /** Evaluation samples per second (forward pass + loss/accuracy). */
  readonly inferPerSecond: number;
}

/**
 * Measure train and inference throughput of an MLP on the active backend, on random inputs
 * (speed does not depend on the values). Runs a short warm-up first. For reports and bench/, never for tests.
 *
 * @example
 * await initBackend("wasm");
 * measureThroughput({ inputSize: 784, hidden: [256, 256] }, 40);   // { trainPerSecond: …, inferPerSecond: … }
 */
export function measureThroughput(
  shape: Pick<NetSpec, "inputSize" | "hidden">,
  numUnits: number,
  o: { samples?: number; recipe?: FineTuneRecipe; seed?: number } = {},
): Throughput {
  const n = o.samples ?? 4096;
  if (!Number.isInteger(numUnits) || numUnits < 1) throw new InvalidArgumentError("numUnits", numUnits, "a positive integer");
  const rng = new Rng(o.seed ?? 0);
  const d = shape.inputSize;
  const classes = Array.from({ length: numUnits }, (_, i) => `c${i}`);
  const split = (m: number) => ({ x: Float32Array.from({ length: m * d }, () => rng.next()), y: Int32Array.from({ length: m }, () => rng.int(numUnits)), n: m });
  const task: Task = {
    name: "throughput", title: "throughput", suite: "bench", inputShape: [d], inputSize: d, classes, concepts: classes,
    splits: { train: split(n), val: split(n), test: split(64), headfit: split(numUnits) },
    source: { package: "synthetic", version: "0", licence: "none" },
  };
  const spec: NetSpec = { inputSize: d, hidden: [...shape.hidden], units: classes };
  const theta = initParams(networkLayout(spec), o.seed ?? 0);
  const recipe = { ...(o.recipe ?? DEFAULT_FINETUNE_RECIPE), epochs: 1 };
  fineTune(theta, spec, [{ task }], { ...recipe, maxSteps: 5 }, "shared", 0);   // warm-up
  const t0 = process.hrtime.bigint();
  const r = fineTune(theta, spec, [{ task }], recipe, "shared", 0);
  const train = Number(process.hrtime.bigint() - t0) / 1e9;
  const ev = new Evaluator(spec, "shared");
  try {
    ev.load(theta).evaluate(task, "test");   // warm-up
    const t1 = process.hrtime.bigint();
    ev.evaluate(task, "val");
    const infer = Number(process.hrtime.bigint() - t1) / 1e9;
    return { trainPerSecond: r.samples / train, inferPerSecond: n / infer };
  } finally {
    ev.dispose();
  }
}
