// Issue 20's bad inputs, one row each, run as a user would: the real command line in a child process. Every
// one must end in a typed error (one line naming the value and what was expected, no stack trace) with
// nothing written — or, where the issue says so, in a detected-and-repaired fault. The store, weight and
// results bit flips (case 8, and 9's checksum) are drilled in test/experiment/bit-flip-drill.test.ts.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import * as zlib from "node:zlib";
import { encodePng } from "../../src/data/custom/png-encode";
import { checkOutputDir, ForeignFolderError, RUN_MARKER_FILE } from "../../src/experiment/run-dir";
import { runExperiment, type RunOptions } from "../../src/experiment/run";
import { claimsOf } from "../../src/results/claims";
import type { RunResults } from "../../src/results/results";
import { RESULTS_CHECKSUM_FILE } from "../../src/results/check-results";
import { SYNTHETIC_RUN } from "../fixtures/synthetic-run";

const ROOT = path.join(__dirname, "..", "..");
// tsx's loader by absolute URL: the children run in a temporary folder, where a bare "tsx" does not resolve
const TSX_LOADER = pathToFileURL(require.resolve("tsx")).href;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "m2m-regress-"));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** `merge-to-mix ARGS` in a child process, as `npx tsx src/cli/main.ts ARGS` runs it (a hang is a failure after `timeoutMs`). */
function cli(args: string[], timeoutMs = 60_000): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, ["--import", TSX_LOADER, path.join(ROOT, "src", "cli", "main.ts"), ...args], {
    cwd: tmp,
    encoding: "utf8",
    timeout: timeoutMs,
  });
  if (r.error) throw new Error(`merge-to-mix ${args.join(" ")}: ${r.error.message} (hung?)`);
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** sha256 of every file under dir, or of dir itself when it is a file (missing: null). */
function fingerprint(dir: string): Record<string, string> | null {
  if (!fs.existsSync(dir)) return null;
  if (!fs.statSync(dir).isDirectory()) return { ".": createHash("sha256").update(fs.readFileSync(dir)).digest("hex") };
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && !/-(wal|shm)$/.test(e.name))
        out[path.relative(dir, p)] = createHash("sha256").update(fs.readFileSync(p)).digest("hex");
    }
  };
  walk(dir);
  return out;
}

const w = (rel: string, data: string | Uint8Array) => {
  const f = path.join(tmp, rel);
  fs.mkdirSync(path.dirname(f), { recursive: true });
  fs.writeFileSync(f, data);
  return f;
};
const csv = (rows: string[][]) => rows.map((r) => r.join(",")).join("\n") + "\n";
/** A CSV of `perClass` rows for each of classes a and b (two numeric features), `edit` applied to the rows. */
function csvRows(perClass: number, edit: (rows: string[][]) => void = () => {}): string {
  const rows = [["label", "f0", "f1"]];
  for (let i = 0; i < 2 * perClass; i++) rows.push([i % 2 ? "b" : "a", String(i % 7), String((i * 3) % 5)]);
  edit(rows);
  return csv(rows);
}
/** A class-folder tree of .txt files: `files` maps "class/name.txt" to contents. */
function textTree(dir: string, files: Record<string, string | Uint8Array>): string {
  for (const [f, c] of Object.entries(files)) w(path.join(dir, f), c);
  return path.join(tmp, dir);
}
const goodTexts = (dir: string, extra: Record<string, string | Uint8Array> = {}) => {
  const files: Record<string, string | Uint8Array> = { ...extra };
  for (const c of ["pos", "neg"])
    for (let i = 1; i <= 8; i++) files[`${c}/${String(i).padStart(3, "0")}.txt`] ??= `${c} words number ${i}`;
  return textTree(dir, files);
};

// One row per case: the arguments (after `merge-to-mix`), what stderr must say, and the folder that must stay as it was.
interface Row {
  issueCase: number;
  name: string;
  args: () => string[];
  error: RegExp;
  untouched?: () => string;
  timeoutMs?: number;
}

const sel = (out: string, ...rest: string[]) => ["select", "--backend", "cpu", "--out", path.join(tmp, out), ...rest];

