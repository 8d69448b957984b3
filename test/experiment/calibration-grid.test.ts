import { it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import "../../src/data/synthetic/suite";
import { calibrateGrid } from "../../src/experiment/calibration-grid";
import { formatGrid } from "../../src/results/text/grid-text";
import { openRunStore } from "../../src/experiment/run";
import { InvalidArgumentError } from "../../src/util/errors";
import { recommendedCell } from "../../src/results/grid-cell";
import { SYNTHETIC_RUN } from "../fixtures/synthetic-run";

it("calibrate runs one resumable run per cell, tabulates the claims, and names a recommended cell", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "m2m-grid-"));
  try {
    // the small synthetic network of the other end-to-end tests (hidden [32], 4 epochs), not the quick preset's [256, 256]
    const { headRule: _h, targets: _t, ...small } = SYNTHETIC_RUN;
    const opts = {
      ...small,
      seeds: 2,
      targets: ["target", "helper"],
      out: dir,
      workers: 1,
      headRules: ["refit" as const],
      surrogates: ["mean"],
    };
    const cells = await calibrateGrid(opts);
    assert.deepEqual(
      cells.map((c) => `${c.headRule}-${c.trainBudget}`),
      ["refit-epochs", "refit-steps"],
    );
    for (const c of cells) {
      assert.ok(fs.existsSync(path.join(c.dir, "results.json")));
      assert.ok(c.seedRepeat > 0 && c.claims.seeds === 2);
    }
    // the fixed step budget really fixes the steps: every fine-tune of that cell took the same number
    const store = openRunStore({ ...opts, headRule: "refit", trainBudget: "steps", out: cells[1].dir });
    try {
      const steps = store.list<{ steps: number }>("finetune").map((r) => r.value.steps);
      assert.ok(
        steps.length > 10 && steps.every((s) => s === steps[0]),
        `steps per fine-tune: ${[...new Set(steps)].join(", ")}`,
      );
    } finally {
      store.close();
    }
    const text = formatGrid(cells);
    // unset regime axes run the default regime (tangent), and the cell names say so
    assert.deepEqual(
      cells.map((c) => c.finetune),
      ["tangent", "tangent"],
    );
    assert.match(text, /^refit × epochs × tangent\s/m);
    assert.match(text, /^refit × steps × tangent\s/m);
    // the text names the cell the rules pick (the rules themselves: test/results/grid-cell.test.ts)
    const rec = recommendedCell(cells)!;
    assert.match(text, new RegExp(`^recommended cell: ${rec.headRule} × ${rec.trainBudget} × tangent — `, "m"));
    assert.ok(fs.existsSync(path.join(dir, "calibration.json")));
    // resumes: the second call finds every unit of work stored and gives the same numbers
    const again = await calibrateGrid(opts);
    assert.deepEqual(
      again.map((c) => c.claims),
      cells.map((c) => c.claims),
    );
    await assert.rejects(calibrateGrid({ ...opts, trainBudgets: ["hours" as never] }), InvalidArgumentError);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
