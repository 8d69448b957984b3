import assert from "node:assert/strict";
import { test } from "node:test";
import { cleanEmail, firstSenses, listUdhrCodes, packageDir, readAfinn, readBrown, readFortunes, readSotu, readSpamAssassin, readSynsets, readUdhr } from "../../../src/data/text/sources";
import { glossSentimentExamples } from "../../../src/data/text";
import { MissingDependencyError } from "../../../src/util/errors";

test("source counts match data.md", () => {
  const brown = readBrown();
  assert.equal(brown.length, 500);
  assert.equal(brown.reduce((a, f) => a + f.sentences.length, 0), 57340);
  assert.ok(!brown[0].sentences[0].includes("/at"), "POS tags stripped");
  const sotu = readSotu();
  assert.equal(sotu.length, 233);
  assert.equal(new Set(sotu.map((a) => a.doc)).size, 233, "address ids unique");
  assert.equal(readFortunes("computers").length, 1051);
  assert.equal(readFortunes("education").length, 203);
  assert.equal(readAfinn().size, 3382);
  assert.equal(readAfinn().get("naïve"), -2);
  assert.equal(readSynsets("verb").filter((s) => s.lexname === "verb.motion").length > 1000, true);
  assert.ok(firstSenses("adj").has("good"));
  assert.ok(listUdhrCodes().length >= 500);
  assert.ok(readUdhr("fra").length >= 55);
});

test("spam: headers dropped, Subject kept, duplicates removed", () => {
  const msgs = readSpamAssassin();
  assert.ok(msgs.length > 5800 && msgs.length <= 6046);
  assert.equal(new Set(msgs.map((m) => m.text)).size, msgs.length);
  assert.ok(msgs.filter((m) => m.spam).length > 1700);
  assert.ok(!msgs.some((m) => /^Received: /m.test(m.text)));
  assert.equal(cleanEmail("From: a@b\nSubject: Hi there\nX-Foo: 1\n\n<b>Buy</b> now&nbsp;!"), "Hi there\nBuy now !");
});

test("gloss sentiment reaches ~2,600 synsets, one per gloss", () => {
  const ex = glossSentimentExamples();
  assert.ok(ex.length > 2600, `${ex.length}`);
  assert.equal(new Set(ex.map((e) => e.doc)).size, ex.length);
  assert.ok(ex.filter((e) => e.label === 1).length > 900);
});

test("a missing package names the install command", () => {
  assert.throws(() => packageDir("corpus-brown-does-not-exist"), (e: unknown) => e instanceof MissingDependencyError && /npm install corpus-brown-does-not-exist/.test(e.message));
});
