// The fine-tuning regime options (issue 17, item 3): --finetune, --anchor-share and calibrate's --finetunes and
// --anchor-shares. Bad values are typed errors naming the value, with nothing written; --help lists them.
import { it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runCli } from "../fixtures/cli";

it("run and select: --finetune other, --anchor-share 1 / -0.1 / abc / given twice / without a value: refused by name, no folder made", async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "m2m-regime-bad-"));
  try {
    const cases: Array<[string[], RegExp]> = [
      [
        ["--finetune", "other"],
        /InvalidArgumentError: --finetune = "other", expected a fine-tuning mode: standard or tangent/,
      ],
      [["--anchor-share", "1"], /InvalidArgumentError: --anchor-share = "1", expected a fraction in \[0, 0\.9\]/],
      [
        ["--anchor-share", "-0.1"],
        /InvalidArgumentError: --anchor-share = "-0\.1", expected a fraction in \[0, 0\.9\]/,
      ],
      [["--anchor-share", "abc"], /InvalidArgumentError: --anchor-share = "abc", expected a fraction/],
      [
        ["--anchor-share", "0.5", "--anchor-share", "0.2"],
        /InvalidArgumentError: --anchor-share = "0\.2", expected one value/,
      ],
      [["--anchor-share"], /InvalidArgumentError: --anchor-share = "\(no value\)"/],
      [["--finetune=tangent", "--finetune=standard"], /--finetune = "standard", expected one value/],
    ];
    for (const command of [
      ["run", "--suite", "synthetic"],
      ["select", "--suite", "synthetic", "--target", "target"],
    ])
      for (const [extra, re] of cases) {
        const out = path.join(root, "out");
        const r = await runCli([...command, "--out", out, ...extra]);
        const what = `${command[0]} ${extra.join(" ")}`;
        assert.equal(r.code, 1, what);
        assert.match(r.err, re, `${what}: ${r.err}`);
        assert.ok(!fs.existsSync(out), `${what} wrote ${out}`);
      }
    // a share the suite cannot have: the synthetic θ0 is a random encoder without pretraining data
    const out = path.join(root, "none");
    const r = await runCli(["run", "--suite", "synthetic", "--out", out, "--anchor-share", "0.5", "--backend", "cpu"]);
    assert.equal(r.code, 1);
    assert.match(r.err, /InvalidArgumentError: anchorShare \(--anchor-share\) = 0\.5, expected 0 for suite synthetic/);
    assert.ok(!fs.existsSync(out), `wrote ${out}`);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

it("calibrate: --finetunes with another mode, --anchor-shares outside [0, 0.9] or not a number: refused by name, no folder made", async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "m2m-regime-grid-bad-"));
  try {
    const cases: Array<[string[], RegExp]> = [
      [["--finetunes", "standard,other"], /--finetunes = "other", expected a fine-tuning mode: standard or tangent/],
      [["--anchor-shares", "0,1"], /--anchor-shares = "1", expected a fraction in \[0, 0\.9\]/],
      [["--anchor-shares", "-0.1"], /--anchor-shares = "-0\.1"/],
      [["--anchor-shares", "0,abc"], /--anchor-shares = "abc"/],
      [["--anchor-shares", "0.5", "--anchor-shares", "0"], /--anchor-shares = "0", expected one value/],
    ];
    for (const [extra, re] of cases) {
      const out = path.join(root, "grid");
      const r = await runCli(["calibrate", "--suite", "synthetic", "--out", out, ...extra]);
      assert.equal(r.code, 1, extra.join(" "));
      assert.match(r.err, re, `${extra.join(" ")}: ${r.err}`);
      assert.ok(!fs.existsSync(out), `${extra.join(" ")} wrote ${out}`);
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

it("--help: calibrate lists the strength axes, --finetunes and --anchor-shares; run and select list --finetune and --anchor-share", async () => {
  const cal = await runCli(["calibrate", "--help"]);
  assert.equal(cal.code, 0);
  for (const re of [/--lrs X,Y,…/, /--epochs n,m,…/, /--finetunes standard,tangent/, /--anchor-shares 0,0\.5/])
    assert.match(cal.out, re);
  assert.match(cal.out, /OUT\/RULE-BUDGET\[-lrX\]\[-eN\]\[-tangent\]\[-anchorS\]/);
  for (const c of ["run", "select"]) {
    const r = await runCli([c, "--help"]);
    assert.equal(r.code, 0, c);
    assert.match(r.out, /\[--finetune standard\|tangent\] \[--anchor-share s\]/, c);
  }
});
