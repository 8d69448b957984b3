import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
  conceptMap, hersheyDigitsSpec, HERSHEY_EVAL_FONTS, HERSHEY_TRAIN_FONTS, loadPreparedTask, loadSuite, loadVisionPretrainData,
  manifestEntry, mnistSpec, PRETRAIN_EXCLUDED_CATEGORIES, pretrainCategories, quickdrawCategories, readManifest, serializePrepared,
  SPLIT_NAMES, suiteNames, VISION8_SIZES, VISION8_TASKS, QD_CLOTHING, QD_SHAPES, QD_ANIMALS, QD_VEHICLES,
} from "../../src/data";
import { InvalidArgumentError, UnknownNameError } from "../../src/util/errors";
import { sha256Hex } from "../../src/util/sha256";

const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), "m2m-data-"));
process.on("exit", () => fs.rmSync(cacheDir, { recursive: true, force: true }));

test("vision8 quick: counts, classes and hashes match the committed manifest", async () => {
  const suite = await loadSuite("vision8", { preset: "quick", seed: 0, cacheDir });
  const m = readManifest();
  assert.deepEqual(suite.tasks.map((t) => t.name), VISION8_TASKS.map((s) => s.name));
  assert.deepEqual(suite.inputShape, [28, 28, 1]);
  for (const t of suite.tasks) {
    const e = manifestEntry(m, "vision8", "quick", 0, t.name);
    assert.ok(e, `manifest has vision8/quick/0/${t.name}`);
    assert.deepEqual(t.classes, e.classes);
    for (const k of SPLIT_NAMES) {
      const counts = new Array(t.classes.length).fill(0);
      for (let i = 0; i < t.splits[k].n; i++) counts[t.splits[k].y[i]]++;
      assert.deepEqual(counts, e.counts[k], `${t.name} ${k} class counts`);
      assert.equal(t.splits[k].x.length, t.splits[k].n * 784);
    }
    assert.equal(t.splits.train.n, VISION8_SIZES.quick[t.name].train);
    let lo = Infinity, hi = -Infinity;
    for (const v of t.splits.train.x) { if (v < lo) lo = v; if (v > hi) hi = v; }
    assert.ok(lo >= 0 && hi <= 1 && hi > 0.9, `${t.name} pixels in [0, 1] with ink`);
  }
  // The cache now holds files whose hashes are the manifest's.
  for (const spec of VISION8_TASKS) {
    const r = loadPreparedTask(spec, VISION8_SIZES.quick[spec.name], 0, "vision8", { cacheDir, expectedSha: manifestEntry(m, "vision8", "quick", 0, spec.name)!.sha256 });
    assert.equal(r.fromCache, true, `${spec.name} served from cache`);
  }
});

test("splits are disjoint and Hershey fonts differ between train/headfit and val/test", () => {
  const sizes = VISION8_SIZES.quick.mnist;
  for (const spec of VISION8_TASKS) {
    const p = spec.prepare(VISION8_SIZES.quick[spec.name], 0, "vision8");
    const seen = new Set<number>();
    for (const k of SPLIT_NAMES) for (const i of p.splits[k].index) { assert.ok(!seen.has(i), `${spec.name}: example ${i} in two splits`); seen.add(i); }
  }
  const h = hersheyDigitsSpec.prepare(sizes, 3, "vision8");
  const fontsOf = (k: "train" | "val" | "test" | "headfit") => new Set([...h.splits[k].group].map((g) => h.groupNames![g]));
  const trainFonts = new Set([...fontsOf("train"), ...fontsOf("headfit")]);
  const evalFonts = new Set([...fontsOf("val"), ...fontsOf("test")]);
  assert.deepEqual([...trainFonts].sort(), [...HERSHEY_TRAIN_FONTS].sort());
  assert.deepEqual([...evalFonts].sort(), [...HERSHEY_EVAL_FONTS].sort());
  for (const f of trainFonts) assert.ok(!evalFonts.has(f), `font ${f} in both train and eval`);
});

test("determinism: same seed → same sha256, different seed → different", () => {
  const sizes = VISION8_SIZES.quick.mnist;
  for (const spec of [mnistSpec, hersheyDigitsSpec]) {
    const a = sha256Hex(serializePrepared(spec.prepare(sizes, 5, "vision8")));
    const b = sha256Hex(serializePrepared(spec.prepare(sizes, 5, "vision8")));
    const c = sha256Hex(serializePrepared(spec.prepare(sizes, 6, "vision8")));
    assert.equal(a, b, `${spec.name} deterministic`);
    assert.notEqual(a, c, `${spec.name} depends on the seed`);
  }
});

