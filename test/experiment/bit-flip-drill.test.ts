// Bit-flip drill: one bit of each kind of stored file of a small synthetic run is flipped (store.sqlite, θ0,
// a single fine-tune, a mixture fine-tune, the final model, results.json); each must end in detection plus
// repair (the same command again gives the same numbers and a file that matches its checksum) or a typed
// refusal that says how to recover — never a silent use.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import Database from "better-sqlite3";
import { runExperiment, type RunOptions } from "../../src/experiment/run";
import { selectMixture, type SelectOptions } from "../../src/experiment/select-mixture";
import { fineTuneKey } from "../../src/experiment/finetune-pool";
import { readRunResults } from "../../src/results/read-results";
import type { RunResults } from "../../src/results/results";
import type { SelectionResult } from "../../src/results/selection-result";
import { CorruptFileError } from "../../src/util/errors";
import type { Progress } from "../../src/util/progress";
import { SYNTHETIC_RUN } from "../fixtures/synthetic-run";

// 2 candidates with a ground truth: θ0, 2 single fine-tunes and 1 mixture fine-tune (helper+conflict).
const CANDIDATES = ["helper", "conflict"];
const RUN: Omit<RunOptions, "out"> = { ...SYNTHETIC_RUN, candidates: CANDIDATES, workers: 1 };
const SELECT: Omit<SelectOptions, "out"> = { ...SYNTHETIC_RUN, target: "target", candidates: CANDIDATES, workers: 1 };
// task order of the synthetic suite: target, helper, conflict, other-1, other-2
const HELPER = 1 << 1,
  CONFLICT = 1 << 2;

const root = fs.mkdtempSync(path.join(os.tmpdir(), "m2m-drill-"));
after(() => fs.rmSync(root, { recursive: true, force: true }));

/** A progress that keeps every logged line. */
function logger(): { progress: Progress; lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    progress: {
      start() {},
      tick() {},
      log: (m) => {
        lines.push(m);
      },
      done() {},
    },
  };
}

const sha = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");
const weightsFile = (dir: string, key: string) =>
  path.join(dir, "weights", `${createHash("sha256").update(key).digest("hex")}.safetensors`);

/** Flip one bit of `file` at `offset` (negative: from the end). */
function flipBit(file: string, offset: number, bit = 0): void {
  const b = fs.readFileSync(file);
  const at = offset < 0 ? b.length + offset : offset;
  b[at] ^= 1 << bit;
  fs.writeFileSync(file, b);
}

/** Recorded sha256 of a weights row (null when the row is gone). */
function recordedSha(dir: string, key: string): string | null {
  const db = new Database(path.join(dir, "store.sqlite"), { readonly: true });
  try {
    return (
      (db.prepare("SELECT sha256 FROM weights WHERE key = ?").get(key) as { sha256: string } | undefined)?.sha256 ??
      null
    );
  } finally {
    db.close();
  }
}

/** The numbers a run reports, as results.json holds them (NaN → null), without timings. */
const numbers = (r: RunResults) =>
  JSON.parse(
    JSON.stringify(
      {
        mixtures: r.mixtures,
        selections: r.selections,
        base: r.base,
        surrogates: r.surrogates?.map(({ seconds: _s, extra_seconds: _e, ...x }) => x),
      },
      (_k, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? null : v),
    ),
  );

