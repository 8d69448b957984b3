import { inspect } from "util";
import { displaySink, NotInNotebookError } from "../notebook/display";
import { TABLE_CSS, tableHtml, type TableHtmlOptions, type TableRow } from "../report/tables/index";
import { InvalidArgumentError } from "../util/errors";

/**
 * A step's result: plain data that also renders itself. As a notebook cell's last value tslab prints it
 * (util.inspect), and this hook shows its HTML instead (a table, a figure) with a one-line summary under it;
 * in a terminal it prints as text. `show(x)` shows it explicitly from anywhere in a cell.
 */
export abstract class Shown {
  /** The HTML a notebook shows (tables carry their CSS; figures need `initPlotly()` once). */
  abstract html(): string;
  /** A one-line summary (what a terminal prints). */
  abstract summary(): string;

  [inspect.custom](): string {
    return showHtmlIfNotebook(this.html()) ? this.summary() : this.toString();
  }

  /** The summary, for terminals and string interpolation. */
  toString(): string {
    return this.summary();
  }
}

/** Show `html` in the running notebook; false outside one (nothing shown). */
function showHtmlIfNotebook(html: string): boolean {
  try {
    displaySink().display().html(html);
    return true;
  } catch (e) {
    if (e instanceof NotInNotebookError) return false;
    throw e;
  }
}

/**
 * Show a step's result in the notebook now (a cell shows only its last value by itself).
 *
 * @example
 * show(await fineTuneEach(base, ["a", "b"]));
 * show(merge(experts, ["a", "b"]));
 */
export function show(x: Shown): void {
  if (!(x instanceof Shown))
    throw new InvalidArgumentError(
      "show(x)",
      x,
      "the result of a step (loadSuite, fineTuneEach, merge, evaluate, scoreMixtures, …)",
    );
  displaySink().display().html(x.html());
}

/** A table's HTML with its scoped CSS (a notebook has no report stylesheet). */
export function tableBlock(rows: readonly TableRow[], options: TableHtmlOptions = {}): string {
  return `<style>${TABLE_CSS}</style>` + tableHtml(rows, options);
}
