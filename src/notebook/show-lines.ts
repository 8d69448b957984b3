import { linesHtml } from "../report/lines-html";
import { InvalidArgumentError } from "../util/errors";
import { displaySink } from "./display";

/**
 * Show text lines inline (e.g. `formatClaims(claims)`, the terminal's exact claim lines) as one block that
 * wraps long lines to the notebook column instead of running past it.
 *
 * @example
 * showLines(formatClaims(claimsOf(results)!));
 */
export function showLines(lines: readonly string[] | string): void {
  const list = typeof lines === "string" ? lines.split("\n") : lines;
  if (!Array.isArray(list) || !list.every((l) => typeof l === "string"))
    throw new InvalidArgumentError("lines", lines, "a string or a list of strings");
  displaySink().display().html(linesHtml(list));
}
