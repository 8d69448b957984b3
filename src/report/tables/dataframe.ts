import type { DataFrame } from "danfojs-node";
import { MissingDependencyError } from "../../util/errors";

/** One table row: column name → number or text. */
export type TableRow = Record<string, number | string>;

/**
 * A danfo DataFrame from plain rows, columns in the given order (a missing cell becomes NaN).
 * danfojs-node is loaded on first use, so importing the report layer stays cheap.
 *
 * @example
 * const df = toDataFrame([{ target: "mnist", acc: 0.9 }], ["target", "acc"]);
 * df.print();
 */
export function toDataFrame(rows: readonly TableRow[], columns: readonly string[]): DataFrame {
  let dfd: typeof import("danfojs-node");
  try {
    dfd = require("danfojs-node");
  } catch (e) {
    throw new MissingDependencyError("danfojs-node", "npm ci", { cause: e });
  }
  const data = rows.map((r) => columns.map((c) => (r[c] === undefined ? NaN : r[c])));
  return new dfd.DataFrame(data, { columns: [...columns] });
}
