import { CorruptFileError } from "../util/errors";
import { sha256Hex } from "../util/sha256";

/** The sidecar holding results.json's sha256 (sha256sum format, so `sha256sum -c results.json.sha256` works too). */
export const RESULTS_CHECKSUM_FILE = "results.json.sha256";

/**
 * The sidecar text for results.json's bytes.
 *
 * @example
 * resultsChecksumText(text);   // "9f86d0…  results.json\n"
 */
export function resultsChecksumText(bytes: Uint8Array | string): string {
  return `${sha256Hex(bytes)}  results.json\n`;
}

/**
 * Check results.json's bytes against the sidecar the run wrote with it (when there is one: older runs and
 * hand-made files have none): a bit flip, or an edit, is refused instead of reported.
 *
 * @example
 * checkResultsChecksum(bytes, fs.readFileSync("runs/q/results.json.sha256", "utf8"), "runs/q/results.json");
 * @throws CorruptFileError naming the file and both checksums.
 */
export function checkResultsChecksum(bytes: Uint8Array, sidecar: string, file: string): void {
  const want = sidecar.trim().split(/\s+/)[0] ?? "",
    got = sha256Hex(bytes);
  if (want !== got)
    throw new CorruptFileError(
      file,
      `sha256 ${got.slice(0, 12)}… does not match the ${want.slice(0, 12)}… the run recorded in ${RESULTS_CHECKSUM_FILE} (damaged or edited); run the same command again to rewrite it`,
    );
}

/**
 * Field kinds of a results.json row: "id" an integer (never null), "str" a string, "strs" a list of strings,
 * "num" a number (null where the run wrote NaN: an unscored mixture, an undefined correlation…),
 * "num!" a finite number (never null), "nums" a list of numbers or nulls, "?" anything (optional nested data).
 * A field marked with a trailing "?" may be absent (older files).
 */
type Kind = "id" | "str" | "strs" | "num" | "num!" | "nums" | "bool" | "any";
type Schema = Readonly<Record<string, Kind | `${Kind}?`>>;

const MIXTURE: Schema = {
  seed: "id",
  target: "str",
  mask: "id",
  members: "strs",
  size: "id",
  merged_val_acc: "num",
  merged_val_loss: "num",
  cosine: "num",
  l2: "num",
  true_val_acc: "num",
  true_val_loss: "num",
  true_test_acc: "num",
  true_test_loss: "num",
};
const SELECTION: Schema = {
  seed: "id",
  target: "str",
  method: "str",
  mask: "id",
  members: "strs",
  test_acc: "num",
  regret: "num",
  rank: "num",
};
const CORRELATION: Schema = {
  seed: "id",
  target: "str",
  scorer: "str",
  truth: "str",
  subset: "str",
  n: "id",
  pearson: "num",
  spearman: "num",
  kendall: "num",
};
const BASE: Schema = { seed: "id", target: "str", val_acc: "num!", val_loss: "num?", test_acc: "num!" };
const COST: Schema = {
  seed: "id",
  target: "str",
  m2m_finetunes: "num!",
  m2m_finetune_samples: "num",
  m2m_merge_evals: "num!",
  m2m_search_evals: "num?",
  m2m_merge_seconds: "num?",
  m2m_seconds: "num",
  exhaustive_finetunes: "num",
  exhaustive_finetune_samples: "num",
  exhaustive_seconds: "num",
  speedup: "num",
};
const SINGLE: Schema = {
  seed: "id",
  task: "str",
  base_val_acc: "num",
  base_val_loss: "num",
  own_val_acc: "num",
  own_val_loss: "num",
};
const SURROGATE: Schema = {
  seed: "id",
  target: "str",
  name: "str",
  val_acc: "nums",
  val_loss: "nums",
  seconds: "num",
  extra_finetunes: "num",
  extra_seconds: "num",
};

