/** Static rendering in real Chromium: one browser for PNG and SVG of several figures. */
import { after, before, test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { correlationOverview, perTargetPanels } from "../../src/report/figures";
import { FigureRenderer, openFigureRenderer } from "../../src/report/render";
import { syntheticResults } from "../fixtures/results";

let r: FigureRenderer;
before(async () => {
  r = await openFigureRenderer();
});
after(async () => {
  await r?.close();
});

const pngSize = (b: Buffer) => ({ w: b.readUInt32BE(16), h: b.readUInt32BE(20) });

test("renders figures to PNG (layout size) and SVG with one browser", async () => {
  const results = syntheticResults({ seed: 2 });
  const fig = correlationOverview(results);
  const png = await r.render(fig);
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.deepEqual(pngSize(png), { w: 1200, h: 440 });
  const out = path.join(__dirname, "..", "..", "build", "test-screenshots");
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, "correlation-overview.png"), png);
  const small = await r.render(perTargetPanels(results), { width: 600, height: 400, scale: 2 });
  assert.deepEqual(pngSize(small), { w: 1200, h: 800 });
  const svg = (await r.render(fig, { format: "svg" })).toString("utf8");
  assert.ok(svg.startsWith("<svg") && svg.includes("mean per-target r ="));
  await assert.rejects(r.render(fig, { format: "gif" as never }), /format/);
});
