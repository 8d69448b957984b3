import type { ProgressStream } from "./progress-bar";

/**
 * Where a command writes: `out` for its results (stdout), `err` for errors, progress and logs (stderr).
 * A writable-like pair, so tests capture a command's text without patching `console` or `process`.
 *
 * @example
 * const lines: string[] = [];
 * const io: CliIO = { out: { write: (s) => lines.push(s) }, err: process.stderr };
 * await main(["suites"], io);
 */
export interface CliIO {
  readonly out: ProgressStream;
  readonly err: ProgressStream;
}

/** The process's own streams: what `merge-to-mix` uses when run from a shell. */
export const processIO: CliIO = { out: process.stdout, err: process.stderr };

/**
 * Write `text` and a newline to `stream` (console.log's shape for one string).
 *
 * @example
 * println(io.out, "done");
 */
export function println(stream: ProgressStream, text: string): void {
  stream.write(text + "\n");
}
