import { strict as assert } from "node:assert";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, describe, it } from "node:test";
import Database from "better-sqlite3";
import { SpecMismatchError, RunStore, STORE_FORMAT_VERSION } from "../../src/experiment/store";
import { ParamLayout } from "../../src/params/layout";
import { ParamVector } from "../../src/params/param-vector";
import { CorruptFileError, LayoutMismatchError } from "../../src/util/errors";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "m2m-store-"));
after(() => fs.rmSync(root, { recursive: true, force: true }));
let dirs = 0;
const fresh = () => path.join(root, `s${dirs++}`);
const spec = { suite: "vision8", seeds: [0, 1], lr: 0.01 };
const layout = ParamLayout.fromShapes([
  ["w", [3, 2]],
  ["b", [2]],
]);
const pv = (v: number) => new ParamVector(layout, new Float32Array(layout.size).fill(v));
const writer = path.resolve(__dirname, "..", "fixtures", "store-writer.ts");

/** Run the writer fixture (node --import tsx, as `npx tsx` does). */
function startWriter(dir: string, id: string, count: string) {
  return spawn(process.execPath, ["--import", "tsx", writer, dir, id, count], { stdio: ["ignore", "pipe", "pipe"] });
}
function exited(
  child: ReturnType<typeof startWriter>,
): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  let stderr = "";
  child.stderr!.on("data", (d) => (stderr += d));
  return new Promise((res) => child.on("exit", (code, signal) => res({ code, signal, stderr })));
}

/** Every row parses and is self-consistent; every weights entry is either absent or exactly right. */
function checkConsistent(store: RunStore): { rows: number; weights: number } {
  const rows = store.list<{ id: string; i: number; check: number }>("r");
  for (const { key, value } of rows) {
    assert.equal(key, `${value.id}/${value.i}`);
    assert.equal(value.check, value.i * 7 + 1);
  }
  let weights = 0;
  for (const key of ["shared-0", "shared-1", "shared-2"]) {
    const hit = store.getWeights(
      key,
      ParamLayout.fromShapes([
        ["w", [64, 64]],
        ["b", [64]],
      ]),
    );
    if (!hit) continue;
    weights++;
    const i = Number(hit.metadata.i);
    assert.ok(
      hit.params.data.every((x) => x === i),
      "weights match their metadata",
    );
  }
  return { rows: rows.length, weights };
}

