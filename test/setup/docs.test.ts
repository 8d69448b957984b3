/**
 * The front door stays short and its links lead somewhere: README.md is at most 200 lines, and every relative
 * link in README.md and docs/*.md names a file that exists.
 */
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..", "..");
const DOCS = [
  path.join(ROOT, "README.md"),
  ...fs
    .readdirSync(path.join(ROOT, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => path.join(ROOT, "docs", f)),
];

/** Relative link targets of a markdown text: `[text](target)` without a scheme, anchor dropped. */
function relativeLinks(markdown: string): string[] {
  return [...markdown.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1])
    .filter((t) => !/^[a-z]+:/i.test(t) && !t.startsWith("#"))
    .map((t) => t.replace(/#.*$/, ""));
}

test("README.md is a front door: at most 200 lines, linking docs/", () => {
  const text = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  const lines = text.split("\n").length;
  assert.ok(lines <= 200, `README.md has ${lines} lines; move detail to docs/`);
  assert.ok(
    relativeLinks(text).some((l) => l.startsWith("docs/")),
    "README.md should link docs/",
  );
});

test("every relative link in README.md and docs/ names a file that exists", () => {
  const broken: string[] = [];
  for (const file of DOCS) {
    for (const link of relativeLinks(fs.readFileSync(file, "utf8"))) {
      if (!fs.existsSync(path.resolve(path.dirname(file), link))) broken.push(`${path.relative(ROOT, file)} → ${link}`);
    }
  }
  assert.deepEqual(broken, []);
});
