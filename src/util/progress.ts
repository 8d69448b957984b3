/**
 * One small interface for every loop that can run longer than a few seconds.
 * The CLI passes a terminal bar, a notebook passes an in-place display, tests pass `silentProgress`.
 *
 * @example
 * const p = progress ?? silentProgress;
 * p.start("fine-tune pool", models.length);
 * for (const m of models) { …; p.tick(1, m.name); }
 * p.done();
 */
export interface Progress {
  /** Begin a phase of `total` units (use 0 when unknown). */
  start(label: string, total: number): void;
  /** `units` more finished; `detail` is a short note (current item). */
  tick(units?: number, detail?: string): void;
  /** A free-text line (a phase result, a timing). */
  log(message: string): void;
  /** The current phase finished. */
  done(): void;
}

/** Progress that says nothing. */
export const silentProgress: Progress = { start() {}, tick() {}, log() {}, done() {} };