test("concept map: digits shared by 3 tasks, 7 garments by 2, union in a fixed order", async () => {
  const suite = await loadSuite("vision8", { preset: "quick", seed: 0, cacheDir });
  const map = conceptMap(suite);
  for (let d = 0; d < 10; d++) assert.deepEqual(map[`digit:${d}`].map((u) => u.task), ["mnist", "uci-digits", "hershey-digits"]);
  const garments = Object.keys(map).filter((c) => c.startsWith("garment:"));
  assert.equal(garments.length, 7);
  for (const g of garments) assert.deepEqual(map[g].map((u) => u.task), ["fashion-mnist", "qd-clothing"]);
  assert.deepEqual(map["garment:trousers"].map((u) => u.className), ["Trouser", "pants"]);
  assert.equal(suite.concepts.length, 80 - 20 - 7);
  assert.equal(new Set(suite.concepts).size, suite.concepts.length);
  assert.equal(suite.concepts[0], "digit:0");
});

test("pretraining categories are disjoint from every suite category", () => {
  const suiteCats = [QD_CLOTHING, QD_SHAPES, QD_ANIMALS, QD_VEHICLES].flatMap((g) => g.categories);
  const pre = pretrainCategories();
  assert.equal(pre.length, quickdrawCategories().length - PRETRAIN_EXCLUDED_CATEGORIES.length);
  for (const c of suiteCats) assert.ok(!pre.includes(c), `${c} used for pretraining`);
  const d = loadVisionPretrainData({ perClass: 2, seed: 1 });
  assert.equal(d.n, pre.length * 2);
  assert.equal(d.numClasses, pre.length);
  assert.deepEqual(d.categories, pre);
  const perClass = new Array(d.numClasses).fill(0);
  for (const y of d.y) perClass[y]++;
  assert.ok(perClass.every((c) => c === 2));
  assert.throws(() => loadVisionPretrainData({ perClass: 101, seed: 1 }), InvalidArgumentError);
  // shifted copies: same labels, each copy a ≤ 2-pixel shift of its original (ink is kept or pushed off the edge)
  const a = loadVisionPretrainData({ perClass: 2, seed: 1, shiftedCopies: 2 });
  assert.equal(a.n, 3 * d.n);
  assert.deepEqual(a.x.subarray(0, d.n * 784), d.x);
  const ink = (x: Float32Array, i: number) => x.subarray(i * 784, (i + 1) * 784).reduce((s, v) => s + v, 0);
  for (let i = 0; i < d.n; i++) {
    assert.equal(a.y[d.n + i], d.y[i]);
    assert.ok(ink(a.x, d.n + i) <= ink(d.x, i) + 1e-3);
  }
  assert.deepEqual(loadVisionPretrainData({ perClass: 2, seed: 1, shiftedCopies: 2 }).x, a.x);
  assert.throws(() => loadVisionPretrainData({ perClass: 2, seed: 1, shiftedCopies: 10 }), InvalidArgumentError);
});

test("registry: unknown suite/task/preset errors, task subsets, too-large sizes", async () => {
  assert.ok(suiteNames().includes("vision8") && suiteNames().includes("text8"));
  await assert.rejects(loadSuite("nope"), (e: unknown) => e instanceof UnknownNameError && /vision8/.test(e.message));
  await assert.rejects(loadSuite("vision8", { tasks: ["mnist", "svhn"] }), (e: unknown) => e instanceof UnknownNameError && /qd-shapes/.test(e.message));
  await assert.rejects(loadSuite("vision8", { preset: "huge" as "quick" }), UnknownNameError);
  const s = await loadSuite("vision8", { tasks: ["qd-shapes", "mnist"], sizes: { train: 30 }, cacheDir });
  assert.deepEqual(s.tasks.map((t) => t.name), ["qd-shapes", "mnist"]);
  assert.equal(s.tasks[0].splits.train.n, 30);
  await assert.rejects(loadSuite("vision8", { tasks: ["qd-shapes"], sizes: { train: 900 }, cacheDir }), InvalidArgumentError);
});
