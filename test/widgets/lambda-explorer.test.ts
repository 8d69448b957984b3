import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { lambdaCurvesProblems, lambdaExplorer } from "../../widgets/lambda-explorer";

const GOOD = { target: "t", t: [0, 0.5, 1], mixtures: [{ name: "a + b", k: 2, merged: [0.9, 0.8, 0.85], real: 0.78 }] };

describe("λ explorer widget", () => {
  it("embeds the curves and a slider script for good data", () => {
    assert.deepEqual(lambdaCurvesProblems(GOOD), []);
    const html = lambdaExplorer(GOOD);
    assert.match(html, /class="m2m-widget m2m-lambda-explorer"/);
    assert.match(html, /"merged":\[0\.9,0\.8,0\.85\]/);
    assert.match(html, /type:"range"/);
  });
  it("shows an error box naming each problem instead of a plot", () => {
    const bad = { ...GOOD, t: [0, 0.5, 0.4], mixtures: [{ name: "a + b", k: 0, merged: [0.9, NaN], real: Infinity }] };
    const p = lambdaCurvesProblems(bad);
    assert.deepEqual(p, [
      "t: expected increasing positions in [0, 1]",
      "a + b: k = 0, expected a positive integer",
      "a + b: merged must be 3 finite losses",
      "a + b: real = Infinity, expected a finite loss",
    ]);
    assert.match(lambdaExplorer(bad), /m2m-error/);
    assert.match(lambdaExplorer({ ...GOOD, name: "<script>" } as never), /m2m-lambda-explorer/);
  });
});
