// Bad values for issue 17's options: typed errors naming the value, and nothing written.
import { it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../src/cli/main";

async function cli(argv: string[]): Promise<{ code: number; err: string }> {
  const err: string[] = [];
  const code = await main(argv, { out: { write: () => {} }, err: { write: (s: string) => err.push(s) } });
  return { code, err: err.join("") };
}

it("--surrogate matched:x outside (0, 2], and --lr ≤ 0 or non-finite: refused by name, no folder made", async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "m2m-matched-bad-"));
  try {
    const cases: Array<[string[], string]> = [
      [["--surrogate", "matched:3"], '"3"'],
      [["--surrogate", "matched:0"], '"0"'],
      [["--surrogate", "matched:abc"], '"abc"'],
      [["--surrogates", "mean,matched:-1"], '"-1"'],
      [["--lr", "0"], '"0"'],
      [["--lr", "-1e-3"], '"-1e-3"'],
      [["--lr", "Infinity"], '"Infinity"'],
      [["--lr", "NaN"], '"NaN"'],
    ];
    for (const [extra, shown] of cases) {
      const out = path.join(root, "run");
      const { code, err } = await cli(["run", "--suite", "synthetic", "--out", out, ...extra]);
      assert.notEqual(code, 0, extra.join(" "));
      assert.ok(err.includes("InvalidArgumentError") && err.includes(shown), `${extra.join(" ")}: ${err}`);
      assert.ok(!fs.existsSync(out), `${extra.join(" ")} wrote ${out}`);
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

it("calibrate: --lrs ≤ 0 or non-finite, --epochs not a whole number ≥ 1: refused by name, no folder made", async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "m2m-calibrate-bad-"));
  try {
    for (const [extra, shown] of [
      [["--lrs", "0"], '"0"'],
      [["--lrs", "1e-3,-1"], '"-1"'],
      [["--lrs", "Infinity"], '"Infinity"'],
      [["--epochs", "0"], '"0"'],
      [["--epochs", "2.5"], '"2.5"'],
    ] as Array<[string[], string]>) {
      const out = path.join(root, "grid");
      const { code, err } = await cli(["calibrate", "--suite", "synthetic", "--out", out, ...extra]);
      assert.notEqual(code, 0, extra.join(" "));
      assert.ok(err.includes("InvalidArgumentError") && err.includes(shown), `${extra.join(" ")}: ${err}`);
      assert.ok(!fs.existsSync(out), `${extra.join(" ")} wrote ${out}`);
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
