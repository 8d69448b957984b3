// Bad inputs to runExperiment: each gets a clear typed error and leaves an existing run directory untouched.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import Database from "better-sqlite3";
import { registerSyntheticSuite } from "../../src/data/synthetic";
import { runExperiment, type RunOptions } from "../../src/experiment/run";
import { SpecMismatchError, STORE_FORMAT_VERSION } from "../../src/experiment/store";
import { CorruptFileError, InvalidArgumentError, TooLargeError, UnknownNameError } from "../../src/util/errors";
import { SYNTHETIC_RUN } from "../fixtures/synthetic-run";

// The ground truth is not needed to test refusals: 4 single fine-tunes keep the fixture run to seconds.
const BASE: RunOptions = { ...SYNTHETIC_RUN, groundTruth: false, workers: 1, out: "" };

/** sha256 of every file under dir (SQLite's transient -wal/-shm files excluded). */
function fingerprint(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (!/-(wal|shm)$/.test(e.name))
        out[path.relative(dir, p)] = createHash("sha256").update(fs.readFileSync(p)).digest("hex");
    }
  };
  walk(dir);
  return out;
}

describe("runExperiment refuses bad input", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "m2m-bad-"));
  const dir = path.join(root, "run");
  let files: Record<string, string>;

  before(async () => {
    await runExperiment({ ...BASE, out: dir });
    files = fingerprint(dir);
    assert.ok(files["results.json"] && files["store.sqlite"]);
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  /** The call must reject with `type` (and a message matching `re`), leaving `dir` byte-identical. */
  async function refuses(
    opts: Partial<RunOptions>,
    type: new (...a: never[]) => Error,
    re: RegExp,
    at = dir,
  ): Promise<void> {
    const before = fingerprint(at);
    await assert.rejects(runExperiment({ ...BASE, out: at, ...opts } as RunOptions), (err: Error) => {
      assert.ok(err instanceof type, `${err.name}: ${err.message}`);
      assert.match(err.message, re);
      return true;
    });
    assert.deepEqual(fingerprint(at), before);
  }

  it("unknown suite", () => refuses({ suite: "no-such-suite" }, UnknownNameError, /no-such-suite.*synthetic/s));
  it("unknown target", () => refuses({ targets: ["nope"] }, UnknownNameError, /nope.*helper/s));
  it("unknown preset", () => refuses({ preset: "huge" as never }, UnknownNameError, /huge.*quick/s));
  it("a target listed among the candidates", () =>
    refuses({ candidates: ["helper", "target", "other-1"] }, InvalidArgumentError, /target/));
  it("fewer than 2 candidates", () =>
    refuses({ candidates: ["helper"] }, InvalidArgumentError, /at least 2 candidate/));

  it("an exhaustive sweep too large (26 tasks) points to search", async () => {
    const name = registerSyntheticSuite({ name: "synthetic-26", unrelated: 23 });
    assert.equal(registerSyntheticSuite({ name: "synthetic-26", unrelated: 23 }), name, "idempotent");
    await refuses({ suite: name }, TooLargeError, /25.*search/s);
  });

  it("a run directory holding another spec is refused, and accepted with overwrite", async () => {
    await refuses({ hidden: [16] }, SpecMismatchError, /hidden/);
    const copy = path.join(root, "copy");
    fs.cpSync(dir, copy, { recursive: true });
    const r = await runExperiment({ ...BASE, out: copy, hidden: [16], overwrite: true });
    assert.deepEqual(r.spec.hidden, [16]);
    assert.notEqual(fingerprint(copy)["results.json"], files["results.json"]);
  });

  it("a store written by an incompatible version is refused", async () => {
    const copy = path.join(root, "old");
    fs.cpSync(dir, copy, { recursive: true });
    const db = new Database(path.join(copy, "store.sqlite"));
    db.prepare("UPDATE meta SET value = ? WHERE name = 'format_version'").run(String(STORE_FORMAT_VERSION + 1));
    db.close();
    await refuses({}, CorruptFileError, new RegExp(`format ${STORE_FORMAT_VERSION + 1}`), copy);
    assert.deepEqual(fingerprint(dir), files, "the original run directory is untouched");
  });
});
