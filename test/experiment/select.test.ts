// selectMixture end to end on the synthetic suite: the recommendation, the final model and its export.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as tf from "@tensorflow/tfjs";
import "../../src/data/synthetic/suite";
import { registerSyntheticSuite } from "../../src/data/synthetic";
import { hashTask } from "../../src/data/manifest";
import { loadSuite } from "../../src/data/suites";
import { Evaluator } from "../../src/evaluate/evaluator";
import { formatSelection } from "../../src/results/text/selection-text";
import { selectMixture, type SelectOptions } from "../../src/experiment/select-mixture";
import { initBackend } from "../../src/model/backend";
import { netSpecFor } from "../../src/model/spec";
import { ParamLayout } from "../../src/params/layout";
import { ParamVector } from "../../src/params/param-vector";
import { loadParamsSync } from "../../src/params/safetensors";
import { InvalidArgumentError, TooLargeError, UnknownNameError } from "../../src/util/errors";
import type { SelectionResult } from "../../src/results/selection-result";

const OPTS: Omit<SelectOptions, "out"> = {
  suite: "synthetic",
  target: "target",
  hidden: [32],
  recipe: { optimizer: "adam", learningRate: 1e-2, batchSize: 32, epochs: 4 },
  backend: "cpu",
  workers: 1,
  modelDir: path.join(os.tmpdir(), "m2m-synthetic-models"),
  // the standard export (the network alone, as the paper's): the tangent export is test/experiment/tangent-run.test.ts's
  finetune: "standard",
};
const score = (m: { merged_val_loss: number }) => -m.merged_val_loss; // the default selection score is the loss

const hasNumpy = spawnSync("/usr/bin/python3", ["-c", "import numpy"]).status === 0;

