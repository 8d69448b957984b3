/** A stderr line that is an error (tslab prints `12:3 - message` for type errors, stacks for exceptions). */
export function errorLines(stderr: string): string[] {
  return stderr
    .split("\n")
    .filter((l) =>
      /^\s*\d+:\d+ - |Error\b|error TS|Exception|^\s+at .+\(.+:\d+:\d+\)|Cannot find module|Unhandled/.test(l),
    );
}