describe("issue 20: bad inputs on the command line", () => {
  const runDir = path.join(tmp, "shared-run");
  let results: RunResults;

  before(async () => {
    // one small synthetic run shared by every row that needs a run folder: 2 candidates (the documented minimum) with a ground truth
    const opts: RunOptions = { ...SYNTHETIC_RUN, candidates: ["helper", "conflict"], workers: 1, out: runDir };
    results = await runExperiment(opts);
    w("mine/mixtures.csv", "my,own\n1,2\n");
    w("mine/selection.json", '{"mine": true}\n');
    w("a-file", "not a folder\n");
    fs.cpSync(runDir, path.join(tmp, "run-with-report"), { recursive: true });
    w("run-with-report/report/notes.txt", "my notes\n");
  });

  const rows: Row[] = [
    // 1. someone else's non-empty folder as the output folder
    {
      issueCase: 1,
      name: "select --out a folder of the user's files",
      args: () => sel("mine", "--suite", "synthetic", "--target", "target"),
      error: /ForeignFolderError: .*mine is a non-empty folder that is not a merge-to-mix run/,
      untouched: () => "mine",
    },
    {
      issueCase: 1,
      name: "run --out a folder of the user's files",
      args: () => ["run", "--suite", "synthetic", "--backend", "cpu", "--out", path.join(tmp, "mine")],
      error: /ForeignFolderError: .*mixtures\.csv/,
      untouched: () => "mine",
    },
    {
      issueCase: 1,
      name: "calibrate --out a folder of the user's files",
      args: () => ["calibrate", "--suite", "synthetic", "--backend", "cpu", "--out", path.join(tmp, "mine")],
      error: /ForeignFolderError/,
      untouched: () => "mine",
    },
    {
      issueCase: 1,
      name: "report into a report/ folder of the user's files",
      args: () => ["report", "--no-png", path.join(tmp, "run-with-report")],
      error: /ForeignFolderError: .*run-with-report\/report .*notes\.txt/,
      untouched: () => "run-with-report",
    },
    // 2. boolean flags take no value
    {
      issueCase: 2,
      name: "--overwrite=false",
      args: () => ["run", "--suite", "synthetic", "--overwrite=false", "--out", runDir],
      error: /--overwrite = "false", expected no value: --overwrite is a flag/,
      untouched: () => "shared-run",
    },
    {
      issueCase: 2,
      name: "--no-train no",
      args: () => sel("never-1", "--suite", "synthetic", "--target", "target", "--no-train", "no"),
      error: /argument of 'select' = "no", expected no arguments besides options/,
    },
    {
      issueCase: 2,
      name: "suites --json=maybe",
      args: () => ["suites", "--json=maybe"],
      error: /--json = "maybe", expected no value/,
    },
    {
      issueCase: 2,
      name: "report --no-png DIR EXTRA",
      args: () => ["report", "--no-png", runDir, "extra"],
      error: /argument of 'report' = "extra", expected only RUN_DIR/,
    },
    // 3. paths that hang or crash
    {
      issueCase: 3,
      name: "--out /proc/x",
      args: () => ["select", "--backend", "cpu", "--suite", "synthetic", "--target", "target", "--out", "/proc/x"],
      error: /out = "\/proc\/x", expected a folder on a regular filesystem \(not under \/proc/,
      timeoutMs: 30_000,
    },
    {
      issueCase: 3,
      name: "--out /sys/x",
      args: () => ["run", "--suite", "synthetic", "--backend", "cpu", "--out", "/sys/x"],
      error: /not under \/sys/,
      timeoutMs: 30_000,
    },
    {
      issueCase: 3,
      name: "--out at a file",
      args: () => sel("a-file", "--suite", "synthetic", "--target", "target"),
      error: /a-file", expected a folder, not a file/,
      untouched: () => "a-file",
    },
    {
      issueCase: 3,
      name: "--out under a file",
      args: () => sel("a-file/sub", "--suite", "synthetic", "--target", "target"),
      error: /expected a folder path, but .*a-file is a file, not a folder/,
    },
    {
      issueCase: 3,
      name: "a FIFO named 000.txt in a text folder",
      args: () => {
        const d = goodTexts("fifo-texts");
        execFileSync("mkfifo", [path.join(d, "pos", "000.txt")]);
        return sel("never-3", "--data", `words=${d}`, "--target", "words");
      },
      error: /text file = ".*000\.txt", expected a regular file \(this is a FIFO\)/,
      timeoutMs: 30_000,
    },
    // 4. decoders: name the file and the limit
    {
      issueCase: 4,
      name: "a corrupt .csv.gz",
      args: () =>
        sel(
          "never-4",
          "--data",
          `t=${w("bad.csv.gz", Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0]), Buffer.from("garbage, not deflate")]))}`,
          "--target",
          "t",
        ),
      error: /CorruptFileError: .*bad\.csv\.gz: is gzip-compressed but does not decompress/,
    },
    {
      issueCase: 4,
      name: "a PGM header claiming 1000000×1000000",
      args: () => {
        w("pgm/a/1.pgm", "P5\n1000000 1000000\n255\n\0\0");
        w("pgm/b/1.pgm", "P5\n2 2\n255\n\0\0\0\0");
        return sel("never-4b", "--data", `p=${path.join(tmp, "pgm")}`, "--target", "p");
      },
      error: /CorruptFileError: .*a\/1\.pgm: image size 1000000×1000000 .*expected at most 16777216 pixels/,
    },
    {
      issueCase: 4,
      name: "a 0×0 PNG",
      args: () => {
        w("png0/a/1.png", encodePng(new Uint8Array(0), 0, 0));
        w("png0/b/1.png", encodePng(new Uint8Array(4), 2, 2));
        return sel("never-4c", "--data", `p=${path.join(tmp, "png0")}`, "--target", "p");
      },
      error: /CorruptFileError: .*a\/1\.png: image size 0×0; expected at least 1×1/,
    },
    // 5. data errors found while reading, before any store or weights
    {
      issueCase: 5,
      name: "one row per class",
      args: () => sel("never-5a", "--data", `t=${w("one-per-class.csv", csvRows(1))}`, "--target", "t"),
      error: /examples of class "a" in t = 1, expected at least 5 per class/,
    },
    {
      issueCase: 5,
      name: "an empty label cell",
      args: () =>
        sel(
          "never-5b",
          "--data",
          `t=${w(
            "empty-label.csv",
            csvRows(10, (r) => {
              r[4][0] = "";
            }),
          )}`,
          "--target",
          "t",
        ),
      error: /row 5, label column label of .*empty-label\.csv = "", expected a class label/,
    },
    {
      issueCase: 5,
      name: "a target whose text files are all empty",
      args: () => {
        const files: Record<string, string> = {};
        for (const c of ["pos", "neg"]) for (let i = 0; i < 6; i++) files[`${c}/${i}.txt`] = "";
        return sel("never-5c", "--data", `words=${textTree("empty-texts", files)}`, "--target", "words");
      },
      error: /CorruptFileError: .*empty-texts\/neg\/0\.txt: is empty; expected one example's text/,
    },
    {
      issueCase: 5,
      name: "an empty .txt among good ones",
      args: () =>
        sel("never-5d", "--data", `words=${goodTexts("one-empty", { "pos/005.txt": "  \n" })}`, "--target", "words"),
      error: /one-empty\/pos\/005\.txt: is empty \(only whitespace\)/,
    },
    {
      issueCase: 5,
      name: "a binary .txt",
      args: () =>
        sel(
          "never-5e",
          "--data",
          `words=${goodTexts("binary", { "neg/002.txt": new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 9]) })}`,
          "--target",
          "words",
        ),
      error: /binary\/neg\/002\.txt: holds a NUL byte: a binary file, expected UTF-8 text/,
    },
    {
      issueCase: 5,
      name: "a Latin-1 .txt",
      args: () =>
        sel(
          "never-5f",
          "--data",
          `words=${goodTexts("latin1", { "pos/003.txt": Buffer.from("caf\xe9 cr\xe8me", "latin1") })}`,
          "--target",
          "words",
        ),
      error: /latin1\/pos\/003\.txt: is not valid UTF-8/,
    },
    {
      issueCase: 5,
      name: "0x1F in a CSV cell",
      args: () =>
        sel(
          "never-5g",
          "--data",
          `t=${w(
            "hex.csv",
            csvRows(10, (r) => {
              r[3][1] = "0x1F";
            }),
          )}`,
          "--target",
          "t",
        ),
      error: /row 4, column f0 of .*hex\.csv = "0x1F", expected a finite number in decimal notation/,
    },
    // 6. the selection surrogate a 2-candidate pool cannot compute is refused up front (the compared ones are skipped: see below)
    {
      issueCase: 6,
      name: "--surrogate calibrated with 2 candidates",
      args: () => [
        "run",
        "--suite",
        "synthetic",
        "--backend",
        "cpu",
        "--targets",
        "target",
        "--candidates",
        "helper,conflict",
        "--surrogate",
        "calibrated",
        "--out",
        path.join(tmp, "never-6"),
      ],
      error:
        /surrogate = "calibrated", expected one the pool of target target allows \(calibrated needs 4 mixtures of ≥ 2 candidates to fit λ; 2 candidates have 1\)/,
    },
    // 7. values that were silently accepted
    {
      issueCase: 7,
      name: "--epochs 0",
      args: () => sel("never-7a", "--suite", "synthetic", "--target", "target", "--epochs", "0"),
      error: /--epochs = "0", expected an integer in \[1, 1000\]/,
    },
    {
      issueCase: 7,
      name: "--target given twice",
      args: () => sel("never-7b", "--suite", "synthetic", "--target", "target", "--target", "helper"),
      error: /--target = "helper", expected one value \(it is also given as "target"/,
    },
    {
      issueCase: 7,
      name: "--budget steps --train-budget epochs",
      args: () => [
        "run",
        "--suite",
        "synthetic",
        "--backend",
        "cpu",
        "--budget",
        "steps",
        "--train-budget",
        "epochs",
        "--out",
        path.join(tmp, "never-7c"),
      ],
      error: /--train-budget = "epochs", expected the same rule as --budget steps/,
    },
    // 9. results.json whose numbers are not numbers (no checksum sidecar: an older or hand-made file)
    {
      issueCase: 9,
      name: "report on results.json with a number as a string",
      args: () => [
        "report",
        "--no-png",
        editedRun("strings", (r) => {
          (r.mixtures[0] as unknown as Record<string, unknown>).merged_val_acc = "0.5";
        }),
      ],
      error:
        /CorruptFileError: .*strings\/results\.json: mixtures\[0\]\.merged_val_acc is the string "0\.5", expected a number/,
      untouched: () => "strings",
    },
    {
      issueCase: 9,
      name: "report on results.json with a required number null",
      args: () => [
        "report",
        "--no-png",
        editedRun("nulls", (r) => {
          (r.base[0] as unknown as Record<string, unknown>).test_acc = null;
        }),
      ],
      error: /nulls\/results\.json: base\[0\]\.test_acc is null, expected a finite number/,
      untouched: () => "nulls",
    },
    // 10. config paths confined to the config's folder; file contents never echoed
    {
      issueCase: 10,
      name: "a config reaching ../../../../etc/passwd",
      args: () =>
        sel(
          "never-10a",
          "--suite",
          w("cfg/escape.yaml", "tasks:\n  - { name: t, csv: ../../../../../../../etc/passwd }\n"),
          "--target",
          "t",
        ),
      error: /csv of dataset t = "\.\.\/.*etc\/passwd", expected a path inside the config's folder/,
    },
    {
      issueCase: 10,
      name: "a non-CSV inside the config's folder: its first line is not echoed",
      args: () => {
        w("cfg2/p.csv", "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n");
        return sel("never-10b", "--suite", w("cfg2/c.yaml", "tasks:\n  - { name: t, csv: p.csv }\n"), "--target", "t");
      },
      error: /column of .*p\.csv = "label", expected one of the file's 1 columns/,
    },
  ];

  /** A copy of the shared run whose results.json is edited (and its checksum sidecar removed). */
  function editedRun(name: string, edit: (r: RunResults) => void): string {
    const dir = path.join(tmp, name);
    fs.cpSync(runDir, dir, { recursive: true });
    const r = JSON.parse(fs.readFileSync(path.join(dir, "results.json"), "utf8")) as RunResults;
    edit(r);
    fs.writeFileSync(path.join(dir, "results.json"), JSON.stringify(r));
    fs.rmSync(path.join(dir, RESULTS_CHECKSUM_FILE));
    return dir;
  }

  for (const row of rows) {
    it(`case ${row.issueCase}: ${row.name}`, () => {
      const args = row.args();
      const outIx = args.indexOf("--out");
      const out = outIx >= 0 ? args[outIx + 1] : undefined;
      const watched = row.untouched ? path.join(tmp, row.untouched()) : undefined;
      const before = watched ? fingerprint(watched) : null;
      const outBefore = out ? fingerprint(out) : null;
      const r = cli(args, row.timeoutMs);
      assert.equal(r.code, 1, `exit code ${r.code}\n${r.err}`);
      assert.match(r.err, row.error);
      assert.match(r.err, /^merge-to-mix \w+: \w+Error: /m, "one typed-error line");
      assert.doesNotMatch(r.err, /\n\s+at |root:x:0/, "no stack trace, no file contents");
      if (watched) assert.deepEqual(fingerprint(watched), before, `${watched} changed`);
      if (out && !out.startsWith("/proc") && !out.startsWith("/sys"))
        assert.deepEqual(fingerprint(out), outBefore, `${out} was written`);
    });
  }

  it("case 1: a run of ours is recognised by its marker, or (older runs) its store.sqlite or results.json", () => {
    assert.ok(fs.existsSync(path.join(runDir, RUN_MARKER_FILE)), "a new run is marked");
    for (const f of ["store.sqlite", "results.json"]) {
      const d = path.join(tmp, `old-${f}`);
      w(path.join(`old-${f}`, f), "x");
      assert.equal(checkOutputDir(d), d);
    }
    assert.throws(() => checkOutputDir(path.join(tmp, "mine")), ForeignFolderError);
    assert.equal(checkOutputDir(path.join(tmp, "does-not-exist-yet")), path.join(tmp, "does-not-exist-yet"));
  });

  it("case 1: an older run without the marker still resumes (and is marked)", async () => {
    const old = path.join(tmp, "old-run");
    fs.cpSync(runDir, old, { recursive: true });
    fs.rmSync(path.join(old, RUN_MARKER_FILE));
    const again = await runExperiment({ ...SYNTHETIC_RUN, candidates: ["helper", "conflict"], workers: 1, out: old });
    assert.deepEqual(again.selections, results.selections);
    assert.ok(fs.existsSync(path.join(old, RUN_MARKER_FILE)));
  });

  it("case 2: report --no-png DIR keeps DIR (the flag takes no value)", () => {
    const r = cli(["report", "--no-png", runDir]);
    assert.equal(r.code, 0, r.err);
    assert.ok(fs.existsSync(path.join(runDir, "report", "index.html")));
    assert.ok(fs.existsSync(path.join(runDir, "report", RUN_MARKER_FILE)), "the report folder is marked");
  });

  it("case 6: with the documented minimum of 2 candidates the run finishes; calibrated is skipped with a note", () => {
    assert.equal(results.complete, true);
    assert.deepEqual(results.notes, [
      "surrogate calibrated skipped for target target: calibrated needs 4 mixtures of ≥ 2 candidates to fit λ; 2 candidates have 1",
    ]);
    const names = new Set(results.surrogates!.map((s) => s.name));
    assert.ok(!names.has("calibrated") && names.has("mean") && names.has("ties"), [...names].join(", "));
    assert.ok(claimsOf(results), "claims are computed without the skipped surrogate");
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(runDir, "results.json"), "utf8")).notes, results.notes);
  });
});

describe("issue 20: gzip and sizes, in-process", () => {
  it("case 4: a truncated .csv.gz names the file (no zlib stack)", async () => {
    const { taskFromCSV } = await import("../../src/data/custom/csv");
    const f = w("trunc.csv.gz", zlib.gzipSync(csvRows(10)).subarray(0, 30));
    assert.throws(
      () => taskFromCSV(f, { labelColumn: "label" }),
      /trunc\.csv\.gz: is gzip-compressed but does not decompress/,
    );
  });
});
