// Issue 20 #11: one cache folder for prepared data, θ0 and raw files, chosen by --cache DIR or MERGE_TO_MIX_CACHE;
// a run writes nothing into the project's data/models when one is chosen; a folder that cannot be used is refused.
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, describe, it } from "node:test";
import { takeCacheOption } from "../../src/cli/cache-option";
import { cacheDir, CacheFolderError, cacheSubdir, setCacheDir } from "../../src/util/cache-dir";
import { InvalidArgumentError } from "../../src/util/errors";

const root = path.resolve(__dirname, "..", "..");
const bin = path.join(root, "bin", "merge-to-mix");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "m2m-cache-opt-"));
const modelsInRepo = () =>
  fs.existsSync(path.join(root, "data", "models")) ? fs.readdirSync(path.join(root, "data", "models")).sort() : [];
const RUN = [
  "select",
  "--suite",
  "synthetic",
  "--target",
  "target",
  "--epochs",
  "1",
  "--no-train",
  "--workers",
  "1",
  "--backend",
  "cpu",
];

describe("the cache folder (--cache, MERGE_TO_MIX_CACHE)", () => {
  after(() => {
    setCacheDir(undefined);
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("takeCacheOption takes --cache DIR and --cache=DIR out of argv and chooses the folder", () => {
    const a = path.join(tmp, "a"),
      b = path.join(tmp, "b");
    assert.deepEqual(takeCacheOption(["run", "--cache", a, "--suite", "x"]), ["run", "--suite", "x"]);
    assert.equal(cacheDir(), a);
    assert.deepEqual(takeCacheOption([`--cache=${b}`, "suites"]), ["suites"]);
    assert.equal(cacheSubdir("models"), path.join(b, "models"));
    setCacheDir(undefined);
    assert.throws(() => takeCacheOption(["run", "--cache"]), InvalidArgumentError);
    assert.throws(() => takeCacheOption(["run", "--cache", "--suite", "x"]), InvalidArgumentError);
    assert.throws(
      () => takeCacheOption(["run", "--cache", "/proc/m2m-cache"]),
      (e: unknown) => e instanceof CacheFolderError && (e as Error).message.includes("/proc/m2m-cache"),
    );
    const file = path.join(tmp, "a-file");
    fs.writeFileSync(file, "x");
    assert.throws(
      () => takeCacheOption(["--cache", path.join(file, "sub")]),
      (e: unknown) => e instanceof CacheFolderError && (e as Error).message.includes(file),
    );
    setCacheDir(undefined);
  });

  it("MERGE_TO_MIX_CACHE wins over the checkout's data/; setCacheDir wins over both", () => {
    const saved = process.env.MERGE_TO_MIX_CACHE;
    try {
      process.env.MERGE_TO_MIX_CACHE = path.join(tmp, "env");
      assert.equal(cacheDir(), path.join(tmp, "env"));
      setCacheDir(path.join(tmp, "opt"));
      assert.equal(cacheDir(), path.join(tmp, "opt"));
      setCacheDir(undefined);
      delete process.env.MERGE_TO_MIX_CACHE;
      assert.equal(
        cacheDir(),
        path.join(root, "data"),
        "a development checkout keeps data/cache, data/models, data/raw",
      );
    } finally {
      if (saved === undefined) delete process.env.MERGE_TO_MIX_CACHE;
      else process.env.MERGE_TO_MIX_CACHE = saved;
    }
  });

  it("a run with --cache DIR puts θ0 under DIR/models and nothing in the project's data/models", () => {
    const before = modelsInRepo();
    const cache = path.join(tmp, "flag");
    const r = spawnSync(bin, [...RUN, "--out", path.join(tmp, "out-flag"), "--cache", cache], { encoding: "utf8" });
    assert.equal(r.status, 0, r.stderr);
    assert.ok(fs.readdirSync(path.join(cache, "models")).some((f) => f.endsWith(".safetensors")));
    assert.deepEqual(modelsInRepo(), before);
  });

  it("MERGE_TO_MIX_CACHE does the same for a run without the flag", () => {
    const before = modelsInRepo();
    const cache = path.join(tmp, "env-run");
    const r = spawnSync(bin, [...RUN, "--out", path.join(tmp, "out-env")], {
      encoding: "utf8",
      env: { ...process.env, MERGE_TO_MIX_CACHE: cache },
    });
    assert.equal(r.status, 0, r.stderr);
    assert.ok(fs.readdirSync(path.join(cache, "models")).some((f) => f.endsWith(".safetensors")));
    assert.deepEqual(modelsInRepo(), before);
  });

  it("a cache folder that cannot be written: exit 1, one line naming it, nothing written", () => {
    const file = path.join(tmp, "not-a-folder");
    fs.writeFileSync(file, "");
    const out = path.join(tmp, "out-bad");
    const r = spawnSync(bin, [...RUN, "--out", out, "--cache", path.join(file, "cache")], { encoding: "utf8" });
    assert.equal(r.status, 1);
    assert.match(
      r.stderr,
      new RegExp(
        `CacheFolderError: cache folder "${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/cache" cannot be created`,
      ),
    );
    assert.ok(!fs.existsSync(out));
  });
});
