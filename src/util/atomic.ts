import * as fs from "fs";
import * as path from "path";

/**
 * Write a file atomically: a temp file in the same folder, then rename, so readers never see half a file.
 *
 * @example
 * writeFileAtomic("data/manifest.json", JSON.stringify(m, null, 2) + "\n");
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, file);
  } catch (e) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      /* already gone */
    }
    throw e;
  }
}
