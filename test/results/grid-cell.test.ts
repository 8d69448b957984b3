// recommendedCell on hand-made cells: each case is built so that exactly one rule decides the answer.
import { it } from "node:test";
import assert from "node:assert/strict";
import type { Claims } from "../../src/results/claims";
import { recommendedCell, type GridCell } from "../../src/results/grid-cell";

const interval = (estimate: number, lo = estimate - 1, hi = estimate + 1) => ({
  estimate,
  lo,
  hi,
  targets: 4,
  cells: 8,
});

/** A cell named by its head rule (the budget is fixed): repeat r, oracle − θ0, oracle − random (estimate, lo), claim-1 r. */
function cell(
  headRule: GridCell["headRule"],
  o: { repeat: number; overBase: number; overRandom: number; lo?: number; r?: number },
): GridCell {
  return {
    headRule,
    trainBudget: "epochs",
    dir: `/grid/${headRule}`,
    ownGain: 1,
    seedRepeat: o.repeat,
    oracleMinusBase: interval(o.overBase),
    oracleMinusRandom: interval(o.overRandom, o.lo ?? o.overRandom - 1),
    claims: (o.r === undefined ? {} : { claim1: interval(o.r, o.r - 0.1, o.r + 0.1) }) as unknown as Claims,
  };
}
const pick = (cells: GridCell[], minRepeat?: number) => recommendedCell(cells, minRepeat)?.headRule;

it("no cells: no recommendation", () => {
  assert.equal(recommendedCell([]), undefined);
});

it("the highest oracle − random lower bound wins among cells that pass both conditions", () => {
  const cells = [
    cell("shared", { repeat: 0.9, overBase: 2, overRandom: 5, lo: 1 }),
    cell("refit", { repeat: 0.8, overBase: 1, overRandom: 3, lo: 2 }), // lower estimate, higher lower bound
    cell("frozen", { repeat: 0.95, overBase: 3, overRandom: 4, lo: 0.5 }),
  ];
  assert.equal(pick(cells), "refit");
  assert.equal(pick([...cells].reverse()), "refit", "order of the cells does not matter");
});

it("a NaN lower bound (nothing to resample) falls back to the estimate", () => {
  const cells = [
    cell("shared", { repeat: 0.9, overBase: 1, overRandom: 3, lo: NaN }),
    cell("refit", { repeat: 0.9, overBase: 1, overRandom: 5, lo: 2.5 }),
  ];
  assert.equal(pick(cells), "shared");
});

it("the seed-repeat rule decides: a cell whose truth does not repeat loses despite the best bound", () => {
  const cells = [
    cell("shared", { repeat: 0.5, overBase: 2, overRandom: 9 }),
    cell("refit", { repeat: 0.7, overBase: 2, overRandom: 3 }), // exactly at the threshold counts as repeating
  ];
  assert.equal(pick(cells), "refit");
  assert.equal(pick(cells, 0.4), "shared", "with a lower threshold both repeat and the bound decides");
});

it("the beats-θ0 rule decides: a cell whose best mixture does not beat θ0 loses despite the best bound", () => {
  const cells = [
    cell("shared", { repeat: 0.9, overBase: 0, overRandom: 9 }), // oracle − θ0 = 0 is not a gain
    cell("refit", { repeat: 0.9, overBase: 0.5, overRandom: 3 }),
  ];
  assert.equal(pick(cells), "refit");
});

it("repeat narrows before beats-θ0: when the two disagree, the repeating cell wins", () => {
  const cells = [
    cell("shared", { repeat: 0.9, overBase: -1, overRandom: 1 }), // repeats, does not beat θ0
    cell("refit", { repeat: 0.2, overBase: 2, overRandom: 9 }), // beats θ0, does not repeat
  ];
  assert.equal(pick(cells), "shared");
});

it("each condition is relaxed when no cell meets it", () => {
  const none = [
    cell("shared", { repeat: 0.1, overBase: 1, overRandom: 2 }),
    cell("refit", { repeat: 0.2, overBase: -1, overRandom: 8 }),
    cell("frozen", { repeat: 0.3, overBase: 1, overRandom: 4 }),
  ];
  assert.equal(pick(none), "frozen", "no cell repeats: beats-θ0 then the bound decide among all");
  const noGain = [
    cell("shared", { repeat: 0.9, overBase: -1, overRandom: 2 }),
    cell("refit", { repeat: 0.9, overBase: -2, overRandom: 6 }),
    cell("frozen", { repeat: 0.1, overBase: 3, overRandom: 9 }),
  ];
  assert.equal(pick(noGain), "refit", "no repeating cell beats θ0: the bound decides among the repeating ones");
});

it("the claim-1 rule decides among cells where all three conditions hold (lower bound above 0)", () => {
  const cells = [
    cell("shared", { repeat: 0.9, overBase: 1, overRandom: 6, lo: 3, r: 0.2 }), // best bound, weaker claim 1
    cell("refit", { repeat: 0.9, overBase: 1, overRandom: 2, lo: 0.5, r: 0.6 }),
    cell("frozen", { repeat: 0.9, overBase: 1, overRandom: 1, lo: -0.5, r: 0.9 }), // lower bound ≤ 0: not qualifying
  ];
  assert.equal(pick(cells), "refit");
  const tie = [
    cell("shared", { repeat: 0.9, overBase: 1, overRandom: 6, lo: 3, r: 0.5 }),
    cell("refit", { repeat: 0.9, overBase: 1, overRandom: 2, lo: 0.5, r: 0.5 }),
  ];
  assert.equal(pick(tie), "shared", "equal r: the lower bound breaks the tie");
  const noneQualify = [
    cell("shared", { repeat: 0.9, overBase: 1, overRandom: 1, lo: -1, r: 0.1 }),
    cell("frozen", { repeat: 0.9, overBase: 1, overRandom: 0.5, lo: -0.2, r: 0.9 }),
  ];
  assert.equal(pick(noneQualify), "frozen", "no qualifying cell: the lower bound decides, not r");
});
