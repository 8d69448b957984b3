import * as path from "path";
import { writeFileAtomic } from "../util/atomic";
import type { RunResults } from "./results";
import { RESULTS_CHECKSUM_FILE, resultsChecksumText } from "./check-results";

/** One CSV cell: numbers as-is (NaN/null empty), strings quoted when needed, arrays joined with "+". */
function cell(v: unknown): string {
  if (v === null || v === undefined || (typeof v === "number" && !Number.isFinite(v))) return "";
  const s = Array.isArray(v) ? v.join("+") : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Rows of objects as CSV text (header from the first row's keys).
 *
 * @example
 * toCSV([{ a: 1, b: "x" }]);   // "a,b\n1,x\n"
 */
export function toCSV(rows: ReadonlyArray<object>): string {
  if (rows.length === 0) return "";
  const cols = Object.keys(rows[0]);
  return (
    [cols.join(","), ...rows.map((r) => cols.map((c) => cell((r as Record<string, unknown>)[c])).join(","))].join(
      "\n",
    ) + "\n"
  );
}

/**
 * Write results.json (with its sha256 in results.json.sha256) and one CSV per table (mixtures, selections,
 * correlations, base, cost) into `dir`, each atomically.
 *
 * @example
 * writeRunResults("runs/quick", results);
 */
export function writeRunResults(dir: string, results: RunResults): void {
  const finite = (_k: string, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? null : v);
  const text = JSON.stringify(results, finite, 1) + "\n";
  writeFileAtomic(path.join(dir, "results.json"), text);
  writeFileAtomic(path.join(dir, RESULTS_CHECKSUM_FILE), resultsChecksumText(text)); // a later bit flip is detected on read
  writeFileAtomic(path.join(dir, "mixtures.csv"), toCSV(results.mixtures));
  writeFileAtomic(path.join(dir, "selections.csv"), toCSV(results.selections));
  writeFileAtomic(path.join(dir, "correlations.csv"), toCSV(results.correlations));
  writeFileAtomic(path.join(dir, "base.csv"), toCSV(results.base));
  writeFileAtomic(path.join(dir, "cost.csv"), toCSV(results.cost));
}
