// Kill a run with SIGKILL in the middle of the mixture fine-tunes, resume it, and compare with an uninterrupted run:
// once on the cpu backend the other end-to-end tests use, once on the wasm backend the library ships by default.
import { after, it } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runExperiment } from "../../src/experiment/run";
import type { RunResults } from "../../src/results/results";
import * as tf from "@tensorflow/tfjs";
import type { Progress } from "../../src/util/progress";
import { SYNTHETIC_RUN } from "../fixtures/synthetic-run";
import { storeSnapshot } from "../fixtures/store-snapshot";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "m2m-resume-"));
after(() => fs.rmSync(root, { recursive: true, force: true }));

const MIXTURES = "mixture fine-tunes (ground truth)";

/** Spawn the child run and SIGKILL it once `killAfter` mixture fine-tunes are stored. */
function runAndKill(
  dir: string,
  killAfter: number,
  backend: "cpu" | "wasm",
): Promise<{ signal: string | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", path.join(__dirname, "..", "fixtures", "run-child.ts"), dir, "1", backend],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let stderr = "";
    child.stderr.on("data", (b: Buffer) => {
      stderr += b.toString();
      if (stderr.includes(`tick ${MIXTURES} ${killAfter}\n`)) child.kill("SIGKILL");
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.on("error", reject);
    child.on("exit", (_code, signal) => {
      clearTimeout(timer);
      resolve({ signal, stderr });
    });
  });
}

/** A progress that records each phase's planned total. */
function recorder(): { progress: Progress; totals: Map<string, number> } {
  const totals = new Map<string, number>();
  return {
    totals,
    progress: {
      start: (l, n) => {
        totals.set(l, n);
      },
      tick() {},
      log() {},
      done() {},
    },
  };
}

const strip = (r: RunResults) => ({
  mixtures: r.mixtures,
  selections: r.selections,
  correlations: r.correlations,
  base: r.base,
  cost: r.cost.map(({ m2m_seconds: _a, m2m_merge_seconds: _m, exhaustive_seconds: _b, speedup: _c, ...rest }) => rest),
});

for (const backend of ["cpu", "wasm"] as const) {
  it(`${backend}: resumes after SIGKILL mid mixture fine-tunes: same results, no finished work redone`, async () => {
    const dir = path.join(root, `killed-${backend}`);
    const killed = await runAndKill(dir, 3, backend);
    assert.equal(killed.signal, "SIGKILL", `child was not killed:\n${killed.stderr.slice(-2000)}`);
    assert.ok(!fs.existsSync(path.join(dir, "results.json")), "killed before writing results");
    const before = storeSnapshot(dir);
    const doneMixtures = [...before.keys()].filter((k) => k.startsWith("f:")).length - 4;
    assert.ok(doneMixtures >= 3 && doneMixtures < 11, `mixture fine-tunes stored before the kill: ${doneMixtures}`);

    const { progress, totals } = recorder();
    const resumed = await runExperiment({ ...SYNTHETIC_RUN, backend, out: dir, workers: 1, progress });
    assert.equal(resumed.complete, true);
    assert.equal(tf.getBackend(), backend, "the run used the backend it was given");
    // Nothing finished before the kill is trained again: singles all cached, only the missing mixtures run.
    assert.equal(totals.has("single-dataset fine-tunes"), false);
    assert.equal(totals.get(MIXTURES), 11 - doneMixtures);
    const afterKill = storeSnapshot(dir);
    for (const [k, v] of before) assert.equal(afterKill.get(k), v, `${k} was rewritten`);
    assert.equal([...afterKill.keys()].filter((k) => k.startsWith("f:")).length, 15);

    const fresh = await runExperiment({
      ...SYNTHETIC_RUN,
      backend,
      out: path.join(root, `fresh-${backend}`),
      workers: 1,
    });
    assert.deepEqual(strip(resumed), strip(fresh));
  });
}
