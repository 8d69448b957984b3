import * as fs from "fs";
import * as path from "path";
import { memo } from "./memo";
import { requireFortunes } from "./packages";

/** One fortune: document id "fortunes:<file>:<index>" and its text. */
export interface Fortune {
  readonly doc: string;
  readonly text: string;
}

/**
 * The fortunes of one Debian fortune file, split by "\n%\n", with overstrike (x\bx) removed.
 *
 * @example
 * readFortunes("computers").length; // 1,050
 * @throws MissingDependencyError when Debian's fortunes are not installed.
 */
export function readFortunes(file: string): readonly Fortune[] {
  return memo(`fortunes:${file}`, () => {
    const dir = requireFortunes();
    const raw = fs.readFileSync(path.join(dir, file), "utf8").replace(/.\x08/g, "");
    return raw
      .split(/\n%\n?/)
      .map((text, i) => ({ doc: `fortunes:${file}:${i}`, text: text.trim() }))
      .filter((f) => f.text.length > 0);
  });
}

/**
 * The English fortune files (data files only: no .dat index or .u8 link).
 *
 * @example
 * listFortuneFiles(); // ["art", "ascii-art", "computers", …]
 */
export function listFortuneFiles(): readonly string[] {
  const dir = requireFortunes();
  return fs
    .readdirSync(dir)
    .filter((f) => !f.includes(".") && fs.statSync(path.join(dir, f)).isFile())
    .sort();
}
