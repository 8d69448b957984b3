// The slowest-tests reporter npm test uses, run beside the tap reporter on tests of known durations.
import { it } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as path from "node:path";

const ROOT = path.join(__dirname, "..", "..");

it("lists leaf tests slowest first after tap's closing summary, leaving out suites and parents", () => {
  const r = spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "--test",
      "--test-reporter=tap",
      "--test-reporter-destination=stdout",
      "--test-reporter=./test/reporter/slowest.mjs",
      "--test-reporter-destination=stdout",
      "test/fixtures/timed-tests.ts",
    ],
    // without NODE_TEST_CONTEXT, which would make the child report to this runner instead of through its reporters
    { cwd: ROOT, encoding: "utf8", env: { ...process.env, NODE_TEST_CONTEXT: undefined, SLOWEST_TESTS: "3" } },
  );
  assert.equal(r.status, 0, r.stderr + r.stdout);
  for (const line of ["# tests 6", "# pass 6", "# fail 0"])
    assert.ok(r.stdout.includes(`\n${line}\n`), `${line} missing:\n${r.stdout}`);
  const list = r.stdout.slice(r.stdout.indexOf("# slowest"));
  assert.ok(r.stdout.indexOf("# slowest") > r.stdout.indexOf("# fail 0"), "the list follows the summary");
  const names = [...list.matchAll(/^#\s+(\d+\.\d) s {2}test\/fixtures\/timed-tests\.ts › (.+)$/gm)].map((m) => m[2]);
  assert.match(list, /^# slowest 3 of 5 tests$/m);
  assert.deepEqual(names, ["slow 400", "inner 200", "child 100"]);
});
