import type { PresetName } from "../../data/presets";
import type { LoadSuiteOptions } from "../../data/suites";
import type { SplitSizes } from "../../data/types";
import type { Progress } from "../../util/progress";
import type { FineTuneContext, FineTuneJob, FineTuneOutput } from "../finetune-job";

/**
 * How another machine reloads a run's suite: `loadSuite(suite, { ...options, preset, seed })`. Only the
 * options that change the data travel; machine-local ones (cache folder, manifest path) stay behind.
 */
export interface SuiteRef {
  readonly suite: string;
  readonly preset: PresetName;
  /** The data seed (splits). */
  readonly seed: number;
  readonly options?: {
    readonly sizes?: Partial<SplitSizes>;
    readonly tasks?: readonly string[];
    readonly dim?: number;
  };
}

/**
 * The suite reference of a run: its suite, preset, data seed and the data-changing load options.
 *
 * @example
 * suiteRef("vision8", "quick", 0, { sizes: { train: 100 } });   // { suite: "vision8", preset: "quick", seed: 0, options: { sizes: { train: 100 } } }
 */
export function suiteRef(
  suite: string,
  preset: PresetName,
  seed: number,
  options?: Omit<LoadSuiteOptions, "preset" | "seed" | "progress">,
): SuiteRef {
  const o: { sizes?: Partial<SplitSizes>; tasks?: readonly string[]; dim?: number } = {};
  if (options?.sizes) o.sizes = { ...options.sizes };
  if (options?.tasks) o.tasks = [...options.tasks];
  if (options?.dim !== undefined) o.dim = options.dim;
  return Object.keys(o).length ? { suite, preset, seed, options: o } : { suite, preset, seed };
}

/** One batch of fine-tunes for a runner: what they share, which to run, and on which tfjs backend. */
export interface FineTuneBatch {
  readonly ctx: FineTuneContext;
  /** The fine-tunes to run, in the order they should start (biggest first). */
  readonly jobs: readonly FineTuneJob[];
  /** The tfjs backend the results must come from ("wasm", "cpu", "tensorflow"): same backend, same numbers. */
  readonly backend: string;
  /** How a remote worker reloads the data (required by runners that leave this process). */
  readonly data?: SuiteRef;
  /** Phase label for logs. */
  readonly label: string;
}

/**
 * Receives each finished fine-tune (the coordinator writes it to the run store). Returns false when that
 * fine-tune was already stored: a duplicate, ignored and not counted.
 */
export type ResultSink = (out: FineTuneOutput) => boolean;

/**
 * Where fine-tunes run: one small interface (Mosaic's Connector is the model) with a local worker-thread
 * pool ({@link LocalRunner}) and a BullMQ queue on Redis (`QueueRunner`) behind it. A runner only computes;
 * the coordinator alone writes the run store, through `onResult`. `run` resolves when every job's result
 * was handed to `onResult` (ticking `progress` once per stored result) and rejects when a job cannot be done.
 *
 * @example
 * const runner = new LocalRunner({ threads: 2 });
 * await runner.run({ ctx, jobs, backend: "wasm", label: "fine-tunes" }, (out) => save(out), progress);
 * await runner.close();
 */
export interface FineTuneRunner {
  /** One line for logs: "local, 2 threads", "queue redis://host:6379 (m2m:finetunes)". */
  readonly description: string;
  run(batch: FineTuneBatch, onResult: ResultSink, progress: Progress): Promise<void>;
  /** Release threads and connections (idempotent). */
  close(): Promise<void>;
}
