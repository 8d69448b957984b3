/** JSON snapshots under test/report/__snapshots__/: compared deeply; UPDATE_SNAPSHOTS=1 rewrites them. */
import * as fs from "fs";
import * as path from "path";
import * as assert from "node:assert/strict";

export function matchSnapshot(name: string, value: unknown): void {
  const file = path.join(__dirname, "__snapshots__", `${name}.json`);
  const actual = JSON.parse(JSON.stringify(value));
  if (process.env.UPDATE_SNAPSHOTS === "1") {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(actual, null, 1) + "\n");
    return;
  }
  assert.ok(fs.existsSync(file), `snapshot ${file} is missing: run the test once with UPDATE_SNAPSHOTS=1 and review it`);
  assert.deepEqual(actual, JSON.parse(fs.readFileSync(file, "utf8")), `figure spec differs from snapshot ${name}`);
}
