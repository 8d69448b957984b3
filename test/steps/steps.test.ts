// The cell-by-cell steps on the synthetic suite (a target, a helpful, a conflicting and unrelated tasks):
// each step's numbers agree with the engine's own functions, results render as HTML, and bad input gets
// typed errors naming the value.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { inspect } from "node:util";
import { after, before, describe, it } from "node:test";
import { setDisplaySink } from "../../src/notebook/display";
import { uniformMean } from "../../src/merge/uniform-mean";
import { CacheFolderError, setCacheDir } from "../../src/util/cache-dir";
import { InvalidArgumentError, UnknownNameError } from "../../src/util/errors";
import {
  baseModel,
  compare,
  evaluate,
  fineTuneEach,
  fineTuneMixture,
  ForeignModelError,
  loadSuite,
  merge,
  pretrainedBase,
  projectModels,
  scoreMixtures,
  show,
  similarityBaselines,
  taskVectors,
  lambdaSweep,
  type Base,
  type Experts,
} from "../../src/steps/index";

const OPTS = {
  hidden: [16],
  recipe: { epochs: 3, batchSize: 32, learningRate: 1e-2 },
  backend: "cpu" as const,
  progress: false,
};
const NAMES = ["helper", "conflict", "other-1"];

describe("cell-by-cell steps (synthetic suite)", () => {
  let cache = "",
    base: Base,
    experts: Experts;
  before(async () => {
    cache = fs.mkdtempSync(path.join(os.tmpdir(), "m2m-steps-"));
    setCacheDir(cache);
    base = await pretrainedBase(await loadSuite("synthetic"), OPTS);
    experts = await fineTuneEach(base, NAMES, { workers: 1, progress: false });
  });
  after(() => {
    base?.close();
    setCacheDir(undefined);
    fs.rmSync(cache, { recursive: true, force: true });
  });

  it("caches θ0 and the experts under the chosen cache folder; a second fineTuneEach reuses them", async () => {
    assert.ok(fs.readdirSync(path.join(cache, "models")).some((f) => f.endsWith(".safetensors")));
    assert.ok(base.store.dir.startsWith(path.join(cache, "steps")));
    const again = await fineTuneEach(base, NAMES, { workers: 1, progress: false });
    assert.equal(again.cached, 3);
    assert.deepEqual(
      again.models.map((m) => Array.from(m.params.data.slice(0, 5))),
      experts.models.map((m) => Array.from(m.params.data.slice(0, 5))),
    );
  });

  it("merge(mean) is the uniform mean; sum and task arithmetic are θ0 + λ Σ τ", () => {
    const mean = merge(experts, ["helper", "conflict"]);
    assert.deepEqual(
      Array.from(mean.params.data),
      Array.from(uniformMean([experts.get("helper").params, experts.get("conflict").params]).data),
    );
    const sum = merge(experts, ["helper", "conflict"], { operator: "sum" });
    const half = merge(experts, ["helper", "conflict"], { operator: "task-arithmetic", lambda: 0.5 });
    const i = 7,
      t0 = base.theta0.data[i],
      a = experts.get("helper").params.data[i],
      b = experts.get("conflict").params.data[i];
    assert.ok(Math.abs(sum.params.data[i] - (t0 + (a - t0) + (b - t0))) < 1e-5);
    assert.ok(Math.abs(half.params.data[i] - mean.params.data[i]) < 1e-5, "λ = 1/k is the mean");
  });

  it("scoreMixtures scores all 2^N − 1 mixtures, best first, matching evaluate on the merged model", () => {
    const scored = scoreMixtures(experts, "target", { progress: false });
    assert.equal(scored.rows.length, 7);
    for (let k = 1; k < scored.rows.length; k++) assert.ok(scored.rows[k - 1].val_loss <= scored.rows[k].val_loss);
    const best = scored.best.mixture.split(" + ");
    const direct = evaluate(merge(experts, best), "target", "val");
    assert.ok(Math.abs(direct.loss - scored.best.val_loss) < 1e-4, `${direct.loss} vs ${scored.best.val_loss}`);
    assert.ok(evaluate(base, "target").loss > 0);
  });

  it("similarity baselines, a real mixture fine-tune and compare", async () => {
    const scored = scoreMixtures(experts, "target", { progress: false });
    const sims = similarityBaselines(experts, "target");
    assert.equal(sims.rows.length, 7);
    assert.ok(sims.rows.every((r) => Number.isFinite(r.cosine) && Number.isFinite(r.l2)));
    const real = await fineTuneMixture(base, ["helper", "conflict"], { progress: false });
    assert.deepEqual(real.members, ["helper", "conflict"]);
    const c = compare(scored, [real], sims);
    assert.equal(c.rows.length, 1);
    assert.equal(c.rows[0].real_val_loss, evaluate(real, "target", "val").loss);
    assert.equal(c.rows[0].merged_val_loss, scored.row(["conflict", "helper"]).val_loss);
  });

  it("lambdaSweep: from the mean (t = 0) to the sum (t = 1), as the λ widget", async () => {
    const real = await fineTuneMixture(base, ["helper", "conflict"], { progress: false });
    const sweep = lambdaSweep(experts, "target", [real], { steps: 5 });
    const m = sweep.curves.mixtures[0];
    assert.deepEqual(sweep.curves.t, [0, 0.25, 0.5, 0.75, 1]);
    assert.ok(
      Math.abs(m.merged[0] - evaluate(merge(experts, ["helper", "conflict"]), "target").loss) < 1e-4,
      "t = 0 is the mean",
    );
    assert.ok(
      Math.abs(m.merged[4] - evaluate(merge(experts, ["helper", "conflict"], { operator: "sum" }), "target").loss) <
        1e-4,
      "t = 1 is the sum",
    );
    assert.equal(m.real, evaluate(real, "target").loss);
    assert.match(sweep.html(), /m2m-lambda-explorer/);
    assert.throws(() => lambdaSweep(experts, "target", [experts.models[0]]), /fineTuneMixture/);
  });

  it("task vectors and the 2-D projection", () => {
    const tv = taskVectors(experts);
    assert.equal(tv.cosine.length, 3);
    tv.cosine.forEach((r, i) => assert.ok(Math.abs(r[i] - 1) < 1e-9));
    assert.ok(tv.norms.every((n) => n > 0));
    const pr = projectModels([
      baseModel(base),
      ...experts.models,
      merge(experts, NAMES),
      merge(experts, NAMES, { operator: "sum" }),
    ]);
    assert.equal(pr.xy.length, 6);
    assert.ok(pr.explained[0] >= pr.explained[1] && pr.explained[0] + pr.explained[1] <= 1 + 1e-9);
  });

  it("results render as HTML in a notebook (cell value and show), as one line in a terminal", () => {
    const out: string[] = [];
    const sink = {
      html: (s: string) => {
        out.push(s);
      },
    };
    setDisplaySink({ display: () => sink, newDisplay: () => sink });
    try {
      const scored = scoreMixtures(experts, "target", { progress: false });
      const line = inspect(scored); // what tslab does with a cell's last value
      assert.match(line, /7 mixtures on target/);
      assert.match(out.join(""), /<table/);
      show(experts);
      assert.match(out[out.length - 1], /3 experts/);
    } finally {
      setDisplaySink(undefined);
    }
    assert.match(inspect(evaluate(base, "target")), /θ0 on target \(val\): accuracy/);
  });

  it("bad input: typed errors naming the value", async () => {
    await assert.rejects(
      fineTuneEach(base, []),
      (e: unknown) => e instanceof InvalidArgumentError && /datasets = \[\]/.test((e as Error).message),
    );
    await assert.rejects(
      fineTuneEach(base, ["nope"]),
      (e: unknown) => e instanceof UnknownNameError && /"nope"/.test((e as Error).message),
    );
    assert.throws(
      () => merge(experts, ["helper"], { operator: "average" as never }),
      (e: unknown) => e instanceof UnknownNameError && /merge operator "average"/.test((e as Error).message),
    );
    assert.throws(() => merge(experts, []), InvalidArgumentError);
    assert.throws(() => merge(experts, ["target"]), /expert "target"/);
    assert.throws(() => scoreMixtures(experts, "helper"), /target = "helper"/);
    // another architecture: the same suite with other hidden widths is another base
    const other = await pretrainedBase(base.suite, { ...OPTS, hidden: [8] });
    try {
      const foreign = baseModel(other);
      assert.throws(
        () => compare(scoreMixtures(experts, "target", { progress: false }), [foreign]),
        InvalidArgumentError,
      );
      assert.throws(
        () => projectModels([baseModel(base), experts.models[0], foreign]),
        (e: unknown) => e instanceof ForeignModelError && /θ0/.test((e as Error).message),
      );
      const otherSuite = await loadSuite("synthetic", { tasks: ["target", "helper"] });
      const small = await pretrainedBase(otherSuite, OPTS);
      try {
        assert.throws(() => evaluate(base, { ...small.suite.task("target"), suite: "elsewhere" }), ForeignModelError);
      } finally {
        small.close();
      }
    } finally {
      other.close();
    }
  });

  it("a cache folder that is not writable: CacheFolderError naming it, nothing written", async () => {
    const ro = path.join(cache, "read-only");
    fs.mkdirSync(ro);
    fs.chmodSync(ro, 0o500);
    try {
      if (process.getuid?.() === 0) {
        // root writes anywhere: use a path under a file instead
        const file = path.join(cache, "a-file");
        fs.writeFileSync(file, "");
        await assert.rejects(
          pretrainedBase(base.suite, { ...OPTS, dir: path.join(file, "store") }),
          (e: unknown) => e instanceof CacheFolderError && (e as Error).message.includes(file),
        );
      } else {
        await assert.rejects(
          pretrainedBase(base.suite, { ...OPTS, dir: path.join(ro, "store") }),
          (e: unknown) => e instanceof CacheFolderError && (e as Error).message.includes(ro),
        );
        assert.deepEqual(fs.readdirSync(ro), []);
      }
    } finally {
      fs.chmodSync(ro, 0o700);
    }
  });
});

