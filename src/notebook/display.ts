import { MergeToMixError } from "../util/errors";

/** The part of tslab's Display the helpers use. */
export interface NotebookDisplay {
  html(s: string): void;
  png?(b: Uint8Array): void;
}

/** Where notebook output goes: tslab by default. */
export interface DisplaySink {
  /** The cell's display (a new output each call). */
  display(): NotebookDisplay;
  /** A display that can be rewritten in place (progress bars). */
  newDisplay(): NotebookDisplay;
}

/** The notebook helpers were called outside a tslab kernel (and no sink was set). */
export class NotInNotebookError extends MergeToMixError {}

let override: DisplaySink | undefined;

/**
 * Route notebook output elsewhere (tests, another kernel); `undefined` restores tslab.
 *
 * @example
 * setDisplaySink({ display: () => ({ html: (s) => out.push(s) }), newDisplay: () => ({ html: (s) => out.push(s) }) });
 */
export function setDisplaySink(sink: DisplaySink | undefined): void {
  override = sink;
}

/**
 * The running kernel's own tslab module. Its display state lives in that module instance, and an installed
 * package resolves "tslab" from its own node_modules (another copy, or none), so prefer the kernel's:
 * the kernel's main script is tslab's bin/tslab, whose parent folder is the tslab package.
 */
function kernelTslab(): typeof import("tslab") | undefined {
  const main = require.main;
  if (
    !(globalThis as { __tslab__?: unknown }).__tslab__ ||
    !main ||
    !/[\\/]tslab[\\/]bin[\\/]tslab$/.test(main.filename)
  )
    return undefined;
  try {
    return main.require("..") as typeof import("tslab");
  } catch {
    return undefined;
  }
}

/** tslab is required lazily so `src/` loads outside a kernel; its calls throw "Not ready" there. */
function tslabSink(): DisplaySink {
  let tslab: typeof import("tslab");
  try {
    tslab = kernelTslab() ?? require("tslab");
  } catch (e) {
    throw new NotInNotebookError(
      "tslab is not installed; the notebook helpers need a tslab kernel (npm ci && npm run kernel:install)",
      { cause: e },
    );
  }
  const wrap = (d: import("tslab").Display): NotebookDisplay => ({
    html(s: string) {
      try {
        d.html(s);
      } catch (e) {
        throw new NotInNotebookError(
          "no tslab kernel is running: call the notebook helpers from a tslab notebook cell (outside one, use the report functions, e.g. figureHtml / writeReport)",
          { cause: e },
        );
      }
    },
    png(b: Uint8Array) {
      try {
        d.png(b);
      } catch (e) {
        throw new NotInNotebookError("no tslab kernel is running", { cause: e });
      }
    },
  });
  return { display: () => wrap(tslab.display), newDisplay: () => wrap(tslab.newDisplay()) };
}

/**
 * The active display sink (the override, else tslab).
 *
 * @example
 * displaySink().display().html("<b>hello</b>");
 */
export function displaySink(): DisplaySink {
  return override ?? tslabSink();
}
