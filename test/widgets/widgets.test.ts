/** Widgets in real headless Chromium (one launch for the file): load, click/drag, check state, screenshot. */
import { after, before, test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { chromium, Browser, Page } from "playwright-core";
import { CHROMIUM_FLAGS, chromiumPath } from "../../src/report/render";
import { htmlPage } from "../../src/report/page";
import { correlationExplorer, mixtureExplorer, weightedMixExplorer, WeightedGrid } from "../../widgets";
import { syntheticResults } from "../fixtures/results";

const SHOTS = path.join(__dirname, "..", "..", "build", "test-screenshots");
let browser: Browser;

before(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS });
});
after(async () => {
  await browser?.close();
});

async function open(body: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("dialog", (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.setContent(htmlPage(body));
  return { page, errors };
}

const evil = "<script>alert(1)</script>";

test("mixture explorer: ticking datasets moves the highlight, updates scores and rank; names render as text", async () => {
  const r = syntheticResults({ tasks: ["alpha", evil, "gamma", "delta"], seed: 3 });
  r.tasks[evil].title = evil;
  const { page, errors } = await open(mixtureExplorer(r));
  const root = page.locator(".m2m-mixture-explorer");
  await page.waitForFunction(
    () => !!(globalThis as any).document.querySelector(".m2m-mixture-explorer .js-plotly-plot"),
  );
  const startMask = Number(await root.getAttribute("data-mask"));
  assert.ok(startMask > 0, "starts on the Merge to Mix pick");
  assert.equal(await root.getAttribute("data-rank"), "1", "the M2M pick is rank 1 by merged score");
  // the evil candidate name shows as literal text in the checkbox label
  assert.ok((await root.locator('[data-role="candidates"]').textContent())!.includes(evil));
  // untick everything, then tick candidate 0 only
  for (let i = 0; i < 3; i++) await root.locator(`input[data-index="${i}"]`).uncheck();
  assert.equal(await root.getAttribute("data-mask"), "0");
  assert.match((await root.locator('[data-role="status"]').textContent())!, /Tick candidate datasets/);
  await root.locator('input[data-index="0"]').check();
  assert.equal(await root.getAttribute("data-mask"), "1");
  const status = (await root.locator('[data-role="status"]').textContent())!;
  const p = r.mixtures.filter((m) => m.target === "alpha" && m.mask === 1);
  const merged = p.reduce((s, m) => s + m.merged_val_acc, 0) / p.length;
  assert.ok(status.includes(`merged score ${merged.toFixed(4)}`), status);
  assert.match(status, /rank \d+ of 7 by merged.*rank \d+ of 7 by truth/);
  const highlight = await page.evaluate(() => {
    const gd = (globalThis as any).document.querySelector(".m2m-mixture-explorer [data-role=plot]");
    const t = gd.data.find((d: any) => d.name === "selected mixture");
    return t ? t.x[0] : null;
  });
  assert.ok(Math.abs((highlight as number) - merged) < 1e-9, "highlighted point is the ticked mixture");
  // switch target: the target title with <script> is an option's text
  await root.locator('select[data-role="target"]').selectOption("1");
  assert.equal(await root.getAttribute("data-target"), evil);
  assert.equal(await page.locator("body script").count(), 1, "no injected script elements");
  await page.screenshot({ path: path.join(SHOTS, "mixture-explorer.png") });
  assert.deepEqual(errors, []);
  await page.close();
});

test("correlation explorer: choosing target and metric changes the plotted r", async () => {
  const r = syntheticResults({ seed: 5 });
  const { page, errors } = await open(correlationExplorer(r));
  const root = page.locator(".m2m-correlation-explorer");
  await page.waitForFunction(
    () => !!(globalThis as any).document.querySelector(".m2m-correlation-explorer .js-plotly-plot"),
  );
  const rAll = await root.getAttribute("data-pearson");
  assert.match((await root.locator('[data-role="status"]').textContent())!, /mean per-target Pearson r/);
  await root.locator('select[data-role="target"]').selectOption("0");
  await root.locator('select[data-role="metric"]').selectOption("cosine");
  assert.equal(await root.getAttribute("data-metric"), "cosine");
  const rCos = Number(await root.getAttribute("data-pearson"));
  const stored = r.correlations.filter(
    (c) => c.target === "alpha" && c.scorer === "cosine" && c.truth === "val_acc" && c.subset === "all",
  );
  assert.notEqual(String(rCos), rAll);
  // seed-mean points, so compare loosely with the per-seed r only in sign/size sanity: finite and in [-1, 1]
  assert.ok(Number.isFinite(rCos) && Math.abs(rCos) <= 1 && stored.length === 2);
  const traces = await page.evaluate(
    () => (globalThis as any).document.querySelector(".m2m-correlation-explorer [data-role=plot]").data.length,
  );
  assert.equal(traces, 1);
  await root.locator('input[data-role="no-singletons"]').check();
  const n = await page.evaluate(
    () => (globalThis as any).document.querySelector(".m2m-correlation-explorer [data-role=plot]").data[0].x.length,
  );
  assert.equal(n, 4);
  await page.screenshot({ path: path.join(SHOTS, "correlation-explorer.png") });
  assert.deepEqual(errors, []);
  await page.close();
});

test("weighted-mix explorer: dragging a slider moves to the nearest grid point and its score", async () => {
  const pts: number[][] = [];
  for (let i = 0; i <= 4; i++) for (let j = 0; j <= 4 - i; j++) pts.push([i / 4, j / 4, (4 - i - j) / 4]);
  const grid: WeightedGrid = {
    target: "alpha",
    candidates: ["beta", evil, "delta"],
    points: pts,
    merged: pts.map((w) => 0.6 + 0.1 * w[0] - 0.05 * w[1] + 0.02 * w[0] * w[2]),
    truth: pts.map((w, k) => (k % 3 === 0 ? null : 0.58 + 0.12 * w[0])),
    metric: "val acc",
  };
  const { page, errors } = await open(weightedMixExplorer(grid));
  const root = page.locator(".m2m-weighted-mix-explorer");
  await page.waitForFunction(
    () => !!(globalThis as any).document.querySelector(".m2m-weighted-mix-explorer .js-plotly-plot"),
  );
  const k0 = Number(await root.getAttribute("data-point"));
  // drag slider 0 to the far right, then the others to zero with the keyboard
  const s0 = root.locator('input[data-index="0"]');
  const box = (await s0.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width - 1, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  for (const i of [1, 2]) {
    await root.locator(`input[data-index="${i}"]`).focus();
    await page.keyboard.press("Home");
  }
  const k = Number(await root.getAttribute("data-point"));
  assert.notEqual(k, k0);
  assert.deepEqual(pts[k], [1, 0, 0]);
  assert.equal(Number(await root.getAttribute("data-score")), grid.merged[k]);
  assert.equal(await root.getAttribute("data-rank"), "1", "all weight on beta is the best grid point");
  assert.ok((await root.locator('[data-role="controls"]').textContent())!.includes(evil));
  await page.screenshot({ path: path.join(SHOTS, "weighted-mix-explorer.png") });
  assert.deepEqual(errors, []);
  await page.close();
});

test("weighted-mix explorer: the simplex with the search path and optimum; the button moves the sliders there", async () => {
  const pts: number[][] = [];
  for (let i = 0; i <= 4; i++) for (let j = 0; j <= 4 - i; j++) pts.push([i / 4, j / 4, (4 - i - j) / 4]);
  const score = (w: number[]) => 0.6 + 0.1 * w[0] * w[1] - 0.05 * w[2];
  const searchPath = [
    { weights: [0.5, 0.5, 0], score: score([0.5, 0.5, 0]) },
    { weights: [0.625, 0.375, 0], score: score([0.625, 0.375, 0]) },
  ];
  const grid: WeightedGrid = {
    target: "alpha",
    candidates: ["beta", "gamma", "delta"],
    points: pts,
    merged: pts.map(score),
    metric: "merged validation accuracy",
    optimum: { weights: [0.625, 0.375, 0], score: score([0.625, 0.375, 0]) },
    path: searchPath,
  };
  const { page, errors } = await open(weightedMixExplorer(grid));
  const root = page.locator(".m2m-weighted-mix-explorer");
  await page.waitForFunction(
    () => !!(globalThis as any).document.querySelector(".m2m-weighted-mix-explorer .js-plotly-plot"),
  );
  const traces = () =>
    page.evaluate(() =>
      (globalThis as any).document
        .querySelector(".m2m-weighted-mix-explorer [data-role=plot]")
        .data.map((d: any) => [d.name, d.type]),
    );
  assert.deepEqual(await traces(), [
    ["grid points", "scatterternary"],
    ["search path", "scatterternary"],
    ["weighted optimum", "scatterternary"],
    ["current weights", "scatterternary"],
  ]);
  const pathA = await page.evaluate(
    () => (globalThis as any).document.querySelector(".m2m-weighted-mix-explorer [data-role=plot]").data[1].a,
  );
  assert.deepEqual(pathA, [0.5, 0.625]);
  assert.match(
    (await root.locator('[data-role="status"]').textContent())!,
    /weighted optimum \(beta 0\.63, gamma 0\.38, delta 0\.00\): 0\.6234 after 1 accepted steps/,
  );
  await root.locator('button[data-role="to-optimum"]').click();
  // sliders at 63/38/0 (rounded to whole percent): the nearest grid point of the optimum
  const k = Number(await root.getAttribute("data-point"));
  assert.deepEqual(pts[k], [0.5, 0.5, 0]);
  assert.deepEqual(await root.locator('[data-role="weight"]').allTextContents(), ["0.62", "0.38", "0.00"]);
  const cur = await page.evaluate(() => {
    const d = (globalThis as any).document.querySelector(".m2m-weighted-mix-explorer [data-role=plot]").data[3];
    return [d.a[0], d.b[0], d.c[0]];
  });
  assert.ok(
    Math.abs(cur[0] - 0.62) < 0.01 && Math.abs(cur[1] - 0.38) < 0.01 && cur[2] === 0,
    "the current-weights marker sits at the optimum",
  );
  await root.locator('button[data-role="to-best"]').click();
  assert.equal(await root.getAttribute("data-rank"), "1");
  assert.ok(
    await page.evaluate(() => !!(globalThis as any).document.querySelector(".m2m-weighted-mix-explorer .ternary")),
    "drawn as a ternary plot",
  );
  await page.screenshot({ path: path.join(SHOTS, "weighted-mix-explorer-optimum.png") });
  assert.deepEqual(errors, []);
  await page.close();
  // an older grid (no optimum, no path): no button, no path, no errors
  const { optimum: _o, path: _p, ...old } = grid;
  const o2 = await open(weightedMixExplorer(old));
  await o2.page.waitForFunction(
    () => !!(globalThis as any).document.querySelector(".m2m-weighted-mix-explorer .js-plotly-plot"),
  );
  assert.equal(await o2.page.locator('button[data-role="to-optimum"]').count(), 0);
  const names = await o2.page.evaluate(() =>
    (globalThis as any).document
      .querySelector(".m2m-weighted-mix-explorer [data-role=plot]")
      .data.map((d: any) => d.name),
  );
  assert.deepEqual(names, ["grid points", "current weights"]);
  assert.deepEqual(o2.errors, []);
  await o2.page.close();
});

test("inconsistent data show a clear message instead of a plot", async () => {
  const r = syntheticResults();
  r.mixtures[0].merged_val_acc = NaN;
  r.mixtures[1].mask = 99;
  const bad: WeightedGrid = {
    target: "t",
    candidates: ["a", "b"],
    points: [
      [0.5, 0.5],
      [1, 1],
    ],
    merged: [0.1, NaN],
    optimum: { weights: [0.7, 0.7], score: 1 },
    path: [{ weights: [1], score: NaN }],
  };
  const { page, errors } = await open(mixtureExplorer(r) + correlationExplorer(r) + weightedMixExplorer(bad));
  const boxes = page.locator(".m2m-error");
  assert.equal(await boxes.count(), 3);
  const text = (await boxes.allTextContents()).join("\n");
  assert.match(text, /merged_val_acc is NaN/);
  assert.match(text, /mask 99: not a mixture of the 3 candidates/);
  assert.match(text, /points\[1\] sums to 2/);
  assert.match(text, /merged\[1\] is NaN/);
  assert.match(text, /optimum\.weights = \[0\.7, 0\.7\] is not on the simplex/);
  assert.match(text, /path\[0\]\.weights has 1 weights, expected 2/);
  assert.equal(await page.locator(".js-plotly-plot").count(), 0);
  await page.screenshot({ path: path.join(SHOTS, "widget-errors.png") });
  assert.deepEqual(errors, []);
  await page.close();
});
