import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { writeReport } from "../../src/publish";
import { syntheticResults } from "../fixtures/results";

test("writeReport with png writes every figure as a PNG next to index.html (one browser)", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "m2m-report-png-"));
  fs.writeFileSync(path.join(dir, "results.json"), JSON.stringify(syntheticResults({ seed: 4 })));
  const { html, pngs } = await writeReport(dir);
  assert.ok(fs.statSync(html).size > 1e6);
  // claims (method power, claim 1), the verify frontier, Figure 1 (acc, loss), per-target merged, cosine, L2:
  // the fixture has no surrogates or weighted rows
  assert.deepEqual(
    pngs.map((p) => path.basename(p)),
    [
      "claims-methods.png",
      "claims-claim1.png",
      "verify-frontier.png",
      "fig1-correlation-overview.png",
      "fig1-correlation-overview-loss.png",
      "fig2-per-target-merged.png",
      "fig4-per-target-cosine.png",
      "fig5-per-target-l2.png",
    ],
  );
  for (const p of pngs) {
    assert.equal(path.dirname(p), path.join(dir, "report"));
    const b = fs.readFileSync(p);
    assert.equal(b.subarray(1, 4).toString("latin1"), "PNG");
    assert.ok(b.length > 5000, `${p} is a real image`);
  }
});
