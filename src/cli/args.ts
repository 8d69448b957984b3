import { InvalidArgumentError } from "../util/errors";

/** Parsed command line: positional words and `--name value` / `--flag` options. */
export interface ParsedArgs {
  readonly positional: string[];
  readonly options: Map<string, string | true>;
}

/**
 * Parse `argv` (without node and script). `--name=value` and `--name value` both work; a `--name` followed by
 * another option or nothing is a boolean flag. Names in `flags` are booleans: they never take the next word
 * (`report --no-png DIR` keeps DIR), and a value (`--overwrite=false`) is an error. With `strict`, an
 * option given twice is an error (`--target a --target b` does not silently take the last).
 * Unknown options are rejected by `checkOptions`.
 *
 * @example
 * parseArgs(["run", "--suite", "vision8", "--seeds=3", "--overwrite"]);
 * // { positional: ["run"], options: Map { suite → "vision8", seeds → "3", overwrite → true } }
 * @throws InvalidArgumentError for a flag given a value, or (strict) an option given twice.
 */
export function parseArgs(argv: readonly string[], flags: readonly string[] = [], strict = false): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  const set = (name: string, value: string | true) => {
    if (strict && options.has(name)) {
      const was = options.get(name)!;
      throw new InvalidArgumentError(
        `--${name}`,
        value === true ? "(given twice)" : value,
        `one value (it is also given as ${was === true ? `--${name}` : JSON.stringify(was)}; an option is given once)`,
      );
    }
    options.set(name, value);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith("--")) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf("=");
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    if (flags.includes(name)) {
      if (eq > 0)
        throw new InvalidArgumentError(
          `--${name}`,
          a.slice(eq + 1),
          `no value: --${name} is a flag (give it alone, or leave it out)`,
        );
      set(name, true);
      continue;
    }
    if (eq > 0) {
      set(name, a.slice(eq + 1));
      continue;
    }
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith("--")) {
      set(name, next);
      i++;
    } else set(name, true);
  }
  return { positional, options };
}

/** Options every command accepts, handled by main before dispatch (e.g. `--cache DIR`); commands need not list them. */
export const GLOBAL_OPTIONS: readonly string[] = ["cache"];

/**
 * Parse a subcommand's `argv` (the command name first) against its definition: its flags take no value,
 * no option may be given twice, and words beyond the command's `positionals` are errors (a value given to
 * a flag, `--no-train no`, ends up here instead of being ignored). Unknown options are errors too.
 *
 * @example
 * commandArgs(["report", "--no-png", "runs/x"], reportCommand);   // positional ["report", "runs/x"]
 * @throws InvalidArgumentError naming the offending word or option.
 */
export function commandArgs(
  argv: readonly string[],
  cmd: { name: string; options: readonly string[]; flags?: readonly string[]; positionals?: readonly string[] },
): ParsedArgs {
  const a = parseArgs(argv, [...(cmd.flags ?? []), "help"], true);
  for (const g of GLOBAL_OPTIONS) a.options.delete(g);
  checkOptions(a, cmd.options, cmd.name);
  const named = cmd.positionals ?? [];
  const extra = a.positional.slice(1 + named.length);
  if (extra.length > 0) {
    throw new InvalidArgumentError(
      `argument of '${cmd.name}'`,
      extra[0],
      named.length
        ? `only ${named.join(" ")} (options start with --; flags such as ${(cmd.flags ?? []).map((f) => "--" + f).join(", ") || "--help"} take no value)`
        : `no arguments besides options (options start with --; flags such as ${(cmd.flags ?? []).map((f) => "--" + f).join(", ") || "--help"} take no value)`,
    );
  }
  return a;
}

/** Throw naming the first option not in `known`. */
export function checkOptions(args: ParsedArgs, known: readonly string[], command: string): void {
  for (const k of args.options.keys()) {
    if (!known.includes(k))
      throw new InvalidArgumentError(
        `option --${k} of '${command}'`,
        k,
        `one of ${known.map((x) => "--" + x).join(", ")}`,
      );
  }
}

/** A string option, or `fallback`. A bare flag where a value is needed is an error. */
export function stringOption(args: ParsedArgs, name: string, fallback?: string): string | undefined {
  const v = args.options.get(name);
  if (v === undefined) return fallback;
  if (v === true) throw new InvalidArgumentError(`--${name}`, "(no value)", "a value after the option");
  return v;
}

/** An integer option within [min, max], or `fallback`. */
export function intOption(args: ParsedArgs, name: string, fallback: number, min = -Infinity, max = Infinity): number {
  const v = stringOption(args, name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new InvalidArgumentError(`--${name}`, v, `an integer in [${min}, ${max}]`);
  return n;
}

/** A comma-separated list option, or undefined. */
export function listOption(args: ParsedArgs, name: string): string[] | undefined {
  const v = stringOption(args, name);
  return v === undefined
    ? undefined
    : v
        .split(",")
        .map((s) => s.trim())
        .filter((s) => s.length > 0);
}
