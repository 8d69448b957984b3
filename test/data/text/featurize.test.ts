import assert from "node:assert/strict";
import { test } from "node:test";
import { featurizeText, featurizeTexts, featurizeWords, fnv1a, tokenizeWords, wordBucket } from "../../../src/data/text";
import { InvalidArgumentError } from "../../../src/util/errors";

const norm = (v: Float32Array, from = 0, to = v.length) => {
  let s = 0;
  for (let i = from; i < to; i++) s += v[i] * v[i];
  return Math.sqrt(s);
};

test("fnv1a matches the published 32-bit FNV-1a test vectors over UTF-8", () => {
  assert.equal(fnv1a(""), 0x811c9dc5);
  assert.equal(fnv1a("a"), 0xe40c292c);
  assert.equal(fnv1a("foobar"), 0xbf9cf968);
  // "é" is two UTF-8 bytes (c3 a9), hashed byte by byte.
  let h = 0x811c9dc5;
  for (const b of [0xc3, 0xa9]) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  assert.equal(fnv1a("é"), h);
});

test("tokenizeWords is Unicode-aware and lower-cases", () => {
  assert.deepEqual(tokenizeWords("Déclaration UNIVERSELLE, l’homme! Straße 1948"), ["déclaration", "universelle", "l'homme", "straße", "1948"]);
  assert.deepEqual(tokenizeWords("Всеобщая декларация"), ["всеобщая", "декларация"]);
  assert.deepEqual(tokenizeWords("  ...  "), []);
});

test("featurized rows have L2 norm 1, respect dim and are deterministic", () => {
  const texts = ["Free money!!! Click here now", "The jury said Friday an investigation", "Tous les êtres humains naissent libres", "a"];
  for (const dim of [64, 1024, 1000]) {
    const x = featurizeTexts(texts, dim);
    assert.equal(x.length, texts.length * dim);
    for (let i = 0; i < texts.length; i++) assert.ok(Math.abs(norm(x, i * dim, (i + 1) * dim) - 1) < 1e-5, `row ${i} at dim ${dim}`);
    assert.deepEqual(featurizeTexts(texts, dim), x);
    assert.deepEqual(featurizeText(texts[2], dim), x.subarray(2 * dim, 3 * dim));
  }
});

test("different texts give different vectors; case and spacing do not matter", () => {
  const a = featurizeText("spam and eggs", 1024);
  const b = featurizeText("ham and eggs", 1024);
  assert.notDeepEqual(a, b);
  assert.deepEqual(featurizeText("SPAM   and Eggs", 1024), a);
  // Language signal lives in the trigrams: French and Spanish share no bucket pattern exactly.
  assert.notDeepEqual(featurizeText("la liberté", 1024), featurizeText("la libertad", 1024));
});

test("featurizeText equals featurizeWords of its tokens; a word adds its own bucket", () => {
  const text = "Considérant que la reconnaissance de la dignité";
  assert.deepEqual(featurizeWords(tokenizeWords(text), 512), featurizeText(text, 512));
  const v = featurizeText("zebra", 4096);
  assert.ok(v[wordBucket("zebra", 4096)] > 0);
  // ' ze', 'zeb', 'ebr', 'bra', 'ra ' + the word itself: at most 6 non-zero buckets.
  const nz = v.filter((e) => e !== 0).length;
  assert.ok(nz >= 1 && nz <= 6, `non-zero buckets ${nz}`);
});

test("a text without words maps to the zero vector", () => {
  const v = featurizeText("?!", 32);
  assert.equal(norm(v), 0);
});

test("bad dim or texts are rejected with a typed error", () => {
  assert.throws(() => featurizeTexts(["a"], 0), InvalidArgumentError);
  assert.throws(() => featurizeTexts(["a"], 1.5), InvalidArgumentError);
  assert.throws(() => featurizeTexts([3 as unknown as string], 16), InvalidArgumentError);
});
