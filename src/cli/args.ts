import { InvalidArgumentError } from "../util/errors";

/** Parsed command line: positional words and `--name value` / `--flag` options. */
export interface ParsedArgs {
  readonly positional: string[];
  readonly options: Map<string, string | true>;
}

/**
 * Parse `argv` (without node and script). `--name=value` and `--name value` both work; a `--name` followed by
 * another option or nothing is a boolean flag. Unknown options are rejected by `checkOptions`.
 *
 * @example
 * parseArgs(["run", "--suite", "vision8", "--seeds=3", "--overwrite"]);
 * // { positional: ["run"], options: Map { suite → "vision8", seeds → "3", overwrite → true } }
 */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith("--")) { positional.push(a); continue; }
    const eq = a.indexOf("=");
    if (eq > 0) { options.set(a.slice(2, eq), a.slice(eq + 1)); continue; }
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith("--")) { options.set(a.slice(2), next); i++; }
    else options.set(a.slice(2), true);
  }
  return { positional, options };
}

/** Throw naming the first option not in `known`. */
export function checkOptions(args: ParsedArgs, known: readonly string[], command: string): void {
  for (const k of args.options.keys()) {
    if (!known.includes(k)) throw new InvalidArgumentError(`option --${k} of '${command}'`, k, `one of ${known.map((x) => "--" + x).join(", ")}`);
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
  if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`--${name}`, v, `an integer in [${min}, ${max}]`);
  return n;
}

/** A comma-separated list option, or undefined. */
export function listOption(args: ParsedArgs, name: string): string[] | undefined {
  const v = stringOption(args, name);
  return v === undefined ? undefined : v.split(",").map((s) => s.trim()).filter((s) => s.length > 0);
}
