#!/usr/bin/env node
// merge-to-mix command line: one file per subcommand under commands/; this file only dispatches.
import "../data/synthetic/suite";
import * as fs from "node:fs";
import * as path from "node:path";
import { MergeToMixError } from "../util/errors";
import { takeCacheOption } from "./cache-option";
import { packageRoot } from "../util/package-root";
import { commandArgs, parseArgs } from "./args";
import type { Command } from "./command";
import { processIO, println, type CliIO } from "./io";
import { baseCommand } from "./commands/base";
import { calibrateCommand } from "./commands/calibrate";
import { dataCommand } from "./commands/data";
import { reportCommand } from "./commands/report";
import { runCommand } from "./commands/run";
import { queueCommand } from "./commands/queue";
import { selectCommand } from "./commands/select";
import { suitesCommand } from "./commands/suites";
import { workerCommand } from "./commands/worker";

/** Every subcommand, in the order `help` lists them. */
export const COMMANDS: readonly Command[] = [
  runCommand,
  selectCommand,
  calibrateCommand,
  workerCommand,
  queueCommand,
  dataCommand,
  suitesCommand,
  baseCommand,
  reportCommand,
];

/** The package version (package.json), for `merge-to-mix --version`. */
export function version(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(packageRoot(), "package.json"), "utf8")) as { version: string };
  return pkg.version;
}

/** The overview `merge-to-mix help` prints: every command's usage. */
export function helpText(): string {
  return `merge-to-mix ${version()} — choose fine-tuning data mixtures by model merging (arXiv 2505.16066)

Usage:
${COMMANDS.map((c) => "  " + c.usage.replace(/\n/g, "\n  ")).join("\n")}
  merge-to-mix help | --help | --version
  merge-to-mix COMMAND --help      one command's usage

Every command takes --cache DIR: the folder for prepared data, pretrained encoders and raw Debian files
(default: $MERGE_TO_MIX_CACHE, else $XDG_CACHE_HOME/merge-to-mix or ~/.cache/merge-to-mix).
`;
}

/**
 * Entry point: dispatch a subcommand, writing through `io` (default: the process's stdout and stderr);
 * typed errors print one line and exit 1.
 *
 * @example
 * const code = await main(["suites", "--json"], { out: { write: (s) => chunks.push(s) }, err: process.stderr });
 */
export async function main(argv0: readonly string[], io: CliIO = processIO): Promise<number> {
  let argv: readonly string[];
  try {
    argv = takeCacheOption(argv0);
  } catch (err) {
    if (!(err instanceof MergeToMixError)) throw err;
    println(io.err, `merge-to-mix: ${err.name}: ${err.message}`);
    return 1;
  }
  const a = parseArgs(argv);
  const name = a.positional[0] ?? (a.options.has("version") ? "--version" : "help");
  if (name === "help" || name === "--help" || (a.positional.length === 0 && a.options.has("help"))) {
    println(io.out, helpText());
    return 0;
  }
  if (name === "--version") {
    println(io.out, version());
    return 0;
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    println(
      io.err,
      `unknown command ${JSON.stringify(name)}; valid: ${COMMANDS.map((c) => c.name).join(", ")}, help\n\n${helpText()}`,
    );
    return 2;
  }
  if (a.options.has("help")) {
    println(io.out, `Usage:\n  ${cmd.usage.replace(/\n/g, "\n  ")}`);
    return 0;
  }
  try {
    return await cmd.run(commandArgs(argv, cmd), io);
  } catch (err) {
    if (err instanceof MergeToMixError) {
      println(io.err, `merge-to-mix ${cmd.name}: ${err.name}: ${err.message}`);
      return 1;
    }
    throw err;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
