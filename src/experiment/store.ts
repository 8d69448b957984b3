import Database from "better-sqlite3";
import * as fs from "node:fs";
import * as path from "node:path";
import { decodeSafetensors, encodeSafetensors, type LoadedParams } from "../params/safetensors";
import type { ParamLayout } from "../params/layout";
import type { ParamVector } from "../params/param-vector";
import { CorruptFileError, InvalidArgumentError, MergeToMixError } from "../util/errors";
import { sha256Hex } from "../util/sha256";
import { canonicalJson } from "./hash";

/** Version of the store's tables; a store written with another version is refused, untouched. */
export const STORE_FORMAT_VERSION = 1;
const DB_NAME = "store.sqlite";

/** The directory holds a run store made for a different run spec. */
export class SpecMismatchError extends MergeToMixError {
  constructor(
    readonly dir: string,
    readonly difference: string,
  ) {
    super(
      `${dir} holds a run store for another spec (${difference}); open it with { overwrite: true } to discard it, or use another directory`,
    );
  }
}

/** Options of {@link RunStore.open}. */
export interface RunStoreOptions {
  /** The run spec (any JSON-like value); stored, and compared on every later open. */
  spec: unknown;
  /** Discard a store made for another spec (results and weights) instead of refusing to open. */
  overwrite?: boolean;
  /** Milliseconds to wait for another writer's lock (default 30000). */
  busyTimeoutMs?: number;
}

/** The first difference between two JSON values, as "path: stored X, given Y". */
export function jsonDifference(stored: unknown, given: unknown, at = "spec"): string | undefined {
  if (canonicalJson(stored) === canonicalJson(given)) return undefined;
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
  if (Array.isArray(stored) && Array.isArray(given)) {
    if (stored.length !== given.length) return `${at}: stored ${stored.length} items, given ${given.length}`;
    for (let i = 0; i < stored.length; i++) {
      const d = jsonDifference(stored[i], given[i], `${at}[${i}]`);
      if (d) return d;
    }
  } else if (isObj(stored) && isObj(given)) {
    const keys = [...new Set([...Object.keys(stored), ...Object.keys(given)])].sort();
    for (const k of keys) {
      if (!(k in given)) return `${at}.${k}: stored ${canonicalJson(stored[k])}, given nothing`;
      if (!(k in stored)) return `${at}.${k}: stored nothing, given ${canonicalJson(given[k])}`;
      const d = jsonDifference(stored[k], given[k], `${at}.${k}`);
      if (d) return d;
    }
  }
  return `${at}: stored ${canonicalJson(stored)}, given ${canonicalJson(given)}`;
}

/** What to do about a damaged store, in the words every such error ends with. */
function recoverText(file: string): string {
  return `move it aside (mv ${file} ${file}.damaged) and run the same command again: the run starts a fresh store and recomputes what it needs (kept weight files are not trusted without their records)`;
}

/**
 * SQLite's own structural check (PRAGMA quick_check) before anything is read or written: a damaged store
 * used to open, redo stages and then crash with an uncaught SqliteError.
 */
function checkIntegrity(db: Database.Database, file: string): void {
  let problems: string[];
  try {
    problems = (db.pragma("quick_check(5)") as Array<Record<string, string>>).map((r) => Object.values(r)[0]);
  } catch (err) {
    const code = (err as { code?: string }).code ?? (err as Error).message;
    throw new CorruptFileError(file, `is not a readable run store (${code}); ${recoverText(file)}`, { cause: err });
  }
  if (problems.length !== 1 || problems[0] !== "ok") {
    const first = problems.join("; ").replace(/\s*\n\s*/g, "; ");
    throw new CorruptFileError(
      file,
      `failed SQLite's integrity check (${first.length > 120 ? first.slice(0, 117) + "..." : first}); ${recoverText(file)}`,
    );
  }
}

/** The checksum of one stored value: kind, key and JSON together (a flipped bit in any of them shows). */
function rowSha(kind: string, key: string, json: string): string {
  return sha256Hex(`${kind}\u0000${key}\u0000${json}`);
}

/** A stored JSON value; a damaged one is a CorruptFileError naming it, never a raw SyntaxError. */
function parseRow(json: string, dir: string, kind: string, key: string): unknown {
  try {
    return JSON.parse(json);
  } catch (err) {
    const file = path.join(dir, DB_NAME);
    throw new CorruptFileError(
      file,
      `the stored ${kind} ${JSON.stringify(key)} is not valid JSON (damaged); ${recoverText(file)}`,
      { cause: err },
    );
  }
}

