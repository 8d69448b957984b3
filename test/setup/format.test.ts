/**
 * Formatting is checked, not hoped for: prettier (.prettierrc.json, print width 120) over src/, test/, bench/ and
 * widgets/ reports nothing to change. `npm run format` fixes what this finds.
 */
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { spawnSync } from "child_process";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..", "..");

test("prettier --check passes on src, test, bench and widgets (npm run format fixes it)", () => {
  const prettier = require.resolve("prettier/bin/prettier.cjs", { paths: [ROOT] });
  const r = spawnSync(process.execPath, [prettier, "--check", "src", "test", "bench", "widgets"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  assert.equal(r.error, undefined, `prettier did not start: ${r.error?.message}`);
  const unformatted = r.stdout
    .split("\n")
    .filter((l) => l.startsWith("[warn] ") && !l.includes("Code style issues"))
    .map((l) => l.slice(7));
  assert.deepEqual(unformatted, [], `not formatted (run npm run format): ${unformatted.join(", ")}`);
  assert.equal(r.status, 0, r.stderr);
});
