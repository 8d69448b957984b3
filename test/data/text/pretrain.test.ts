import assert from "node:assert/strict";
import { test } from "node:test";
import { documentIds, loadText8Tasks, loadTextPretrainData, pretrainPool, TextTask, wordBucket } from "../../../src/data/text";
import { Task } from "../../../src/data/types";
import { InvalidArgumentError } from "../../../src/util/errors";

const DIM = 512;
let tasks: TextTask[] | undefined;
async function smallSuite(): Promise<TextTask[]> {
  return (tasks ??= await loadText8Tasks({ sizes: { train: 60, val: 30, test: 200, headfitPerClass: 1 }, seed: 3, dim: DIM, tasks: ["topic", "genre", "gloss-sentiment", "era", "language-id"] }));
}

test("the pretraining corpus never contains a document of any text-8 test split", async () => {
  const suite = await smallSuite();
  const held = documentIds(suite);
  assert.ok(held.has(suite[1].documents.test[0]) && held.size > 300);
  // A 20k sample of the ~110k-chunk pool: were exclusion broken, hundreds of held chunks would be drawn.
  const pre = await loadTextPretrainData({ dim: 64, maxChunks: 20000, seed: 1, excludeTest: suite });
  assert.equal(pre.n, 20000);
  const leaked = pre.documents.filter((d) => held.has(d));
  assert.deepEqual(leaked, []);
  // Held documents really are in the pool when not excluded.
  const pool = pretrainPool();
  const heldChunks = pool.filter((c) => held.has(c.doc)).length;
  assert.ok(heldChunks > 1000, `${heldChunks} pool chunks belong to test documents`);
  for (const t of suite) assert.ok(t.documents.test.some((d) => pool.some((c) => c.doc === d)), `${t.name} test documents are not in the pool at all`);
  // Whole Brown files and SOTU addresses leave: no chunk of a held file remains.
  const heldBrown = [...held].filter((d) => d.startsWith("brown:"));
  assert.ok(heldBrown.length > 0);
  assert.ok(!pre.documents.some((d) => heldBrown.includes(d)));
});

test("x is the bag without the dropped words; targets are their word buckets", async () => {
  const pre = await loadTextPretrainData({ dim: DIM, maxChunks: 300, seed: 5, excludeTest: ["brown:ca01"] });
  assert.equal(pre.n, 300);
  assert.equal(pre.x.length, 300 * DIM);
  assert.equal(pre.targets.length, 300 * DIM);
  assert.equal(new Set(pre.sources).size, 5, "all five corpora in a 300-chunk sample");
  for (let i = 0; i < pre.n; i++) {
    const row = pre.x.subarray(i * DIM, (i + 1) * DIM);
    const tgt = pre.targets.subarray(i * DIM, (i + 1) * DIM);
    let s = 0;
    for (const v of row) s += v * v;
    assert.ok(Math.abs(Math.sqrt(s) - 1) < 1e-4, `row ${i} norm`);
    const k = tgt.reduce((a, v) => a + v, 0);
    assert.ok(k >= 1, `row ${i} has no target`);
    for (const v of tgt) assert.ok(v === 0 || v === 1);
  }
  assert.ok(!pre.documents.includes("brown:ca01"));
  assert.ok(typeof wordBucket("x", DIM) === "number");
});

test("same seed → identical corpus; different seed → different", async () => {
  const a = await loadTextPretrainData({ dim: 128, maxChunks: 200, seed: 11, excludeTest: [] as string[] });
  const b = await loadTextPretrainData({ dim: 128, maxChunks: 200, seed: 11, excludeTest: [] as string[] });
  const c = await loadTextPretrainData({ dim: 128, maxChunks: 200, seed: 12, excludeTest: [] as string[] });
  assert.deepEqual(b.x, a.x);
  assert.deepEqual(b.targets, a.targets);
  assert.deepEqual(b.documents, a.documents);
  assert.notDeepEqual(c.documents, a.documents);
});

test("bad options give typed errors", async () => {
  const ok = { dim: 64, maxChunks: 10, seed: 1, excludeTest: [] as string[] };
  await assert.rejects(loadTextPretrainData({ ...ok, maskRate: 1 }), InvalidArgumentError);
  await assert.rejects(loadTextPretrainData({ ...ok, maxChunks: 0 }), InvalidArgumentError);
  await assert.rejects(loadTextPretrainData({ ...ok, dim: 1 }), InvalidArgumentError);
  const plain = { name: "mnist" } as unknown as Task;
  await assert.rejects(loadTextPretrainData({ ...ok, excludeTest: [plain] }), InvalidArgumentError);
});
