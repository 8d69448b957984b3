import { notebookProgress } from "../notebook/progress";
import { silentProgress, type Progress } from "../util/progress";

/** A step's progress: a Progress, false for none, or (default) a progress bar when running in a tslab kernel. */
export type StepProgressOption = Progress | boolean | undefined;

/**
 * The progress a step reports to: the given one, nothing (`false`), or a notebook progress bar in a kernel.
 *
 * @example
 * const progress = stepProgress(options.progress);
 */
export function stepProgress(p: StepProgressOption): Progress {
  if (p === false) return silentProgress;
  if (p && p !== true) return p;
  return (globalThis as { __tslab__?: unknown }).__tslab__ ? notebookProgress() : silentProgress;
}