describe("selectMixture on the synthetic suite (no ground truth)", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "m2m-select-"));
  const dir = path.join(root, "sel");
  let sel: SelectionResult,
    again: SelectionResult,
    tensorsBefore = 0,
    tensorsAfter = 0,
    finalBytes: Buffer;

  before(async () => {
    await initBackend("cpu");
    tensorsBefore = tf.memory().numTensors;
    sel = await selectMixture({ ...OPTS, out: dir });
    tensorsAfter = tf.memory().numTensors;
    finalBytes = fs.readFileSync(path.join(dir, "final.safetensors"));
    again = await selectMixture({ ...OPTS, out: dir });
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it("scores every mixture and recommends the best, with the top 10 best first", () => {
    assert.equal(tensorsAfter, tensorsBefore, "no tensors leak");
    assert.deepEqual(sel.candidates, ["helper", "conflict", "other-1", "other-2"]);
    assert.equal(sel.mixtures.length, 15);
    assert.deepEqual(sel.search, { strategy: "exhaustive", budget: null, evaluations: 15, extra: 0, mixtures: 15 });
    for (const m of sel.mixtures)
      assert.ok(score(m) <= score(sel.recommended), `${m.members} beats the recommendation`);
    assert.deepEqual(sel.top, sel.mixtures.slice(0, 10));
    for (let i = 1; i < sel.top.length; i++) assert.ok(score(sel.top[i]) <= score(sel.top[i - 1]));
    for (const m of sel.mixtures)
      assert.deepEqual(
        m.members,
        sel.candidates.filter((_, i) => (m.mask >> i) & 1),
      );
  });

  it("shows each baseline's pick with its merged score", () => {
    assert.deepEqual(
      sel.baselines.map((b) => b.method),
      ["cosine", "l2", "best-single", "all"],
    );
    const byMask = new Map(sel.mixtures.map((m) => [m.mask, m] as const));
    for (const b of sel.baselines) assert.equal(b.merged_val_loss, byMask.get(b.mask)!.merged_val_loss, b.method);
    const singles = sel.mixtures.filter((m) => m.size === 1);
    assert.equal(sel.baselines.find((b) => b.method === "best-single")!.mask, singles[0].mask);
    assert.equal(sel.baselines.find((b) => b.method === "all")!.mask, 15);
    for (const m of ["cosine", "l2"])
      assert.equal(sel.baselines.find((b) => b.method === m)!.size, 1, `${m} picks one dataset`);
    assert.equal(sel.cost.finetunes, 4);
    assert.equal(sel.cost.merge_evals, 15);
    assert.ok(sel.cost.finetune_seconds > 0 && sel.cost.merge_seconds > 0);
    assert.ok(sel.theta0.val_acc > 0 && sel.theta0.val_loss! > 0);
  });

  it("trains the final model on the recommendation and writes final.json with its numbers", async () => {
    const f = sel.final!;
    assert.deepEqual(f.mixture, sel.recommended.members);
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(dir, "final.json"), "utf8")), JSON.parse(JSON.stringify(f)));
    assert.deepEqual(
      JSON.parse(fs.readFileSync(path.join(dir, "selection.json"), "utf8")).final,
      JSON.parse(JSON.stringify(f)),
    );
    // A fresh evaluation of the exported network gives the recorded numbers.
    const { params, metadata } = loadParamsSync(path.join(dir, "final.safetensors"));
    const suite = await loadSuite("synthetic", { seed: 0 });
    const netSpec = netSpecFor(suite.tasks, [32], "refit");
    const net = ParamLayout.fromShapes(
      params.layout.entries.filter((e) => !e.name.startsWith("target_head/")).map((e) => [e.name, e.shape] as const),
    );
    const ev = new Evaluator(netSpec, "refit");
    try {
      ev.load(new ParamVector(net, params.data.slice(0, net.size)));
      const target = suite.tasks.find((t) => t.name === "target")!;
      assert.equal(ev.evaluate(target, "test").accuracy, f.test_acc);
      assert.equal(ev.evaluate(target, "val").loss, f.val_loss);
    } finally {
      ev.dispose();
    }
    // Provenance: suite, target, mixture, recipe, seed, data hashes.
    assert.equal(metadata.suite, "synthetic");
    assert.equal(metadata.target, "target");
    assert.deepEqual(JSON.parse(metadata.mixture), f.mixture);
    assert.deepEqual(JSON.parse(metadata.recipe), OPTS.recipe);
    assert.equal(metadata.seed, "0");
    assert.equal(metadata.head_rule, "refit");
    const hashes = JSON.parse(metadata.data_sha256) as Record<string, string>;
    assert.deepEqual(Object.keys(hashes).sort(), ["target", ...f.mixture].sort());
    for (const [task, sha] of Object.entries(hashes))
      assert.equal(sha, hashTask(suite.tasks.find((t) => t.name === task)!), task);
    assert.equal(JSON.parse(metadata.target_head).temperature, 0.03);
  });

  it(
    "final.safetensors is readable by Python (json + numpy, as safetensors reads it) and reproduces the test accuracy",
    { skip: hasNumpy ? false : "/usr/bin/python3 has no numpy" },
    async () => {
      const suite = await loadSuite("synthetic", { seed: 0 });
      const test = suite.tasks.find((t) => t.name === "target")!.splits.test;
      const x = path.join(root, "x.f32"),
        y = path.join(root, "y.i32");
      fs.writeFileSync(x, Buffer.from(test.x.buffer, test.x.byteOffset, test.x.byteLength));
      fs.writeFileSync(y, Buffer.from(test.y.buffer, test.y.byteOffset, test.y.byteLength));
      const r = spawnSync(
        "/usr/bin/python3",
        [path.join(__dirname, "..", "fixtures", "read_safetensors.py"), path.join(dir, "final.safetensors"), x, y],
        { encoding: "utf8" },
      );
      assert.equal(r.status, 0, r.stderr);
      const out = JSON.parse(r.stdout) as {
        tensors: Record<string, number[]>;
        metadata: Record<string, string>;
        accuracy: number;
      };
      assert.deepEqual(out.tensors["enc0/kernel"], [24, 32]);
      assert.deepEqual(out.tensors["target_head/means"], [4, 32]);
      assert.equal(out.metadata.target, "target");
      assert.ok(
        Math.abs(out.accuracy - sel.final!.test_acc) < 1e-9,
        `python ${out.accuracy} vs ${sel.final!.test_acc}`,
      );
    },
  );

  it("a second call resumes: the same numbers and model, nothing retrained", () => {
    const { started: _a, finished: _b, ...first } = sel;
    const { started: _c, finished: _d, ...second } = again;
    assert.deepEqual(second, first);
    assert.ok(fs.readFileSync(path.join(dir, "final.safetensors")).equals(finalBytes), "identical file");
    assert.deepEqual(
      fs.readdirSync(dir).filter((f) => f.endsWith(".tmp")),
      [],
    );
  });

  it("without training, keeps an earlier final model of the same mixture and removes one of another", async () => {
    const kept = await selectMixture({ ...OPTS, out: dir, train: false });
    assert.deepEqual(kept.final, JSON.parse(JSON.stringify(sel.final)));
    assert.ok(fs.readFileSync(path.join(dir, "final.safetensors")).equals(finalBytes));
    const copy = path.join(root, "stale");
    fs.cpSync(dir, copy, { recursive: true });
    const stale = JSON.parse(fs.readFileSync(path.join(copy, "final.json"), "utf8"));
    fs.writeFileSync(path.join(copy, "final.json"), JSON.stringify({ ...stale, mixture: ["other-1", "other-2"] }));
    const cleaned = await selectMixture({ ...OPTS, out: copy, train: false });
    assert.equal(cleaned.final, null);
    assert.ok(!fs.existsSync(path.join(copy, "final.json")) && !fs.existsSync(path.join(copy, "final.safetensors")));
  });

  it("prints the recommended mixture line, the tables and the cost, and nothing derived from a truth", () => {
    const text = formatSelection(sel, dir);
    const line = `recommended mixture: ${sel.recommended.members.join("+")} (merged val loss ${sel.recommended.merged_val_loss.toFixed(3)}, accuracy ${(100 * sel.recommended.merged_val_acc).toFixed(1)}%)`;
    assert.ok(text.split("\n").includes(line), text);
    assert.match(text, /^recommended mixture: [a-z0-9+-]+ \(merged val loss \d+\.\d{3}, accuracy \d+\.\d%\)$/m);
    assert.match(text, /Top 10 mixtures by merged-model score/);
    assert.match(text, /merged-model scores, not truths/);
    for (const label of ["cosine similarity", "L2 distance", "best single dataset", "all candidates"])
      assert.match(text, new RegExp(label));
    assert.match(text, /cost: 4 fine-tunes \(\d+\.\d s\) \+ 15 merge-evaluations/);
    assert.match(text, /final model: θ0 fine-tuned on/);
    assert.doesNotMatch(text, /oracle|regret|rank|correlat|pearson|incomplete/i);
  });

  it("a budgeted greedy search scores at most its budget, plus the baselines' mixtures, with the same merged numbers", async () => {
    const g = await selectMixture({
      ...OPTS,
      out: path.join(root, "greedy"),
      search: "greedy",
      budget: 5,
      train: false,
    });
    assert.equal(g.search.strategy, "greedy");
    assert.ok(g.search.evaluations <= 5 && g.search.evaluations >= 1);
    assert.equal(g.mixtures.length, g.search.evaluations + g.search.extra);
    assert.equal(g.final, null);
    assert.ok(!fs.existsSync(path.join(root, "greedy", "final.safetensors")));
    const byMask = new Map(sel.mixtures.map((m) => [m.mask, m] as const));
    for (const m of g.mixtures) {
      // merged one by one (not by the Gray-code sweep): equal up to float rounding
      assert.ok(Math.abs(m.merged_val_loss - byMask.get(m.mask)!.merged_val_loss) < 1e-4, `mask ${m.mask}`);
    }
    for (const m of g.mixtures) assert.ok(score(m) <= score(g.recommended));
  });
});