describe("RunStore", () => {
  it("puts, gets, lists results by kind; persists across opens", () => {
    const dir = fresh();
    const s = RunStore.open(dir, { spec });
    assert.equal(s.get("merged", "a"), undefined);
    s.put("merged", "b", { acc: 0.5 });
    s.put("merged", "a", { acc: 0.9 });
    s.put("base", "a", [1, 2]);
    s.put("merged", "a", { acc: 0.91 });
    assert.deepEqual(s.get("merged", "a"), { acc: 0.91 });
    assert.ok(s.has("base", "a") && !s.has("base", "b"));
    assert.deepEqual(
      s.list("merged").map((r) => r.key),
      ["a", "b"],
    );
    assert.deepEqual(s.kinds(), { base: 1, merged: 2 });
    s.putMany("m", [
      ["x", 1],
      ["y", 2],
    ]);
    assert.ok(s.delete("m", "x") && !s.delete("m", "x"));
    s.close();
    const again = RunStore.open(dir, { spec: { lr: 0.01, seeds: [0, 1], suite: "vision8" } }); // key order is irrelevant
    assert.deepEqual(again.get("merged", "b"), { acc: 0.5 });
    const db = new Database(path.join(dir, "store.sqlite"), { readonly: true });
    assert.equal((db.pragma("journal_mode", { simple: true }) as string).toLowerCase(), "wal");
    db.close();
    again.close();
    assert.throws(() => again.get("merged", "b"), /closed/);
  });

  it("refuses another spec naming the difference, unless overwrite", () => {
    const dir = fresh();
    const s = RunStore.open(dir, { spec });
    s.put("merged", "a", 1);
    s.putWeights("ft", pv(1));
    s.close();
    assert.throws(
      () => RunStore.open(dir, { spec: { ...spec, lr: 0.02 } }),
      (e: unknown) => e instanceof SpecMismatchError && /spec\.lr: stored 0\.01, given 0\.02/.test(e.message),
    );
    assert.throws(() => RunStore.open(dir, { spec: { ...spec, seeds: [0] } }), /spec\.seeds: stored 2 items, given 1/);
    const o = RunStore.open(dir, { spec: { ...spec, lr: 0.02 }, overwrite: true });
    assert.equal(o.get("merged", "a"), undefined);
    assert.equal(o.getWeights("ft"), null);
    assert.deepEqual(fs.readdirSync(path.join(dir, "weights")), []);
    o.close();
  });

  it("refuses an incompatible format version or a non-SQLite file, touching nothing", () => {
    const dir = fresh();
    RunStore.open(dir, { spec }).close();
    const file = path.join(dir, "store.sqlite");
    const db = new Database(file);
    db.prepare("UPDATE meta SET value = ? WHERE name = 'format_version'").run(String(STORE_FORMAT_VERSION + 1));
    db.pragma("wal_checkpoint(TRUNCATE)");
    db.close();
    const before = fs.readFileSync(file);
    assert.throws(
      () => RunStore.open(dir, { spec }),
      (e: unknown) => e instanceof CorruptFileError && /format 2.*reads format 1/.test(e.message),
    );
    assert.deepEqual(fs.readFileSync(file), before);
    const bad = fresh();
    fs.mkdirSync(bad);
    fs.writeFileSync(
      path.join(bad, "store.sqlite"),
      "this is not a database, just some text to fill the header....".repeat(20),
    );
    assert.throws(() => RunStore.open(bad, { spec }), CorruptFileError);
  });

  it("caches weights as checksummed safetensors; corrupt or missing files read as absent", () => {
    const dir = fresh();
    const s = RunStore.open(dir, { spec });
    const key = { task: "mnist", seed: 0, steps: 100 };
    const { file, sha256 } = s.putWeights(key, pv(0.5), { task: "mnist" });
    assert.equal(path.dirname(file), path.join(dir, "weights"));
    assert.match(path.basename(file), /^[0-9a-f]{64}\.safetensors$/);
    assert.equal(file, s.weightsPath({ steps: 100, seed: 0, task: "mnist" }));
    assert.match(sha256, /^[0-9a-f]{64}$/);
    const hit = s.getWeights(key, layout)!;
    assert.deepEqual([...hit.params.data], new Array(8).fill(0.5));
    assert.equal(hit.metadata.task, "mnist");
    assert.throws(() => s.getWeights(key, ParamLayout.fromShapes([["w", [8]]])), LayoutMismatchError);
    // Flip one byte of the data: checksum mismatch → null and the row is dropped.
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 1] ^= 0xff;
    fs.writeFileSync(file, bytes);
    assert.equal(s.getWeights(key), null);
    assert.equal(s.hasWeights(key), false);
    s.putWeights(key, pv(2));
    fs.rmSync(file);
    assert.equal(s.getWeights(key), null);
    assert.deepEqual(s.weightKeys(), []);
    assert.deepEqual(
      fs.readdirSync(path.join(dir, "weights")).filter((f) => f.endsWith(".tmp")),
      [],
    );
    s.close();
  });

  it("stays consistent when a writing process is SIGKILLed", async () => {
    const dir = fresh();
    RunStore.open(dir, { spec: { test: "store", version: 1 } }).close();
    const child = startWriter(dir, "k", "forever");
    const done = exited(child);
    await new Promise<void>((res) => {
      let out = "";
      child.stdout!.on("data", (d) => {
        out += d;
        if (/wrote 40/.test(out)) res();
      });
      void done.then(() => res());
    });
    child.kill("SIGKILL");
    const { signal, stderr } = await done;
    assert.equal(signal, "SIGKILL", stderr);
    const s = RunStore.open(dir, { spec: { test: "store", version: 1 } });
    const { rows } = checkConsistent(s);
    assert.ok(rows >= 40, `${rows} rows survived`);
    // The store is still writable after the crash.
    s.put("r", "after/0", { id: "after", i: 0, check: 1 });
    assert.equal(checkConsistent(s).rows, rows + 1);
    s.close();
  });

  it("two processes write concurrently without losing rows", async () => {
    const dir = fresh();
    const [a, b] = [startWriter(dir, "a", "60"), startWriter(dir, "b", "60")];
    const results = await Promise.all([exited(a), exited(b)]);
    for (const r of results) assert.equal(r.code, 0, r.stderr);
    const s = RunStore.open(dir, { spec: { test: "store", version: 1 } });
    const { rows, weights } = checkConsistent(s);
    assert.equal(rows, 120);
    assert.equal(weights, 3);
    s.close();
  });
});
