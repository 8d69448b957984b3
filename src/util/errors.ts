/**
 * Typed errors. Every error names the offending value and what was expected, and may carry
 * the error that caused it (`cause`), so a notebook user sees one clear line and can dig deeper.
 *
 * @example
 * throw new InvalidArgumentError("p", p, "a probability in [0, 1)");
 * // → InvalidArgumentError: p = 1.5, expected a probability in [0, 1)
 */
export class MergeToMixError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message);
    this.name = new.target.name;
    if (options && options.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
  }
}

/** Render a value for an error message: short, JSON-like, never throws. */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 80 ? value.slice(0, 77) + "..." : value);
  if (typeof value === "number" || typeof value === "boolean" || value == null) return String(value);
  if (Array.isArray(value)) {
    const head = value.slice(0, 8).map(describeValue).join(", ");
    return `[${head}${value.length > 8 ? `, … (${value.length} items)` : ""}]`;
  }
  if (ArrayBuffer.isView(value)) return `${value.constructor.name}(${(value as unknown as { length: number }).length})`;
  try {
    const s = JSON.stringify(value);
    return s.length > 120 ? s.slice(0, 117) + "..." : s;
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** A parameter has a value outside what is accepted. */
export class InvalidArgumentError extends MergeToMixError {
  constructor(
    readonly argument: string,
    readonly value: unknown,
    readonly expected: string,
    options?: { cause?: unknown },
  ) {
    super(`${argument} = ${describeValue(value)}, expected ${expected}`, options);
  }
}

/** Two parameter layouts (or shapes) that must agree do not. */
export class LayoutMismatchError extends MergeToMixError {}

/** A parameter vector holds NaN or ±Infinity. */
export class NonFiniteError extends MergeToMixError {}

/** A file on disk is truncated, corrupted or of the wrong format or version. */
export class CorruptFileError extends MergeToMixError {
  constructor(
    readonly path: string,
    readonly problem: string,
    options?: { cause?: unknown },
  ) {
    super(`${path}: ${problem}`, options);
  }
}

/** A name (suite, task, preset, backend, …) is not one of the known ones. */
export class UnknownNameError extends MergeToMixError {
  constructor(
    readonly kind: string,
    readonly value: string,
    readonly valid: readonly string[],
  ) {
    super(`unknown ${kind} ${JSON.stringify(value)}; valid: ${valid.join(", ")}`);
  }
}

/** Something the project needs is not installed; the message holds the command that installs it. */
export class MissingDependencyError extends MergeToMixError {
  constructor(
    readonly dependency: string,
    readonly installCommand: string,
    options?: { cause?: unknown },
  ) {
    super(`${dependency} is not installed; install it with: ${installCommand}`, options);
  }
}

/** A request is too large to do exhaustively (e.g. a 2^N sweep with N > 24). */
export class TooLargeError extends MergeToMixError {}