describe("selectMixture refuses bad input and writes nothing", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "m2m-select-bad-"));
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  async function refuses(opts: Partial<SelectOptions>, type: new (...a: never[]) => Error, re: RegExp): Promise<void> {
    const out = path.join(root, "never");
    await assert.rejects(selectMixture({ ...OPTS, out, ...opts } as SelectOptions), (err: Error) => {
      assert.ok(err instanceof type, `${err.name}: ${err.message}`);
      assert.match(err.message, re);
      return true;
    });
    assert.ok(!fs.existsSync(out), "nothing written");
  }

  it("a target not in the suite", () => refuses({ target: "nope" }, UnknownNameError, /nope.*helper/s));
  it("a candidate equal to the target", () =>
    refuses({ candidates: ["helper", "target"] }, InvalidArgumentError, /target/));
  it("fewer than 2 candidates", () =>
    refuses({ candidates: ["helper"] }, InvalidArgumentError, /at least 2 candidate/));
  it("an unknown candidate", () => refuses({ candidates: ["helper", "zzz"] }, UnknownNameError, /zzz/));
  it("a budget < 1", () => refuses({ search: "greedy", budget: 0 }, InvalidArgumentError, /budget = 0/));
  it("an unknown search strategy", () => refuses({ search: "annealing" }, UnknownNameError, /annealing.*surrogate/s));
  it("exhaustive search above 24 candidates names the search options", () => {
    const name = registerSyntheticSuite({ name: "synthetic-26", unrelated: 23 });
    return refuses(
      { suite: name, search: "exhaustive" },
      TooLargeError,
      /25 candidates.*--search greedy\|beam\|evolutionary\|surrogate/s,
    );
  });
});
