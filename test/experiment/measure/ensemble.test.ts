import { it } from "node:test";
import assert from "node:assert/strict";
import { Evaluator } from "../../../src/evaluate/evaluator";
import { scoreEnsemble } from "../../../src/experiment/measure/ensemble";
import { initParams } from "../../../src/model/init";
import { netSpecFor, networkLayout } from "../../../src/model/spec";
import { syntheticTask } from "../../model/synthetic";

const d = 6,
  hidden = [8];
const target = syntheticTask("t", { d, classes: 3, concepts: ["x", "y", "z"], sizes: { val: 40, headfit: 12 } });
const cands = [
  syntheticTask("a", { d, classes: 3, concepts: ["x", "y", "z"], dataSeed: 5 }),
  syntheticTask("b", { d, classes: 3, concepts: ["x", "y", "z"], dataSeed: 6, sizes: { train: 100 } }),
];

for (const rule of ["refit", "shared"] as const) {
  it(`${rule}: a one-member ensemble scores exactly as the evaluator scores that model`, () => {
    const spec = netSpecFor([target, ...cands], hidden, rule);
    const singles = [initParams(networkLayout(spec), 1), initParams(networkLayout(spec), 2)];
    const ev = new Evaluator(spec, rule);
    const s = scoreEnsemble(ev, singles, target, cands);
    singles.forEach((m, i) => {
      const r = ev.load(m).evaluate(target, "val");
      assert.ok(Math.abs(s.acc[1 << i] - r.accuracy) < 1e-9, `acc of ${i}`);
      assert.ok(Math.abs(s.loss[1 << i] - r.loss) < 1e-4, `loss of ${i}: ${s.loss[1 << i]} vs ${r.loss}`);
    });
    assert.ok(Number.isFinite(s.loss[0b11]));
    ev.dispose();
  });
}
