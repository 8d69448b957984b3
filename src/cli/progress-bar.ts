import type { Progress } from "../util/progress";

/** The part of a writable stream the bar needs (process.stderr, a file stream, a test fake). */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Options of {@link terminalProgress}. */
export interface TerminalProgressOptions {
  /** Clock in milliseconds (default Date.now; tests inject a fake one). */
  now?: () => number;
  /** Minimum milliseconds between in-place redraws on a TTY (default 100). */
  redrawMs?: number;
  /** Non-TTY: print a line at most this often (default 10000 ms), and at every 10% of the total. */
  lineMs?: number;
  /** Bar width in characters (default 24). */
  width?: number;
}

/** "1h02m", "3m05s", "12s". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return "?";
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m`;
}

/** "12.3/s", "0.25/s", "1.2k/s". */
function formatRate(rate: number): string {
  if (!Number.isFinite(rate) || rate <= 0) return "–/s";
  if (rate >= 1000) return `${(rate / 1000).toFixed(1)}k/s`;
  return `${rate >= 10 ? rate.toFixed(1) : rate.toPrecision(2)}/s`;
}

/**
 * A Progress for terminals: on a TTY, one bar redrawn in place (label, bar, done/total, rate, ETA,
 * current detail); elsewhere (CI logs, files) plain lines, at most one per `lineMs` or per 10% of the
 * total, so logs stay short. `log()` messages are printed on their own line above the bar.
 *
 * @example
 * const p = terminalProgress();          // process.stderr
 * p.start("fine-tune pool", 8);
 * p.tick(1, "mnist");                     // fine-tune pool [███░░░…] 1/8  0.52/s  ETA 13s  mnist
 * p.done();
 */
export function terminalProgress(
  stream: ProgressStream = process.stderr,
  options: TerminalProgressOptions = {},
): Progress {
  const now = options.now ?? Date.now;
  const redrawMs = options.redrawMs ?? 100,
    lineMs = options.lineMs ?? 10000,
    width = options.width ?? 24;
  const tty = stream.isTTY === true;
  let label = "",
    total = 0,
    count = 0,
    detail = "",
    t0 = 0,
    lastDraw = -Infinity,
    lastDecile = -1,
    active = false,
    drawn = false;

  const line = (): string => {
    const elapsed = (now() - t0) / 1000;
    const rate = elapsed > 0 ? count / elapsed : NaN;
    const parts = [label];
    if (total > 0) {
      const frac = Math.min(1, count / total);
      const full = Math.round(frac * width);
      if (tty) parts.push(`[${"█".repeat(full)}${"░".repeat(width - full)}]`);
      parts.push(`${count}/${total}`, `${Math.floor(frac * 100)}%`);
    } else parts.push(`${count}`);
    parts.push(formatRate(rate));
    if (active && total > 0 && count < total)
      parts.push(`ETA ${formatDuration(rate > 0 ? (total - count) / rate : NaN)}`);
    else if (!active) parts.push(`in ${formatDuration(elapsed)}`);
    if (detail) parts.push(detail);
    let text = parts.join("  ");
    const cols = stream.columns;
    if (tty && cols && text.length > cols - 1) text = text.slice(0, cols - 2) + "…";
    return text;
  };
  const draw = (force: boolean): void => {
    const t = now();
    if (tty) {
      if (!force && t - lastDraw < redrawMs) return;
      stream.write(`\r${line()}\x1b[K`);
      drawn = true;
    } else {
      const decile = total > 0 ? Math.floor((10 * count) / total) : -1;
      if (!force && t - lastDraw < lineMs && decile === lastDecile) return;
      lastDecile = decile;
      stream.write(`${line()}\n`);
    }
    lastDraw = t;
  };

  return {
    start(l: string, n: number): void {
      if (active) this.done();
      label = l;
      total = Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
      count = 0;
      detail = "";
      t0 = now();
      active = true;
      lastDraw = -Infinity;
      lastDecile = 0;
      draw(true);
    },
    tick(units = 1, d?: string): void {
      count += units;
      if (d !== undefined) detail = d;
      if (active) draw(false);
    },
    log(message: string): void {
      if (tty && drawn) stream.write("\r\x1b[K");
      stream.write(`${message}\n`);
      drawn = false;
      if (tty && active) draw(true);
    },
    done(): void {
      if (!active) return;
      active = false;
      detail = "";
      if (tty) {
        stream.write(`\r${line()}\x1b[K\n`);
        drawn = false;
      } else stream.write(`${line()}\n`);
    },
  };
}
