import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ensureWritableDir } from "../../util/cache-dir";
import { MissingDependencyError } from "../../util/errors";
import { silentProgress, type Progress } from "../../util/progress";
import { writeFileAtomic } from "../../util/atomic";

/**
 * Fetch scikit-learn's copy of UCI optdigits from Debian's python3-sklearn package into `dest`
 * (`apt-get download`, no root, nothing installed; `dpkg-deb -x` in a temp folder), with the package
 * version in `VERSION` beside it. The same steps as scripts/debian-data.sh, for an installed package's
 * first use. Both files are written atomically (temp then rename).
 *
 * @example
 * fetchSklearnDigits("/home/ada/.cache/merge-to-mix/raw/sklearn/digits.csv.gz");
 * @throws MissingDependencyError when apt-get or the package is not available.
 */
export function fetchSklearnDigits(dest: string, progress: Progress = silentProgress): void {
  ensureWritableDir(path.dirname(dest));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "merge-to-mix-deb-"));
  try {
    progress.log(`data: fetching UCI optdigits from Debian's python3-sklearn package into ${path.dirname(dest)}`);
    try {
      execFileSync("apt-get", ["download", "python3-sklearn"], { cwd: tmp, stdio: ["ignore", "ignore", "pipe"] });
    } catch (e) {
      throw new MissingDependencyError(`UCI optdigits (${dest}, from Debian python3-sklearn)`, "apt-get update, then bash scripts/debian-data.sh (or run on Debian/Ubuntu with apt-get)", { cause: e });
    }
    const deb = fs.readdirSync(tmp).find((f) => /^python3-sklearn_.*\.deb$/.test(f));
    if (!deb) throw new MissingDependencyError("python3-sklearn .deb", "apt-get update");
    execFileSync("dpkg-deb", ["-x", path.join(tmp, deb), path.join(tmp, "x")]);
    const found = findFile(path.join(tmp, "x"), (p) => p.endsWith(path.join("sklearn", "datasets", "data", "digits.csv.gz")));
    if (!found) throw new MissingDependencyError(`digits.csv.gz inside ${deb}`, "apt-get update");
    writeFileAtomic(dest, fs.readFileSync(found));
    writeFileAtomic(path.join(path.dirname(dest), "VERSION"), deb.replace(/^python3-sklearn_/, "").replace(/_all\.deb$|\.deb$/, "") + "\n");
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function findFile(dir: string, match: (p: string) => boolean): string | undefined {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) { const f = findFile(p, match); if (f) return f; }
    else if (e.isFile() && match(p)) return p;
  }
  return undefined;
}
