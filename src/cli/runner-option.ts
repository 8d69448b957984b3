import { QueueRunner } from "../experiment/runners/queue/queue-runner";
import type { FineTuneRunner } from "../experiment/runners/runner";
import { stringOption, type ParsedArgs } from "./args";

/** The option every command that fine-tunes accepts (run, and select/calibrate when they come): `--queue redis://HOST:PORT`. */
export const RUNNER_OPTIONS = ["queue"] as const;

/** Usage text of {@link RUNNER_OPTIONS}, for a command's --help. */
export const RUNNER_USAGE = `--queue redis://HOST:PORT: fine-tunes go to a BullMQ queue on that Redis, done by any number of
    'merge-to-mix worker --queue redis://HOST:PORT' processes on any machine with the project and its data
    (without it: a local pool of --workers threads)`;

/**
 * Run `fn` with the fine-tune runner the command line asks for: a queue runner for `--queue URL`
 * (connected first, closed afterwards), or undefined for the local pool.
 *
 * @example
 * return withRunner(a, async (runner) => { await runExperiment({ ..., runner }); return 0; });
 */
export async function withRunner<T>(a: ParsedArgs, fn: (runner: FineTuneRunner | undefined) => Promise<T>): Promise<T> {
  const url = stringOption(a, "queue");
  if (url === undefined) return fn(undefined);
  const runner = await QueueRunner.open({ url });
  try {
    return await fn(runner);
  } finally {
    await runner.close();
  }
}
