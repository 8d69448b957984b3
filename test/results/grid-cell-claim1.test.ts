// recommendedCell's last rule: among cells meeting all three conditions, the highest claim-1 r.
import { it } from "node:test";
import assert from "node:assert/strict";
import type { Claims } from "../../src/results/claims";
import { recommendedCell, type GridCell } from "../../src/results/grid-cell";
import { cellName, formatGrid } from "../../src/results/text/grid-text";

const interval = (estimate: number, lo = estimate - 1, hi = estimate + 1) => ({
  estimate,
  lo,
  hi,
  targets: 4,
  cells: 8,
});

function cell(learningRate: number, o: { repeat: number; overBase: number; lo: number; r: number }): GridCell {
  return {
    headRule: "refit",
    trainBudget: "epochs",
    learningRate,
    epochs: 5,
    relativeUpdate: learningRate * 30,
    dir: `/grid/refit-epochs-lr${learningRate}-e5`,
    ownGain: 1,
    seedRepeat: o.repeat,
    oracleMinusBase: interval(o.overBase),
    oracleMinusRandom: interval(o.lo + 1, o.lo),
    claims: { claim1: interval(o.r, o.r - 0.1, o.r + 0.1) } as unknown as Claims,
  };
}

it("among qualifying cells the highest claim-1 r wins, not the highest oracle − random bound", () => {
  const cells = [
    cell(0.001, { repeat: 0.9, overBase: 2, lo: 3, r: 0.6 }),
    cell(0.0003, { repeat: 0.9, overBase: 1, lo: 0.5, r: 0.9 }),
  ];
  assert.equal(recommendedCell(cells)?.learningRate, 0.0003);
});

it("a cell failing any condition cannot win on r: the mixture must matter above the noise (lower bound > 0)", () => {
  const cells = [
    cell(0.001, { repeat: 0.9, overBase: 2, lo: 1, r: 0.6 }),
    cell(0.0003, { repeat: 0.9, overBase: 1, lo: -0.5, r: 0.95 }),
    cell(0.003, { repeat: 0.5, overBase: 1, lo: 2, r: 0.99 }),
  ];
  assert.equal(recommendedCell(cells)?.learningRate, 0.001);
});

it("no qualifying cell: the relaxed rule (highest lower bound) as before", () => {
  const cells = [
    cell(0.001, { repeat: 0.9, overBase: 2, lo: -1, r: 0.9 }),
    cell(0.0003, { repeat: 0.9, overBase: 1, lo: -0.2, r: 0.1 }),
  ];
  assert.equal(recommendedCell(cells)?.learningRate, 0.0003);
});

it("the grid text names the strength axes and shows the measured relative update", () => {
  const c = cell(0.001, { repeat: 0.9, overBase: 2, lo: 1, r: 0.6 });
  assert.equal(cellName(c), "refit × epochs × lr 0.001 × 5 ep");
  // the regime axes show when set, so two cells of a --finetunes or --anchor-shares grid never share a name
  assert.equal(cellName({ ...c, finetune: "tangent" }), "refit × epochs × lr 0.001 × 5 ep × tangent");
  assert.equal(cellName({ ...c, anchorShare: 0.5 }), "refit × epochs × lr 0.001 × 5 ep × anchor 0.5");
  assert.equal(cellName({ ...c, anchorShare: 0 }), "refit × epochs × lr 0.001 × 5 ep");
  const full = {
    ...c,
    claims: {
      ...c.claims,
      seeds: 2,
      targets: 4,
      methods: ["merge-to-mix", "cosine", "l2"].map((method) => ({ method, normalisedRegret: interval(0.3) })),
      paired: [{ against: "cosine", ...interval(0.01), wins: 3, ties: 0, losses: 1 }],
    } as unknown as Claims,
  };
  const text = formatGrid([full]);
  assert.ok(text.includes("rel. update") && text.includes("3.0%"), text);
  assert.ok(text.includes("recommended cell: refit × epochs × lr 0.001 × 5 ep"), text);
});
