// The command line, called in-process through main(argv, io) with its output captured by the io streams.
import { after, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runCli } from "../fixtures/cli";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "m2m-cli-"));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

const cli = runCli;

it("help exits 0 and lists the commands", async () => {
  const r = await cli(["help"]);
  assert.equal(r.code, 0);
  for (const cmd of ["run", "select", "data", "suites", "report"])
    assert.match(r.out, new RegExp(`merge-to-mix ${cmd}`));
});

it("an unknown command exits non-zero naming it", async () => {
  const r = await cli(["frobnicate"]);
  assert.notEqual(r.code, 0);
  assert.match(r.err, /frobnicate/);
});

it("suites --json lists vision8 and text8 tasks with classes and split sizes", async () => {
  const r = await cli(["suites", "--json"]);
  assert.equal(r.code, 0, r.err);
  const d = JSON.parse(r.out) as {
    presets: string[];
    suites: Array<{
      name: string;
      inputShape: number[];
      tasks: Array<{
        name: string;
        classes: string[];
        concepts: string[];
        sizes: Record<string, { train: number; val: number; test: number; headfitPerClass: number }>;
      }>;
    }>;
  };
  assert.deepEqual(d.presets, ["quick", "full"]);
  const byName = new Map(d.suites.map((s) => [s.name, s] as const));
  for (const name of ["vision8", "text8"]) {
    const s = byName.get(name);
    assert.ok(s, `${name} missing from ${[...byName.keys()].join(", ")}`);
    assert.equal(s.tasks.length, 8, name);
    for (const t of s.tasks) {
      assert.ok(t.classes.length >= 2 && t.concepts.length === t.classes.length, `${name}/${t.name}`);
      for (const p of ["quick", "full"]) {
        const z = t.sizes[p];
        assert.ok(
          z && z.train > 0 && z.val > 0 && z.test > 0 && z.headfitPerClass > 0,
          `${name}/${t.name} ${p}: ${JSON.stringify(z)}`,
        );
      }
    }
  }
  assert.ok(byName.get("vision8")!.tasks.some((t) => t.name === "mnist" && t.classes.length === 10));
  assert.deepEqual(byName.get("vision8")!.inputShape, [28, 28, 1]);
});

it("run --bogus exits 1 naming --bogus, before any work", async () => {
  const r = await cli(["run", "--bogus", "--out", "/nonexistent/never-created"]);
  assert.equal(r.code, 1);
  assert.match(r.err, /--bogus/);
});

it("run with a bad --seeds value exits 1 naming it", async () => {
  const r = await cli(["run", "--seeds", "zero", "--out", "/nonexistent/never-created"]);
  assert.equal(r.code, 1);
  assert.match(r.err, /--seeds.*zero/);
});

it("data --verify on vision8 quick passes", async () => {
  const r = await cli(["data", "--verify", "--suite", "vision8", "--preset", "quick"]);
  assert.equal(r.code, 0, r.out + r.err);
  assert.match(r.out, /data --verify: (\d+)\/\1 tasks match/);
  assert.doesNotMatch(r.out, /MISMATCH|MISSING/);
});

it("every subcommand's --help prints its usage and exits 0, without doing any work", async () => {
  const { COMMANDS } = await import("../../src/cli/main");
  for (const c of COMMANDS) {
    const r = await cli([c.name, "--help"]);
    assert.equal(r.code, 0, `${c.name} --help: ${r.err}`);
    assert.match(r.out, new RegExp(`merge-to-mix ${c.name}`), c.name);
  }
});

it("--version prints package.json's version", async () => {
  const r = await cli(["--version"]);
  assert.equal(r.code, 0);
  assert.match(r.out, /^\d+\.\d+\.\d+/);
});

