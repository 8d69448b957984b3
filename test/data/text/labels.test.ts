import assert from "node:assert/strict";
import { test } from "node:test";
import { labelConcepts, TEXT8_LABELS, TEXT8_TASKS, text8Concepts } from "../../../src/data/text";

test("every text-8 task has label words, unique within the task, one per class", () => {
  assert.deepEqual(Object.keys(TEXT8_LABELS), [...TEXT8_TASKS]);
  for (const name of TEXT8_TASKS) {
    const { classes, words } = TEXT8_LABELS[name];
    assert.equal(words.length, classes.length, name);
    const concepts = labelConcepts(name);
    assert.equal(new Set(concepts).size, concepts.length, `${name} has a repeated label word`);
    for (const c of concepts) assert.match(c, /^word:[a-z-]+$/);
  }
});

test("the union is the shared output layer; only 'communication' is shared", () => {
  const union = text8Concepts();
  assert.equal(new Set(union).size, union.length);
  const total = TEXT8_TASKS.reduce((a, t) => a + labelConcepts(t).length, 0);
  assert.equal(union.length, total - 1);
  assert.ok(labelConcepts("noun-supersense").includes("word:communication"));
  assert.ok(labelConcepts("verb-supersense").includes("word:communication"));
  assert.deepEqual(labelConcepts("spam"), ["word:ham", "word:spam"]);
  assert.deepEqual(labelConcepts("nope"), []);
});
