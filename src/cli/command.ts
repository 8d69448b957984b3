import type { ParsedArgs } from "./args";
import type { CliIO } from "./io";

/**
 * One subcommand of the `merge-to-mix` command line: its name, a one-line summary for the overview,
 * the usage text `--help` prints, the options it accepts, and what it does (returns the exit code).
 *
 * @example
 * export const suitesCommand: Command = { name: "suites", summary: "…", usage: "…", options: ["json"], run: async (a, io) => 0 };
 */
export interface Command {
  readonly name: string;
  /** One line for `merge-to-mix help`. */
  readonly summary: string;
  /** The usage block `merge-to-mix NAME --help` prints (first line: the synopsis). */
  readonly usage: string;
  /** Option names (without `--`) the command accepts; anything else is a typed error. `help` is implied. */
  readonly options: readonly string[];
  /** Which of `options` are boolean flags: they take no value (`--overwrite=false` is an error). */
  readonly flags?: readonly string[];
  /** Names of the words the command takes after its name (e.g. ["RUN_DIR"]); any other word is an error. */
  readonly positionals?: readonly string[];
  /** Do the work, writing results to `io.out` and progress and errors to `io.err`; returns the exit code. */
  run(args: ParsedArgs, io: CliIO): Promise<number>;
}