it("select --suite synthetic --target target --out DIR: the recommendation, the final model, nothing from a truth", async () => {
  const dir = path.join(tmp, "select");
  const r = await cli(["select", "--suite", "synthetic", "--target", "target", "--out", dir]);
  assert.equal(r.code, 0, r.err.slice(-2000));
  assert.match(r.out, /^recommended mixture: [a-z0-9+-]+ \(merged val loss \d+\.\d{3}, accuracy \d+\.\d%\)$/m);
  assert.match(r.out, /Top 10 mixtures by merged-model score/);
  assert.match(r.out, /cost: 4 fine-tunes/);
  assert.doesNotMatch(r.out, /oracle|regret|rank|correlat|incomplete/i);
  for (const f of ["final.safetensors", "final.json", "selection.json", "mixtures.csv"])
    assert.ok(fs.existsSync(path.join(dir, f)), f);
  const final = JSON.parse(fs.readFileSync(path.join(dir, "final.json"), "utf8")) as {
    mixture: string[];
    test_acc: number;
  };
  assert.match(r.out, new RegExp(`^recommended mixture: ${final.mixture.join("\\+")} `, "m"));
  assert.ok(final.test_acc > 0 && final.test_acc <= 1);
});

it("select refuses bad input with a typed error naming the value, writing nothing", async () => {
  const out = path.join(tmp, "never");
  const cases: Array<[string[], RegExp]> = [
    [["--suite", "synthetic", "--target", "nope"], /UnknownNameError.*nope/],
    [["--suite", "synthetic", "--target", "target", "--candidates", "helper,target"], /InvalidArgumentError.*target/],
    [["--suite", "synthetic", "--target", "target", "--candidates", "helper"], /at least 2 candidate/],
    [["--suite", "synthetic", "--target", "target", "--search", "greedy", "--budget", "0"], /--budget.*"0"/],
    [["--suite", "synthetic", "--target", "target", "--search", "annealing"], /UnknownNameError.*annealing/],
    [["--suite", "synthetic"], /--target/],
    [["--suite", path.join(tmp, "absent.yaml"), "--target", "x"], /absent\.yaml/],
    [["--suite", "synthetic", "--target", "target", "--frobnicate"], /--frobnicate/],
  ];
  for (const [argv, re] of cases) {
    const r = await cli(["select", ...argv, "--out", out]);
    assert.equal(r.code, 1, argv.join(" "));
    assert.match(r.err, re, argv.join(" "));
    assert.ok(!fs.existsSync(out), `${argv.join(" ")} wrote ${out}`);
  }
});

it("select --suite synthetic --data mine=FILE.csv: your CSV as the target, the suite's tasks as candidates", async () => {
  const rows = ["label," + Array.from({ length: 24 }, (_, i) => `f${i}`).join(",")];
  for (let i = 0; i < 120; i++)
    rows.push(
      `${["a", "b", "c"][i % 3]},` +
        Array.from({ length: 24 }, (_, j) => (Math.sin(i * 7 + j) + (j === i % 3 ? 2 : 0)).toFixed(3)).join(","),
    );
  const file = path.join(tmp, "mine.csv");
  fs.writeFileSync(file, rows.join("\n") + "\n");
  const dir = path.join(tmp, "mine");
  const r = await cli([
    "select",
    "--suite",
    "synthetic",
    "--data",
    `mine=${file}`,
    "--target",
    "mine",
    "--candidates",
    "helper,other-1,other-2",
    "--no-train",
    "--out",
    dir,
  ]);
  assert.equal(r.code, 0, r.err.slice(-2000));
  assert.match(r.out, /target mine: 3 candidates \(helper, other-1, other-2\)/);
  assert.match(r.out, /^recommended mixture: /m);
  assert.match(r.out, /final model: not trained/);
  const sel = JSON.parse(fs.readFileSync(path.join(dir, "selection.json"), "utf8")) as {
    suite: string;
    data_sha256: Record<string, string>;
  };
  assert.equal(sel.suite, "synthetic-user");
  assert.deepEqual(Object.keys(sel.data_sha256).sort(), ["helper", "mine", "other-1", "other-2"]);
  assert.ok(!fs.existsSync(path.join(dir, "final.safetensors")));
});
