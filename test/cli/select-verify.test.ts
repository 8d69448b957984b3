// select --verify K through the command line (main(argv, io), in-process) on the synthetic suite: the
// verified block, the recommendation by real validation loss, the exported model — and bad input refused.
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../src/cli/main";
import type { SelectionResult } from "../../src/results/selection-result";
import { DEFAULT_SHORTLIST, shortlistOrder } from "../../src/select/verify/strategy";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "m2m-verify-"));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));
const BASE = ["select", "--suite", "synthetic", "--target", "target", "--backend", "cpu", "--workers", "1"];

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [],
    err: string[] = [];
  const code = await main(argv, {
    out: { write: (s: string) => out.push(s) },
    err: { write: (s: string) => err.push(s) },
  });
  return { code, out: out.join(""), err: err.join("") };
}

describe("select --verify", () => {
  it("--verify 3: the verified block, the recommendation by real validation loss, and the verified pick exported", async () => {
    const dir = path.join(tmp, "v3");
    const r = await cli([...BASE, "--verify", "3", "--out", dir]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^verified 3 of 15 mixtures \(2 extra fine-tunes, \d+\.\d s\):$/m);
    // the cost line counts the verify fine-tunes beside the single ones
    assert.match(
      r.out,
      /^cost: 4 fine-tunes \(\d+\.\d s\) \+ 15 merge-evaluations \(\d+\.\d s\) \+ 2 verify fine-tunes \(\d+\.\d s\) = /m,
    );
    assert.match(r.out, /^ {2}\S+ +merged val loss \d\.\d{3} {2}real val loss \d\.\d{3} {2}← recommended$/m);
    const line =
      /^recommended mixture: (\S+) \(real val loss (\d\.\d{3}), accuracy \d+\.\d%; merged rank (\d+) of 15\)$/m.exec(
        r.out,
      );
    assert.ok(line, r.out);
    const sel = JSON.parse(fs.readFileSync(path.join(dir, "selection.json"), "utf8")) as SelectionResult;
    const v = sel.verified!;
    assert.equal(v.mixtures.length, 3);
    assert.equal(v.extra_finetunes, 2);
    // the default shortlist's first three over the merged scores, in order
    const scores = new Array<number>(16).fill(NaN);
    for (const m of sel.mixtures) scores[m.mask] = -m.merged_val_loss;
    assert.equal(v.strategy, DEFAULT_SHORTLIST);
    assert.deepEqual(
      v.mixtures.map((m) => m.mask),
      shortlistOrder(DEFAULT_SHORTLIST, { scores }).slice(0, 3),
    );
    const best = v.mixtures.reduce((b, m) => (m.real_val_loss < b.real_val_loss ? m : b));
    assert.equal(v.recommended, best.mask);
    assert.equal(sel.recommended.mask, best.mask);
    assert.equal(line[1], best.members.join("+"));
    assert.equal(Number(line[3]), best.merged_rank);
    // the exported final model is the verified pick's fine-tune: the same validation loss
    assert.deepEqual(sel.final!.mixture, best.members);
    assert.ok(Math.abs(sel.final!.val_loss - best.real_val_loss) < 1e-9);
    assert.ok(fs.existsSync(path.join(dir, "final.safetensors")));
  });

  it("--verify 5 --verify-strategy adaptive: verifies at least two, at most five, down the merged ranking", async () => {
    const dir = path.join(tmp, "v3"); // the same folder: the single fine-tunes resume from its store
    const r = await cli([...BASE, "--verify", "5", "--verify-strategy", "adaptive", "--out", dir]);
    assert.equal(r.code, 0, r.err);
    const sel = JSON.parse(fs.readFileSync(path.join(dir, "selection.json"), "utf8")) as SelectionResult;
    const n = sel.verified!.mixtures.length;
    assert.ok(n >= 2 && n <= 5, String(n));
    assert.deepEqual(
      sel.verified!.mixtures.map((m) => m.mask),
      sel.mixtures.slice(0, n).map((m) => m.mask),
    );
    assert.match(r.out, new RegExp(`^verified ${n} of 15 mixtures`, "m"));
  });

  for (const [argv, named] of [
    [["--verify", "0"], /--verify = "0"/],
    [["--verify", "2.5"], /--verify = "2\.5"/],
    [["--verify", "16"], /verify = 16, expected .*1 … 15/],
    [["--verify", "3", "--verify-strategy", "best"], /shortlist strategy "best"/],
    [["--verify", "3", "--no-train"], /--verify = "3".*--no-train/],
    [["--verify-strategy", "top"], /--verify-strategy = "top"/],
  ] as Array<[string[], RegExp]>) {
    it(`refuses ${argv.join(" ")}: a typed error naming the value, nothing written`, async () => {
      const out = path.join(tmp, `bad-${argv.join("_").replace(/[^a-z0-9_.]/gi, "")}`);
      const r = await cli([...BASE, ...argv, "--out", out]);
      assert.equal(r.code, 1, r.out);
      assert.match(r.err, named);
      assert.ok(!fs.existsSync(out), `${out} was created`);
    });
  }

  it("run --verify K beyond the mixtures per target is refused before anything is written", async () => {
    const out = path.join(tmp, "run-verify-99");
    const r = await cli(["run", "--suite", "synthetic", "--backend", "cpu", "--verify", "99", "--out", out]);
    assert.equal(r.code, 1, r.out);
    assert.match(r.err, /verify = 99, expected .*1 … 15/);
    assert.ok(!fs.existsSync(out));
  });
});
