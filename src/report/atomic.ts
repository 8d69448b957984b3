import * as fs from "fs";
import * as path from "path";

/**
 * Write a file atomically: a temp file in the same folder, then rename (readers never see half a file).
 *
 * @example
 * writeFileAtomic("runs/x/report/index.html", html);
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, file);
  } catch (e) {
    try { fs.unlinkSync(tmp); } catch { /* already gone */ }
    throw e;
  }
}
