import { escapeHtml } from "../report/html";
import { Progress } from "../util/progress";
import { InvalidArgumentError } from "../util/errors";
import { displaySink } from "./display";

export interface NotebookProgressOptions {
  /**
   * Redraw at most this often (default 250 ms); a state change inside the interval is drawn when it ends, so dozens
   * of sub-second phases send one message, not dozens, to the kernel's output socket.
   */
  minIntervalMs?: number;
  /** Log lines kept under the bar (default 8). */
  logLines?: number;
}

const fmtTime = (ms: number) => {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`;
};

/**
 * A Progress that draws a bar in the cell's output and updates it in place (tslab.newDisplay()):
 * label, count/total, percent, elapsed time, ETA, the current item, and the last log lines.
 *
 * @example
 * const p = notebookProgress();
 * p.start("fine-tune pool", 8);
 * for (const t of tasks) { await fineTune(t); p.tick(1, t.name); }
 * p.done();
 */
export function notebookProgress(options: NotebookProgressOptions = {}): Progress {
  const minInterval = options.minIntervalMs ?? 250;
  if (!(minInterval >= 0)) throw new InvalidArgumentError("minIntervalMs", minInterval, "a number ≥ 0");
  const keep = options.logLines ?? 8;
  const d = displaySink().newDisplay();
  let label = "",
    total = 0,
    count = 0,
    detail = "",
    t0 = Date.now(),
    last = 0,
    finished = false,
    pending: ReturnType<typeof setTimeout> | null = null;
  const logs: string[] = [];
  // draw now when the interval has passed, else once when it ends (the latest state; unref'd: never keeps a process alive)
  const request = () => {
    const wait = last + minInterval - Date.now();
    if (wait <= 0) return draw();
    if (pending) return;
    pending = setTimeout(draw, wait);
    pending.unref?.();
  };
  const draw = () => {
    if (pending) clearTimeout(pending);
    pending = null;
    last = Date.now();
    const elapsed = last - t0;
    const frac = total > 0 ? Math.min(1, count / total) : finished ? 1 : 0;
    const eta = total > 0 && count > 0 && !finished ? ` · ETA ${fmtTime((elapsed / count) * (total - count))}` : "";
    const counts = total > 0 ? `${count}/${total} (${Math.round(frac * 100)}%)` : `${count}`;
    const bar =
      total > 0 || finished
        ? `<div style="width:320px;height:10px;background:#e4e4e4;border-radius:5px;overflow:hidden;display:inline-block;vertical-align:middle"><div style="width:${(frac * 100).toFixed(1)}%;height:100%;background:${finished ? "#2ca02c" : "#1f77b4"}"></div></div> `
        : "";
    const logHtml = logs.length
      ? `<pre style="margin:4px 0 0;font-size:12px;color:#444">${escapeHtml(logs.join("\n"))}</pre>`
      : "";
    d.html(
      `<div class="m2m-progress" style="font-family:system-ui,'DejaVu Sans',sans-serif;font-size:13px">` +
        `<b>${escapeHtml(label)}</b> ${bar}${escapeHtml(counts)} · ${escapeHtml(fmtTime(elapsed))}${escapeHtml(eta)}` +
        `${finished ? " · done" : detail ? ` · ${escapeHtml(detail)}` : ""}${logHtml}</div>`,
    );
  };
  return {
    start(l: string, n: number) {
      label = l;
      total = n > 0 ? n : 0;
      count = 0;
      detail = "";
      t0 = Date.now();
      finished = false;
      request();
    },
    tick(units = 1, note?: string) {
      count += units;
      if (note !== undefined) detail = note;
      request();
    },
    log(message: string) {
      logs.push(message);
      if (logs.length > keep) logs.splice(0, logs.length - keep);
      request();
    },
    done() {
      finished = true;
      if (total > 0) count = Math.max(count, total);
      request();
    },
  };
}
