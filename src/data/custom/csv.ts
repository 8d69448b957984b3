import * as path from "path";
import * as zlib from "zlib";
import { CorruptFileError, InvalidArgumentError } from "../../util/errors";
import { SplitSizes, Task } from "../types";
import { taskFromArrays } from "./arrays";
import { readRegularFile } from "./read-file";

/** A decimal number: optional sign, digits with an optional fraction, optional exponent. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A cell for an error message: short ones as they are, anything else only by its length (never echo a file's contents). */
function safeCell(cell: string): string {
  return /^[\w .+\-]{0,24}$/.test(cell) ? cell : `(a cell of ${cell.length} characters)`;
}

/** The columns an error may list: a header of plain names, else only how many there are. */
function columnsText(names: readonly string[], header: boolean): string {
  if (header && names.every((n) => /^[\w .+\-]{1,40}$/.test(n))) return `one of ${names.join(", ")}`;
  return `one of the file's ${names.length} columns${header ? " (its first row is not a header of plain column names)" : " (0-based indices)"}`;
}

/**
 * Parse CSV text (RFC 4180: quoted fields, doubled quotes, CRLF) into rows of strings.
 *
 * @example
 * parseCsv('a,b\n1,"x, y"\n'); // [["a","b"],["1","x, y"]]
 */
export function parseCsv(text: string, delimiter = ","): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], field = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') { if (text[i + 1] === '"') { field += '"'; i++; } else quoted = false; }
      else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === delimiter) { row.push(field); field = ""; }
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field); field = "";
      if (row.length > 1 || row[0] !== "") rows.push(row);
      row = [];
    } else field += c;
  }
  row.push(field);
  if (row.length > 1 || row[0] !== "") rows.push(row);
  return rows;
}

/** Options of `taskFromCSV`. */
export interface TaskFromCsvOptions {
  /** Column holding the class (name if the file has a header, else 0-based index). */
  labelColumn: string | number;
  /** Feature columns (default: every other column). */
  featureColumns?: ReadonlyArray<string | number>;
  /** Whether the first row is a header (default: true when labelColumn is a string). */
  header?: boolean;
  delimiter?: string;
  name?: string;
  inputShape?: readonly number[];
  /** Class order (default: sorted distinct labels, numerically when all are numbers). */
  classes?: readonly string[];
  concepts?: readonly string[];
  sizes?: Partial<SplitSizes>;
  seed?: number;
}

/**
 * A Task from a CSV file (optionally .gz): numeric feature columns and one label column.
 *
 * @example
 * const iris = taskFromCSV("iris.csv", { labelColumn: "species", seed: 0 });
 * @throws InvalidArgumentError for an unknown column, a ragged row, an empty label or a non-decimal feature
 * (naming row and column); CorruptFileError for a .gz that does not decompress.
 */
export function taskFromCSV(file: string, o: TaskFromCsvOptions): Task {
  let buf = readRegularFile(file, "CSV file");
  if (buf[0] === 0x1f && buf[1] === 0x8b) {
    try { buf = zlib.gunzipSync(buf); } catch (err) {
      throw new CorruptFileError(file, `is gzip-compressed but does not decompress (${(err as NodeJS.ErrnoException).code ?? "zlib error"}); expected a complete .csv.gz`, { cause: err });
    }
  }
  const rows = parseCsv(buf.toString("utf8"), o.delimiter ?? ",");
  const header = o.header ?? typeof o.labelColumn === "string";
  if (rows.length < (header ? 2 : 1)) throw new InvalidArgumentError(`rows of ${file}`, rows.length, "a header and at least one data row");
  const names = header ? rows[0].map((s) => s.trim()) : rows[0].map((_, i) => String(i));
  const data = header ? rows.slice(1) : rows;
  const col = (c: string | number) => {
    const i = typeof c === "number" ? c : names.indexOf(c);
    if (!Number.isInteger(i) || i < 0 || i >= names.length) throw new InvalidArgumentError(`column of ${file}`, c, columnsText(names, header));
    return i;
  };
  const li = col(o.labelColumn);
  const fi = o.featureColumns ? o.featureColumns.map(col) : names.map((_, i) => i).filter((i) => i !== li);
  const x = new Float32Array(data.length * fi.length);
  const labels: string[] = [];
  data.forEach((r, i) => {
    if (r.length !== names.length) throw new InvalidArgumentError(`row ${i + (header ? 2 : 1)} of ${file}`, r.length, `${names.length} fields`);
    const label = r[li].trim();
    if (label === "") throw new InvalidArgumentError(`row ${i + (header ? 2 : 1)}, label column ${safeCell(names[li])} of ${file}`, r[li], "a class label (the cell is empty)");
    labels.push(label);
    fi.forEach((c, j) => {
      const v = Number(r[c].trim());
      // decimal notation only: Number() would also read "0x1F" as 31, "0b1" as 1
      if (!DECIMAL.test(r[c].trim()) || !Number.isFinite(v)) throw new InvalidArgumentError(`row ${i + (header ? 2 : 1)}, column ${safeCell(names[c])} of ${file}`, safeCell(r[c]), "a finite number in decimal notation");
      x[i * fi.length + j] = v;
    });
  });
  const distinct = [...new Set(labels)];
  const numeric = distinct.every((s) => s !== "" && Number.isFinite(Number(s)));
  const classes = o.classes ?? distinct.sort(numeric ? (a, b) => Number(a) - Number(b) : undefined);
  const name = o.name ?? path.basename(file).replace(/\.csv(\.gz)?$/i, "").replace(/[^a-z0-9._-]/gi, "-");
  return taskFromArrays({ name, x, y: labels, classes, inputShape: o.inputShape ?? [fi.length], concepts: o.concepts, sizes: o.sizes, seed: o.seed ?? 0 });
}