describe("bit-flip drill: every stored file", () => {
  const runDir = path.join(root, "run"),
    selDir = path.join(root, "select");
  let original: RunResults;
  let selection: SelectionResult;
  let n = 0;
  /** A fresh copy of the run (or selection) folder for one drill. */
  const copyOf = (dir: string) => {
    const c = path.join(root, `copy-${n++}`);
    fs.cpSync(dir, c, { recursive: true });
    return c;
  };

  before(async () => {
    original = await runExperiment({ ...RUN, out: runDir });
    selection = await selectMixture({ ...SELECT, out: selDir });
    assert.ok(
      fs.existsSync(weightsFile(runDir, fineTuneKey(0, HELPER | CONFLICT))),
      "the run holds a mixture fine-tune",
    );
    assert.ok(selection.final, "the selection exported a final model");
  });

  it("store.sqlite, a flipped page type: a typed refusal saying how to recover; following it repairs the run", async () => {
    const dir = copyOf(runDir);
    const db = path.join(dir, "store.sqlite");
    flipBit(db, 4096, 3); // the b-tree page type byte of page 2 (0x0d → 0x05)
    const flipped = sha(db);
    await assert.rejects(runExperiment({ ...RUN, out: dir }), (err: Error) => {
      assert.ok(err instanceof CorruptFileError, `${err.name}: ${err.message}`);
      assert.match(err.message, /store\.sqlite.*integrity|store\.sqlite.*not a readable/s);
      assert.match(err.message, /mv .*store\.sqlite .*store\.sqlite\.damaged/);
      return true;
    });
    assert.equal(sha(db), flipped, "the damaged store is left as it was");
    fs.renameSync(db, `${db}.damaged`);
    const again = await runExperiment({ ...RUN, out: dir });
    assert.deepEqual(numbers(again), numbers(original));
  });

  it("store.sqlite, a flipped header byte: a typed refusal, not an uncaught SqliteError", async () => {
    const dir = copyOf(runDir);
    flipBit(path.join(dir, "store.sqlite"), 2, 1); // "SQLite format 3" magic
    await assert.rejects(
      runExperiment({ ...RUN, out: dir }),
      (err: Error) => err instanceof CorruptFileError && /mv /.test(err.message),
    );
  });

  it("store.sqlite, a flipped digit inside a stored value (still valid JSON): its checksum fails, the value is recomputed", async () => {
    const dir = copyOf(runDir);
    const db = path.join(dir, "store.sqlite");
    const b = fs.readFileSync(db);
    // the first digit of each fine-tune record's sample count (every copy in the file: free space may hold stale ones)
    const tag = Buffer.from('"samples":');
    let flips = 0;
    for (let at = b.indexOf(tag); at >= 0; at = b.indexOf(tag, at + 1)) {
      const d = at + tag.length;
      if (b[d] >= 0x30 && b[d] <= 0x39) {
        b[d] ^= 1;
        flips++;
      } // one digit becomes another: structure and JSON stay intact
    }
    assert.ok(flips > 0, "found a stored number");
    fs.writeFileSync(db, b);
    const { progress, lines } = logger();
    const again = await runExperiment({ ...RUN, out: dir, progress });
    assert.ok(
      lines.some((l) => /stored values? failed (its|their) checksum \(finetune ft\//.test(l)),
      lines.join("\n"),
    );
    assert.deepEqual(numbers(again), numbers(original));
  });

  it("an older store without row checksums still opens and resumes (its rows are kept, the column is added)", async () => {
    const dir = copyOf(runDir);
    const db = new Database(path.join(dir, "store.sqlite"));
    db.exec("ALTER TABLE results DROP COLUMN sha256");
    db.close();
    const again = await runExperiment({ ...RUN, out: dir });
    assert.deepEqual(numbers(again), numbers(original));
    const check = new Database(path.join(dir, "store.sqlite"), { readonly: true });
    try {
      assert.ok(
        (check.prepare("PRAGMA table_info(results)").all() as Array<{ name: string }>).some((c) => c.name === "sha256"),
      );
    } finally {
      check.close();
    }
  });

  for (const [kind, key] of [
    ["θ0", "theta0"],
    ["a single fine-tune", fineTuneKey(0, HELPER)],
    ["a mixture fine-tune", fineTuneKey(0, HELPER | CONFLICT)],
  ] as const) {
    it(`${kind}: detected on the next run (logged), dropped and recomputed; the same numbers`, async () => {
      const dir = copyOf(runDir);
      const file = weightsFile(dir, key),
        recorded = recordedSha(dir, key);
      assert.equal(sha(file), recorded);
      flipBit(file, -7);
      const { progress, lines } = logger();
      const again = await runExperiment({ ...RUN, out: dir, progress });
      assert.ok(
        lines.some((l) => l.includes("failed its sha256") && l.includes(key)),
        lines.join("\n"),
      );
      assert.deepEqual(numbers(again), numbers(original));
      // repaired (recomputed bit for bit) or removed when nothing needs it any more — never kept damaged
      if (fs.existsSync(file)) assert.equal(sha(file), recordedSha(dir, key));
      if (key !== fineTuneKey(0, HELPER | CONFLICT)) assert.equal(sha(file), recorded, "recomputed bit for bit");
    });
  }

  it("the final model: a kept final.safetensors is checked against final.json and exported again", async () => {
    const dir = copyOf(selDir);
    const file = path.join(dir, "final.safetensors"),
      good = sha(file);
    flipBit(file, -3);
    const { progress, lines } = logger();
    const again = await selectMixture({ ...SELECT, out: dir, train: false, progress });
    assert.ok(
      lines.some((l) => /final\.safetensors is damaged/.test(l)),
      lines.join("\n"),
    );
    assert.equal(sha(file), good, "exported again, bit for bit");
    assert.equal(again.final?.sha256, selection.final!.sha256);
  });

  it("results.json: reading it is a typed refusal (sha256 sidecar); the same run again rewrites it", async () => {
    const dir = copyOf(runDir);
    flipBit(path.join(dir, "results.json"), 200, 0); // inside the numbers: a digit becomes another digit, still valid JSON
    assert.throws(
      () => readRunResults(dir),
      (err: Error) =>
        err instanceof CorruptFileError && /results\.json.*sha256.*run the same command again/s.test(err.message),
    );
    await runExperiment({ ...RUN, out: dir });
    assert.deepEqual(
      numbers(readRunResults(dir)),
      numbers(JSON.parse(fs.readFileSync(path.join(runDir, "results.json"), "utf8"))),
    );
  });
});