/** The row tables of a RunResults and their row schemas (optional tables may be absent). */
const TABLES: ReadonlyArray<[string, Schema, boolean]> = [
  ["mixtures", MIXTURE, true],
  ["selections", SELECTION, true],
  ["correlations", CORRELATION, true],
  ["base", BASE, true],
  ["cost", COST, true],
  ["singles", SINGLE, false],
  ["surrogates", SURROGATE, false],
];

function fits(kind: Kind, v: unknown): boolean {
  switch (kind) {
    case "id":
      return Number.isInteger(v);
    case "str":
      return typeof v === "string";
    case "strs":
      return Array.isArray(v) && v.every((x) => typeof x === "string");
    case "num":
      return v === null || (typeof v === "number" && Number.isFinite(v));
    case "num!":
      return typeof v === "number" && Number.isFinite(v);
    case "nums":
      return Array.isArray(v) && v.every((x) => x === null || (typeof x === "number" && Number.isFinite(x)));
    case "bool":
      return typeof v === "boolean";
    case "any":
      return true;
  }
}

const EXPECTED: Record<Kind, string> = {
  id: "an integer",
  str: "a string",
  strs: "a list of strings",
  num: "a number (or null for not computed)",
  "num!": "a finite number",
  nums: "a list of numbers",
  bool: "true or false",
  any: "any value",
};

/** Throw naming the first field of `row` that does not fit `schema`. */
function checkRow(file: string, at: string, row: unknown, schema: Schema): void {
  if (!row || typeof row !== "object" || Array.isArray(row))
    throw new CorruptFileError(file, `${at} is ${JSON.stringify(row)?.slice(0, 40)}, expected an object`);
  const r = row as Record<string, unknown>;
  for (const [field, spec] of Object.entries(schema)) {
    const optional = spec.endsWith("?");
    const kind = (optional ? spec.slice(0, -1) : spec) as Kind;
    if (!(field in r) && optional) continue;
    if (!fits(kind, r[field])) {
      const got = !(field in r)
        ? "missing"
        : `${typeof r[field] === "string" ? "the string " : ""}${String(JSON.stringify(r[field])).slice(0, 40)}`;
      throw new CorruptFileError(
        file,
        `${at}.${field} is ${got}, expected ${EXPECTED[kind]} (results.json was edited or damaged; run the same command again to rewrite it)`,
      );
    }
  }
}

/**
 * Check a parsed results.json against the RunResults types before anything uses it: every table's rows
 * with their numbers as numbers (a string or a null where a value is required used to become a "–" cell
 * and a stale claim), the run's lists and maps with their element types.
 *
 * @example
 * checkRunResults(JSON.parse(text), "runs/quick/results.json");
 * @throws CorruptFileError naming the file, the first bad field (table, row, name), its value and what was expected.
 */
export function checkRunResults(raw: unknown, file: string): void {
  if (!raw || typeof raw !== "object" || Array.isArray(raw))
    throw new CorruptFileError(file, "expected a RunResults object");
  const r = raw as Record<string, unknown>;
  checkRow(file, "results", r, { suite: "str", targets: "strs", seeds: "nums", complete: "bool?", started: "str?" });
  if (!(r.seeds as unknown[]).every((s) => Number.isInteger(s)))
    throw new CorruptFileError(file, `seeds is ${JSON.stringify(r.seeds)}, expected a list of integers`);
  if (!r.spec || typeof r.spec !== "object")
    throw new CorruptFileError(file, 'field "spec" is missing or not an object');
  if (
    !r.candidates ||
    typeof r.candidates !== "object" ||
    Object.values(r.candidates).some((c) => !Array.isArray(c) || c.some((x) => typeof x !== "string"))
  ) {
    throw new CorruptFileError(file, 'field "candidates" is missing or not a map of target → candidate names');
  }
  for (const [name, schema, required] of TABLES) {
    const rows = r[name];
    if (rows === undefined && !required) continue;
    if (!Array.isArray(rows)) throw new CorruptFileError(file, `field "${name}" is missing or not an array`);
    rows.forEach((row, i) => checkRow(file, `${name}[${i}]`, row, schema));
  }
}
