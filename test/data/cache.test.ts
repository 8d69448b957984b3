import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { cachePath, loadPreparedTask, readCachedTask, readManifest, manifestEntry, serializePrepared, uciDigitsSpec, VISION8_SIZES } from "../../src/data";
import { sha256Hex } from "../../src/util/sha256";

test("a corrupted or truncated cache file is detected by its hash and rebuilt", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "m2m-cache-"));
  try {
    const sizes = VISION8_SIZES.quick["uci-digits"];
    const logs: string[] = [];
    const progress = { start() {}, tick() {}, done() {}, log: (m: string) => { logs.push(m); } };
    const first = loadPreparedTask(uciDigitsSpec, sizes, 0, "vision8", { cacheDir: dir, progress });
    assert.equal(first.fromCache, false);
    assert.equal(first.header.sha256, manifestEntry(readManifest(), "vision8", "quick", 0, "uci-digits")!.sha256);
    const base = cachePath(dir, "vision8", sizes, 0, "uci-digits");
    assert.equal(readCachedTask(base).status, "hit");

    // Flip one pixel byte: the hash no longer matches, so the file is rejected and rebuilt.
    const bin = fs.readFileSync(`${base}.bin`);
    bin[bin.length - 100] ^= 0xff;
    fs.writeFileSync(`${base}.bin`, bin);
    assert.equal(readCachedTask(base).status, "corrupt");
    const again = loadPreparedTask(uciDigitsSpec, sizes, 0, "vision8", { cacheDir: dir, progress });
    assert.equal(again.fromCache, false);
    assert.ok(logs.some((l) => /rejected/.test(l)));
    assert.equal(sha256Hex(serializePrepared(again.task)), first.header.sha256);
    assert.equal(sha256Hex(fs.readFileSync(`${base}.bin`)), first.header.sha256);

    // Truncated file (interrupted write of an older version): also rejected.
    fs.writeFileSync(`${base}.bin`, fs.readFileSync(`${base}.bin`).subarray(0, 1000));
    assert.equal(readCachedTask(base).status, "corrupt");
    // A valid file whose hash is not the expected one (stale cache) is rejected too.
    loadPreparedTask(uciDigitsSpec, sizes, 0, "vision8", { cacheDir: dir });
    assert.equal(readCachedTask(base, "0".repeat(64)).status, "corrupt");
    const third = loadPreparedTask(uciDigitsSpec, sizes, 0, "vision8", { cacheDir: dir });
    assert.equal(third.fromCache, true);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("verifyData rebuilds vision8 quick in memory and matches the manifest; describeSuites lists every suite", async () => {
  const { verifyData, describeSuites } = await import("../../src/data");
  const r = await verifyData({ suites: ["vision8"], presets: ["quick"] });
  assert.equal(r.ok, true);
  assert.equal(r.tasks.length, 8);
  assert.ok(r.tasks.every((t) => t.status === "ok" && t.expected === t.sha256));
  const wrongSeed = await verifyData({ suites: ["vision8"], presets: ["quick"], seed: 12345 });
  assert.equal(wrongSeed.ok, false);
  const d = await describeSuites();
  const v = d.suites.find((s) => s.name === "vision8")!;
  assert.equal(v.tasks.length, 8);
  assert.deepEqual(v.tasks[1].classes.slice(0, 2), ["T-shirt/top", "Trouser"]);
  assert.ok(d.suites.some((s) => s.name === "text8"));
});
