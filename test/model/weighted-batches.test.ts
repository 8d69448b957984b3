import { it } from "node:test";
import assert from "node:assert/strict";
import { runWeightedSteps } from "../../src/model/weighted-batches";
import { InvalidArgumentError } from "../../src/util/errors";
import { silentProgress } from "../../src/util/progress";
import { Rng } from "../../src/util/rng";

const opts = (steps: number, seed = 1) => ({
  batchSize: 32,
  steps,
  rng: new Rng(seed),
  progress: silentProgress,
  label: "t",
});

it("draws members in proportion to their weights, whatever their sizes", () => {
  const sizes = [100, 1000, 50],
    counts = [0, 0, 0];
  const r = runWeightedSteps(sizes, [0.6, 0.3, 0.1], opts(500), (idx) => {
    for (const i of idx) counts[i < 100 ? 0 : i < 1100 ? 1 : 2]++;
  });
  assert.equal(r.steps, 500);
  assert.equal(r.samples, 16000);
  const share = counts.map((c) => c / 16000);
  [0.6, 0.3, 0.1].forEach((w, i) => assert.ok(Math.abs(share[i] - w) < 0.02, `member ${i}: ${share[i]} vs ${w}`));
});

it("within a member, rows are drawn without replacement until it is used up; zero weight is never drawn", () => {
  const seen = new Map<number, number>();
  runWeightedSteps([64, 64], [1, 0], opts(2), (idx) => {
    for (const i of idx) seen.set(i, (seen.get(i) ?? 0) + 1);
  });
  assert.equal(seen.size, 64);
  assert.ok([...seen.keys()].every((i) => i < 64));
  assert.ok([...seen.values()].every((c) => c === 1));
});

it("is deterministic for a seed; bad weights are typed errors", () => {
  const run = (seed: number) => {
    const out: number[] = [];
    runWeightedSteps([10, 20], [0.5, 0.5], opts(3, seed), (idx) => out.push(...idx));
    return out;
  };
  assert.deepEqual(run(3), run(3));
  assert.notDeepEqual(run(3), run(4));
  for (const w of [[-1, 2], [0, 0], [NaN, 1], [1]])
    assert.throws(() => runWeightedSteps([10, 20], w, opts(1), () => {}), InvalidArgumentError, JSON.stringify(w));
  assert.throws(() => runWeightedSteps([0, 20], [1, 1], opts(1), () => {}), InvalidArgumentError);
});