describe("cell-by-cell steps in the tangent regime (synthetic suite)", () => {
  let cache = "",
    base: Base;
  before(async () => {
    cache = fs.mkdtempSync(path.join(os.tmpdir(), "m2m-steps-tangent-"));
    setCacheDir(cache);
    base = await pretrainedBase(await loadSuite("synthetic"), { ...OPTS, finetune: "tangent" });
  });
  after(() => {
    base?.close();
    setCacheDir(undefined);
    fs.rmSync(cache, { recursive: true, force: true });
  });

  it("fine-tunes and scores as the engine's tangent runs do: linearized models, in their own folder", async () => {
    assert.equal(base.spec.finetune, "tangent");
    const byDefault = await pretrainedBase(await loadSuite("synthetic"), OPTS);
    try {
      assert.equal(byDefault.store.dir, base.store.dir, "tangent is the default regime");
    } finally {
      byDefault.close();
    }
    assert.equal(base.ctx.finetune, "tangent", "the fine-tunes train the linearized model");
    assert.ok(base.evaluator().linearized, "every step scores linearized models");
    assert.match(base.html(), /tangent/);
    const experts = await fineTuneEach(base, NAMES, { workers: 1, progress: false });
    const scored = scoreMixtures(experts, "target", { progress: false });
    assert.equal(scored.rows.length, 7);
    const best = scored.best.mixture.split(" + ");
    const direct = evaluate(merge(experts, best), "target", "val");
    assert.ok(Math.abs(direct.loss - scored.best.val_loss) < 1e-4, `${direct.loss} vs ${scored.best.val_loss}`);
    // a standard base of the same suite and recipe lives in another folder (the regime is part of its id)
    const standard = await pretrainedBase(await loadSuite("synthetic"), { ...OPTS, finetune: "standard" });
    try {
      assert.notEqual(standard.store.dir, base.store.dir);
      assert.ok(!standard.evaluator().linearized);
    } finally {
      standard.close();
    }
  });
});