let tempCounter = 0;
/** A temp name in the same folder (same filesystem → atomic rename), unique per process and call. */
function tempPath(file: string): string {
  return path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}.${process.hrtime.bigint()}.${tempCounter++}.tmp`,
  );
}

/** Write bytes durably under a temp name, then rename over `file`. */
function writeAtomic(file: string, bytes: Uint8Array): void {
  const tmp = tempPath(file);
  try {
    const fd = fs.openSync(tmp, "w");
    try {
      fs.writeSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}

/** The key text of a weights entry: strings as is, anything else as canonical JSON. */
function keyText(key: unknown): string {
  if (typeof key === "string") {
    if (key.length === 0) throw new InvalidArgumentError("key", key, "a non-empty string or a JSON-like spec");
    return key;
  }
  return canonicalJson(key);
}

/**
 * An embedded SQLite store for one run: generic results by (kind, key), and a fine-tune cache of weights
 * as safetensors files with sha256 checksums. Safe for several threads / processes writing at once
 * (WAL journal + busy timeout) and for interruption at any moment: files are written to a temp name and
 * renamed, then recorded in a transaction, so a reader never sees a row whose data is half-written, and
 * a weights row whose file is missing or does not match its checksum reads as absent.
 *
 * Layout: DIR/store.sqlite (tables meta, results, weights) and DIR/weights/<sha256 of key>.safetensors.
 *
 * @example
 * const store = RunStore.open("runs/quick", { spec });
 * if (!store.has("mixture", "mnist/5")) store.put("mixture", "mnist/5", { acc: 0.91 });
 * store.putWeights({ task: "mnist", seed: 0 }, params);
 * const cached = store.getWeights({ task: "mnist", seed: 0 }, layout); // { params, metadata } | null
 * store.close();
 */
export class RunStore {
  private closed = false;

  private constructor(
    readonly dir: string,
    private readonly db: Database.Database,
    readonly spec: unknown,
  ) {}

  /** Open (creating if needed) the store in `dir` for `spec`. */
  static open(dir: string, options: RunStoreOptions): RunStore {
    if (typeof dir !== "string" || dir.length === 0) throw new InvalidArgumentError("dir", dir, "a directory path");
    if (!options || !("spec" in options) || options.spec === undefined)
      throw new InvalidArgumentError("options.spec", options && options.spec, "the run spec (a JSON-like value)");
    const specText = canonicalJson(options.spec);
    const abs = path.resolve(dir);
    fs.mkdirSync(path.join(abs, "weights"), { recursive: true });
    const file = path.join(abs, DB_NAME);
    let db: Database.Database;
    try {
      db = new Database(file);
    } catch (err) {
      throw new CorruptFileError(file, "cannot be opened as a SQLite database", { cause: err });
    }
    try {
      db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 30000}`);
      checkIntegrity(db, file);
      // Check the version BEFORE changing anything (the journal mode writes to the file header).
      let version: unknown;
      try {
        const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get();
        if (hasMeta)
          version = (
            db.prepare("SELECT value FROM meta WHERE name = 'format_version'").get() as { value?: string } | undefined
          )?.value;
      } catch (err) {
        throw new CorruptFileError(file, "is not a run store (not a readable SQLite database)", { cause: err });
      }
      if (version !== undefined && version !== String(STORE_FORMAT_VERSION)) {
        throw new CorruptFileError(
          file,
          `written by run store format ${version}; this version of merge-to-mix reads format ${STORE_FORMAT_VERSION} (left untouched)`,
        );
      }
      db.pragma("journal_mode = WAL");
      db.pragma("synchronous = NORMAL"); // WAL + NORMAL: consistent after a crash, fast commits
      const removed: string[] = [];
      db.transaction(() => {
        db.exec(`
          CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
          CREATE TABLE IF NOT EXISTS results (kind TEXT NOT NULL, key TEXT NOT NULL, json TEXT NOT NULL, updated TEXT NOT NULL, sha256 TEXT, PRIMARY KEY (kind, key));
          CREATE TABLE IF NOT EXISTS weights (key TEXT PRIMARY KEY, file TEXT NOT NULL, sha256 TEXT NOT NULL, bytes INTEGER NOT NULL, updated TEXT NOT NULL);`);
        // stores made before row checksums gain the column (their old rows stay unchecked; readers ignore it)
        const cols = (db.prepare("PRAGMA table_info(results)").all() as Array<{ name: string }>).map((c) => c.name);
        if (!cols.includes("sha256")) db.exec("ALTER TABLE results ADD COLUMN sha256 TEXT");
        const ins = db.prepare("INSERT OR IGNORE INTO meta (name, value) VALUES (?, ?)");
        ins.run("format_version", String(STORE_FORMAT_VERSION));
        ins.run("spec", specText);
        ins.run("created", new Date().toISOString());
        const stored = (db.prepare("SELECT value FROM meta WHERE name = 'spec'").get() as { value: string }).value;
        if (stored !== specText) {
          let storedSpec: unknown;
          try {
            storedSpec = JSON.parse(stored);
          } catch (err) {
            throw new CorruptFileError(file, `its stored spec is not valid JSON (damaged); ${recoverText(file)}`, {
              cause: err,
            });
          }
          const diff = jsonDifference(storedSpec, JSON.parse(specText)) ?? "spec differs";
          if (!options.overwrite) throw new SpecMismatchError(abs, diff);
          for (const r of db.prepare("SELECT file FROM weights").all() as Array<{ file: string }>) removed.push(r.file);
          db.exec("DELETE FROM results; DELETE FROM weights;");
          db.prepare("UPDATE meta SET value = ? WHERE name = 'spec'").run(specText);
        }
      }).immediate();
      for (const f of removed) fs.rmSync(path.join(abs, "weights", f), { force: true });
    } catch (err) {
      db.close();
      throw err;
    }
    return new RunStore(abs, db, JSON.parse(specText));
  }

  private check(kind: string, key: string): void {
    if (this.closed) throw new InvalidArgumentError("store", this.dir, "an open store (it was closed)");
    if (typeof kind !== "string" || kind.length === 0)
      throw new InvalidArgumentError("kind", kind, "a non-empty string");
    if (typeof key !== "string" || key.length === 0) throw new InvalidArgumentError("key", key, "a non-empty string");
  }

  /**
   * Store a JSON-serialisable value (replaces any previous one).
   *
   * @example
   * store.put("merged", "mnist/0b101", { acc: 0.9, loss: 0.3 });
   */
  put(kind: string, key: string, value: unknown): void {
    this.check(kind, key);
    const json = JSON.stringify(value);
    if (json === undefined) throw new InvalidArgumentError("value", value, "a JSON-serialisable value");
    this.db
      .prepare("INSERT OR REPLACE INTO results (kind, key, json, updated, sha256) VALUES (?, ?, ?, ?, ?)")
      .run(kind, key, json, new Date().toISOString(), rowSha(kind, key, json));
  }

  /** Store many values in one transaction (all or nothing). @example store.putMany("merged", [["a", 1], ["b", 2]]); */
  putMany(kind: string, entries: Iterable<readonly [string, unknown]>): void {
    this.db
      .transaction(() => {
        for (const [k, v] of entries) this.put(kind, k, v);
      })
      .immediate();
  }

  /** The stored value, or undefined. @example store.get<{ acc: number }>("merged", "mnist/0b101")?.acc */
  get<T = unknown>(kind: string, key: string): T | undefined {
    this.check(kind, key);
    const row = this.db.prepare("SELECT json FROM results WHERE kind = ? AND key = ?").get(kind, key) as
      { json: string } | undefined;
    return row ? (parseRow(row.json, this.dir, kind, key) as T) : undefined;
  }

  /** @example store.has("merged", "mnist/0b101") */
  has(kind: string, key: string): boolean {
    this.check(kind, key);
    return this.db.prepare("SELECT 1 FROM results WHERE kind = ? AND key = ?").get(kind, key) !== undefined;
  }

  /** Every (key, value) of a kind, ordered by key. @example for (const { key, value } of store.list("merged")) … */
  list<T = unknown>(kind: string): Array<{ key: string; value: T }> {
    this.check(kind, "*");
    return (
      this.db.prepare("SELECT key, json FROM results WHERE kind = ? ORDER BY key").all(kind) as Array<{
        key: string;
        json: string;
      }>
    ).map((r) => ({ key: r.key, value: parseRow(r.json, this.dir, kind, r.key) as T }));
  }

  /** Remove one value; true when it existed. @example store.delete("merged", "mnist/0b101") */
  delete(kind: string, key: string): boolean {
    this.check(kind, key);
    return this.db.prepare("DELETE FROM results WHERE kind = ? AND key = ?").run(kind, key).changes > 0;
  }

  /** The kinds present, with their counts. @example store.kinds() // { merged: 127, finetune: 7 } */
  kinds(): Record<string, number> {
    const rows = this.db.prepare("SELECT kind, COUNT(*) AS n FROM results GROUP BY kind ORDER BY kind").all() as Array<{
      kind: string;
      n: number;
    }>;
    return Object.fromEntries(rows.map((r) => [r.kind, r.n]));
  }

  /** Path of the weights file of `key` (whether or not it exists). @example store.weightsPath({ task: "mnist" }) */
  weightsPath(key: unknown): string {
    return path.join(this.dir, "weights", `${sha256Hex(keyText(key))}.safetensors`);
  }

  /**
   * Cache fine-tuned weights under `key` (a string, or a fine-tune spec object hashed canonically).
   * The file is written under a temp name and renamed, then recorded with its sha256.
   *
   * @example
   * store.putWeights({ task: "mnist", seed: 0, steps: 300 }, params, { task: "mnist" });
   */
  putWeights(key: unknown, params: ParamVector, metadata?: Record<string, string>): { file: string; sha256: string } {
    const text = keyText(key);
    this.check("weights", text);
    const file = this.weightsPath(text);
    const bytes = encodeSafetensors(params, metadata ? { metadata } : {});
    const sha256 = sha256Hex(bytes);
    writeAtomic(file, bytes);
    this.db
      .prepare("INSERT OR REPLACE INTO weights (key, file, sha256, bytes, updated) VALUES (?, ?, ?, ?, ?)")
      .run(text, path.basename(file), sha256, bytes.length, new Date().toISOString());
    return { file, sha256 };
  }

  /**
   * Cached weights of `key`, or null when absent. A missing file or one whose sha256 differs from the
   * recorded one (corrupt, or interrupted while being replaced) also gives null, and its row is dropped
   * so the caller fine-tunes again. With `expectedLayout`, a layout mismatch throws LayoutMismatchError.
   *
   * @example
   * const hit = store.getWeights({ task: "mnist", seed: 0 }, layout);
   * const params = hit ? hit.params : await fineTune(...);
   */
  getWeights(key: unknown, expectedLayout?: ParamLayout): LoadedParams | null {
    const text = keyText(key);
    this.check("weights", text);
    const row = this.db.prepare("SELECT file, sha256 FROM weights WHERE key = ?").get(text) as
      { file: string; sha256: string } | undefined;
    if (!row) return null;
    const file = path.join(this.dir, "weights", row.file);
    let bytes: Buffer | undefined;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      bytes = undefined;
    }
    if (!bytes || sha256Hex(bytes) !== row.sha256) {
      // Only drop the row we judged: another writer may have just recorded a fresh one.
      this.db.prepare("DELETE FROM weights WHERE key = ? AND sha256 = ?").run(text, row.sha256);
      return null;
    }
    return decodeSafetensors(bytes, file, expectedLayout ? { expectedLayout } : {});
  }

  /**
   * Check every stored value against the checksum written with it (kind, key and JSON together; rows of
   * stores made before checksums have none and are skipped): a value that fails is removed, so the run
   * computes it again instead of using it. SQLite's own check sees structure, not a flipped digit in a
   * value. Returns "kind key" of each value dropped.
   *
   * @example
   * store.verifyValues();   // ["finetune ft/0/2"] after a bit flip in that record
   */
  verifyValues(): string[] {
    const dropped: string[] = [];
    const rows = this.db
      .prepare("SELECT rowid AS id, kind, key, json, sha256 FROM results WHERE sha256 IS NOT NULL")
      .all() as Array<{ id: number; kind: string; key: string; json: string; sha256: string }>;
    for (const r of rows) {
      if (rowSha(r.kind, r.key, r.json) === r.sha256) continue;
      this.db.prepare("DELETE FROM results WHERE rowid = ?").run(r.id);
      dropped.push(`${r.kind} ${r.key}`);
    }
    return dropped;
  }

  /**
   * Check every weights file against its recorded sha256 (and that it is there): a file that fails is
   * removed with its row, so whatever needs it is computed again instead of used. Returns the keys dropped.
   * Cheap next to the work it protects (one sha256 pass over the weights), so every open run does it.
   *
   * @example
   * const dropped = store.verifyWeights();   // ["ft/0/4"] after a bit flip in that fine-tune's file
   */
  verifyWeights(): string[] {
    const dropped: string[] = [];
    for (const row of this.db.prepare("SELECT key, file, sha256 FROM weights ORDER BY key").all() as Array<{
      key: string;
      file: string;
      sha256: string;
    }>) {
      const file = path.join(this.dir, "weights", row.file);
      let ok = false;
      try {
        ok = sha256Hex(fs.readFileSync(file)) === row.sha256;
      } catch {
        ok = false;
      }
      if (ok) continue;
      if (this.db.prepare("DELETE FROM weights WHERE key = ? AND sha256 = ?").run(row.key, row.sha256).changes > 0) {
        fs.rmSync(file, { force: true });
        dropped.push(row.key);
      }
    }
    return dropped;
  }

  /** True when a weights row exists (its file is verified only by getWeights). @example store.hasWeights("mnist") */
  hasWeights(key: unknown): boolean {
    return this.db.prepare("SELECT 1 FROM weights WHERE key = ?").get(keyText(key)) !== undefined;
  }

  /** Keys of every cached weights entry. @example store.weightKeys() */
  weightKeys(): string[] {
    return (this.db.prepare("SELECT key FROM weights ORDER BY key").all() as Array<{ key: string }>).map((r) => r.key);
  }

  /** Close the database (idempotent). @example store.close() */
  close(): void {
    if (!this.closed) {
      this.closed = true;
      this.db.close();
    }
  }
}
