// Opens a notebook in the real classic Notebook UI (Debian's Jupyter Notebook 6 + the project's tslab kernel),
// runs every cell from the page (Jupyter's own JS API, as Cell → Run All does), and checks what a reader sees:
// every Plotly figure drawn, the tables there, nothing wider than the output column (no HTML element past
// its output area, no SVG text past its plot: a cut-off label), no error output. Then it narrows the window to
// 820 px and checks again: figures must shrink with the column; a table too wide for it may scroll inside its
// own box (.m2m-scroll), which must fit. A copy of the notebook runs in a temporary folder, so the repository
// copy stays output-free; the run directory is shared with the repo (a second run reuses the stored results).
import { strict as assert } from "node:assert";
import { ChildProcess, spawn, spawnSync } from "node:child_process";
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as net from "node:net";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { CHROMIUM_FLAGS, chromiumPath } from "../../src/report/render";
import { errorLines } from "./error-lines";

const root = path.resolve(__dirname, "..", "..");
const jupyterPath = path.join(root, ".jupyter", "share", "jupyter");
const SHOTS = path.join(root, "build", "test-screenshots");
// 00 (the steps, the λ slider) and 01 (the Figure-1 overview and a table) by default;
// M2M_UI_NOTEBOOK=03-vision-reproduction.ipynb drives another
const NOTEBOOKS = process.env.M2M_UI_NOTEBOOK
  ? [process.env.M2M_UI_NOTEBOOK]
  : ["00-merge-by-hand.ipynb", "01-quickstart.ipynb"];

const hasJupyter = spawnSync("jupyter", ["notebook", "--version"], { encoding: "utf8" }).status === 0;
const hasChromium = fs.existsSync(chromiumPath());
const skip = !hasJupyter
  ? "jupyter notebook is not installed (apt-get install jupyter-notebook; see scripts/setup.sh)"
  : !hasChromium
    ? `chromium is not installed at ${chromiumPath()} (apt-get install chromium, or set CHROMIUM_PATH)`
    : false;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
}

async function waitFor<T>(what: string, ms: number, probe: () => Promise<T | undefined>): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() - t0 > ms) throw new Error(`timed out after ${ms / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Notebook 00's λ explorer: drawn, and moving its slider to the sum moves the marker and the readout. */
async function dragLambdaSlider(page: Page): Promise<string[]> {
  const w = page.locator(".output_area .m2m-lambda-explorer").first();
  if ((await w.count()) === 0) return ["no λ explorer in notebook 00"];
  const slider = w.locator('input[type="range"]');
  const before = {
    index: await w.getAttribute("data-index"),
    text: await w.locator('[data-role="status"]').textContent(),
  };
  const max = Number(await slider.getAttribute("max"));
  await slider.fill(String(max)); // sets the value and fires input, as dragging does
  await page.waitForTimeout(300);
  const after = {
    index: await w.getAttribute("data-index"),
    text: await w.locator('[data-role="status"]').textContent(),
  };
  const out: string[] = [];
  if (before.index !== "0") out.push(`λ explorer starts at position ${before.index}, expected 0 (the mean)`);
  if (after.index !== String(max)) out.push(`λ explorer slider moved to ${after.index}, expected ${max} (the sum)`);
  if (!/^t = 1\.00: .*λ = 1\.00/.test(after.text ?? ""))
    out.push(`λ explorer readout at the sum: ${JSON.stringify(after.text)}`);
  if ((await w.locator(".main-svg").count()) === 0) out.push("λ explorer plot not drawn");
  return out;
}

/** What the page shows, measured in the browser. */
interface PageReport {
  figures: Array<{ width: number; height: number; svg: boolean }>;
  tables: number;
  overflow: string[];
  errors: string[];
  stderr: string[];
  codeCells: number;
  cellsWithOutput: number;
  outputWidth: number;
}

/** Measures every output area (runs in the page; no DOM lib in this project, so through globalThis; no named
 *  inner functions: tsx would wrap them in a `__name` helper the page does not have). */
function measure(strictScroll: boolean): PageReport {
  const d = (globalThis as any).document;
  const figures = Array.from(d.querySelectorAll(".output_area .m2m-figure")).map((f: any) => {
    const svg = f.querySelector(".main-svg");
    const r = svg ? svg.getBoundingClientRect() : { width: 0, height: 0 };
    return { width: Math.round(r.width), height: Math.round(r.height), svg: !!svg };
  });
  const tables = Array.from(d.querySelectorAll(".output_area table.m2m-table")).filter(
    (t: any) => t.getBoundingClientRect().width > 0,
  ).length;
  const overflow: string[] = [];
  let outputWidth = 0;
  for (const area of Array.from(d.querySelectorAll(".output_subarea")) as any[]) {
    const box = area.getBoundingClientRect();
    if (box.width === 0) continue;
    outputWidth = Math.max(outputWidth, Math.round(box.width));
    if (area.scrollWidth > area.clientWidth + 1)
      overflow.push(`output area scrolls: scrollWidth ${area.scrollWidth} > clientWidth ${area.clientWidth}`);
    for (const el of Array.from(area.querySelectorAll("*")) as any[]) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      // inside an <svg> only text matters (the svg clips the rest): a label cut off by the plot's edge
      const svg = el.tagName.toLowerCase() === "svg" ? null : el.closest("svg");
      if (svg && el.tagName.toLowerCase() !== "text") continue;
      const frame = svg ? svg.getBoundingClientRect() : box;
      // a wide table may scroll inside its own box (m2m-scroll) in a narrow window: then the box must fit
      const scroller = el.closest(".m2m-scroll");
      if (scroller && scroller !== el && !strictScroll) continue;
      if (r.right > frame.right + 1 || r.left < frame.left - 1) {
        const tag = `${el.tagName.toLowerCase()}${el.getAttribute("class") ? "." + el.getAttribute("class").split(" ")[0] : ""}`;
        overflow.push(
          `${tag}${svg ? ` "${String(el.textContent).slice(0, 40)}"` : ""} spans ${Math.round(r.left)}–${Math.round(r.right)} px, its ${svg ? "plot" : "output area"} ${Math.round(frame.left)}–${Math.round(frame.right)} px`,
        );
      }
    }
  }
  const errors = Array.from(d.querySelectorAll(".output_error")).map((e: any) => e.innerText.slice(0, 300));
  for (const o of Array.from(d.querySelectorAll(".output_area")) as any[]) {
    const t = o.innerText as string;
    if (/Traceback|plotly\.js is not loaded|Uncaught/.test(t)) errors.push(t.slice(0, 300));
  }
  const stderr = Array.from(d.querySelectorAll(".output_stderr")).map((e: any) => e.innerText as string);
  const code = Array.from(d.querySelectorAll(".code_cell")) as any[];
  return {
    figures,
    tables,
    overflow: overflow.slice(0, 20),
    errors,
    stderr,
    codeCells: code.length,
    cellsWithOutput: code.filter((c) => c.querySelector(".output_area")).length,
    outputWidth,
  };
}

/** A screenshot of the whole notebook: the Notebook scrolls inside #site, so the window is made tall enough first. */
async function shoot(page: Page, file: string): Promise<void> {
  const size = page.viewportSize()!;
  const h = await page.evaluate(() => {
    const d = (globalThis as any).document;
    return Math.ceil(
      d.querySelector("#header").getBoundingClientRect().height + d.querySelector("#notebook").scrollHeight,
    );
  });
  await page.setViewportSize({ width: size.width, height: Math.min(h, 16000) });
  await page.waitForTimeout(700);
  await page.screenshot({ path: file });
  await page.setViewportSize(size);
  await page.waitForTimeout(700);
}

describe(`${NOTEBOOKS.join(", ")} in the real Notebook UI (Notebook 6, tslab kernel, Chromium)`, { skip }, () => {
  let tmp = "";
  let server: ChildProcess | undefined;
  let serverLog = "";
  let browser: Browser | undefined;
  let base = "";
  let token = "";

  before(async () => {
    if (!fs.existsSync(path.join(jupyterPath, "kernels", "tslab", "kernel.json"))) {
      const r = spawnSync("npm", ["run", "--silent", "kernel:install"], { cwd: root, encoding: "utf8" });
      assert.equal(r.status, 0, `npm run kernel:install failed: ${r.stderr}`);
    }
    // inside the repo (tslab resolves node_modules upward from the kernel's folder), in the ignored build/
    fs.mkdirSync(path.join(root, "build"), { recursive: true });
    fs.mkdirSync(path.join(root, "runs"), { recursive: true });
    tmp = fs.mkdtempSync(path.join(root, "build", "nb-ui-"));
    const nbDir = path.join(tmp, "notebooks");
    fs.mkdirSync(nbDir);
    for (const nb of NOTEBOOKS) fs.copyFileSync(path.join(root, "notebooks", nb), path.join(nbDir, nb));
    // the notebooks import "merge-to-mix" (node_modules/merge-to-mix → the repository, its dist/ built by
    // npm run build) and write ../runs, ../data/models, as in notebooks/
    spawnSync("npm", ["run", "--silent", "build"], { cwd: root, encoding: "utf8" });
    assert.ok(fs.existsSync(path.join(root, "dist", "src", "index.js")), "npm run build made no dist/");
    if (!fs.existsSync(path.join(root, "node_modules", "merge-to-mix", "package.json")))
      fs.symlinkSync("..", path.join(root, "node_modules", "merge-to-mix"));
    fs.symlinkSync(path.join(root, "runs"), path.join(tmp, "runs"));
    fs.symlinkSync(path.join(root, "data"), path.join(tmp, "data"));
    const env = {
      ...process.env,
      JUPYTER_PATH: jupyterPath,
      JUPYTER_DATA_DIR: path.join(tmp, "jupyter-data"),
      JUPYTER_RUNTIME_DIR: path.join(tmp, "jupyter-runtime"),
      JUPYTER_CONFIG_DIR: path.join(tmp, "jupyter-config"),
    };
    // trusted, so its HTML/JS outputs run in the page (there is no `jupyter trust` in Debian's package)
    for (const nb of NOTEBOOKS) {
      const sign = spawnSync("/usr/bin/python3", ["-m", "nbformat.sign", path.join(nbDir, nb)], {
        env,
        encoding: "utf8",
      });
      assert.equal(sign.status, 0, `signing ${nb} failed: ${sign.stderr}`);
    }
    const port = await freePort();
    token = crypto.randomBytes(16).toString("hex");
    server = spawn(
      "jupyter",
      [
        "notebook",
        "--no-browser",
        "--ip=127.0.0.1",
        `--port=${port}`,
        "--port-retries=0",
        `--NotebookApp.token=${token}`,
        "--allow-root",
        `--notebook-dir=${nbDir}`,
      ],
      { cwd: nbDir, env, detached: true, stdio: ["ignore", "pipe", "pipe"] },
    );
    server.stdout!.on("data", (b) => {
      serverLog += String(b);
    });
    server.stderr!.on("data", (b) => {
      serverLog += String(b);
    });
    base = `http://127.0.0.1:${port}`;
    await waitFor("the notebook server", 60_000, async () => {
      if (server!.exitCode !== null) throw new Error(`jupyter notebook exited: ${serverLog.slice(-2000)}`);
      const r = await fetch(`${base}/api/status?token=${token}`);
      return r.ok ? true : undefined;
    }).catch((e) => {
      throw new Error(`${(e as Error).message}\n${serverLog.slice(-2000)}`);
    });
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS }); // a fresh profile per launch
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    if (server && server.exitCode === null) {
      // the server shuts its kernels down on /api/shutdown; kill the process group (ours) if it does not exit
      await fetch(`${base}/api/shutdown?token=${token}`, { method: "POST" }).catch(() => undefined);
      const exited = new Promise<void>((r) => server!.once("exit", () => r()));
      const killed = await Promise.race([
        exited.then(() => false),
        new Promise<boolean>((r) => setTimeout(() => r(true), 10_000)),
      ]);
      if (killed && server.pid) {
        try {
          process.kill(-server.pid, "SIGKILL");
        } catch {
          /* already gone */
        }
      }
    }
    if (tmp) {
      for (const l of ["runs", "data"]) fs.rmSync(path.join(tmp, l), { force: true });
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  for (const NOTEBOOK of NOTEBOOKS)
    it(
      `${NOTEBOOK}: runs every cell; figures render, tables show, nothing overflows the column, no errors`,
      { timeout: 20 * 60_000 },
      async () => {
        const SHOT = NOTEBOOK.replace(/\.ipynb$/, "");
        const t0 = Date.now();
        const page: Page = await browser!.newPage({ viewport: { width: 1280, height: 1000 } });
        const pageErrors: string[] = [];
        page.on("pageerror", (e) => pageErrors.push(String(e)));
        page.on("dialog", (d) => {
          pageErrors.push(`dialog: ${d.message()}`);
          void d.dismiss();
        });
        await page.goto(`${base}/notebooks/${NOTEBOOK}?token=${token}`);
        await page.waitForFunction(
          () => {
            const J = (globalThis as any).Jupyter;
            return !!(
              J &&
              J.notebook &&
              J.notebook._fully_loaded &&
              J.notebook.kernel &&
              J.notebook.kernel.is_connected()
            );
          },
          undefined,
          { timeout: 120_000 },
        );
        assert.equal(await page.evaluate(() => (globalThis as any).Jupyter.notebook.kernel.name), "tslab");
        assert.equal(
          await page.evaluate(() => (globalThis as any).Jupyter.notebook.trusted),
          true,
          "the signed copy is trusted",
        );
        await page.evaluate(() => (globalThis as any).Jupyter.notebook.execute_all_cells());
        // every code cell carries .running from the moment it is queued until its reply arrives
        await page.waitForFunction(
          () => (globalThis as any).document.querySelectorAll(".code_cell.running").length === 0,
          undefined,
          { timeout: 18 * 60_000, polling: 500 },
        );
        const ranFor = (Date.now() - t0) / 1000;
        // figures draw from their own scripts once plotly.js is there
        await page
          .waitForFunction(
            () => {
              const figs = Array.from(
                (globalThis as any).document.querySelectorAll(".output_area .m2m-figure"),
              ) as any[];
              return figs.length > 0 && figs.every((f) => f.querySelector(".main-svg"));
            },
            undefined,
            { timeout: 60_000 },
          )
          .catch(() => undefined);
        await page.waitForTimeout(500);

        const wide = await page.evaluate(measure, true);
        fs.mkdirSync(SHOTS, { recursive: true });
        await shoot(page, path.join(SHOTS, `notebook-ui-${SHOT}.png`));
        const problems = (r: PageReport, at: string): string[] => [
          ...r.errors.map((e) => `${at}: error output: ${e}`),
          ...r.stderr.flatMap((s) => errorLines(s).map((l) => `${at}: stderr: ${l}`)),
          ...r.overflow.map((o) => `${at}: overflow: ${o}`),
          ...r.figures
            .filter((f) => !f.svg || f.width <= 0 || f.height <= 0)
            .map((f, i) => `${at}: figure ${i} not rendered (${JSON.stringify(f)})`),
          ...(r.figures.length === 0 ? [`${at}: no Plotly figure`] : []),
          ...(r.tables === 0 ? [`${at}: no table`] : []),
          ...(r.cellsWithOutput < r.codeCells
            ? [`${at}: only ${r.cellsWithOutput} of ${r.codeCells} code cells have output`]
            : []),
        ];
        const found = problems(wide, "1280 px window");
        for (const f of wide.figures)
          assert.ok(
            f.width <= wide.outputWidth + 1,
            `figure ${f.width} px wider than the output column ${wide.outputWidth} px`,
          );

        // a narrower window: the figures must shrink with the column (no fixed width), tables stay inside
        await page.setViewportSize({ width: 820, height: 1000 });
        await page.waitForTimeout(1500); // Plotly's responsive resize is debounced
        const narrow = await page.evaluate(measure, false);
        await shoot(page, path.join(SHOTS, `notebook-ui-${SHOT}-narrow.png`));
        found.push(...problems(narrow, "820 px window"));
        assert.ok(
          narrow.outputWidth < wide.outputWidth,
          `the output column got narrower (${wide.outputWidth} → ${narrow.outputWidth} px)`,
        );
        for (const f of narrow.figures)
          assert.ok(
            f.width <= narrow.outputWidth + 1,
            `after resizing, a figure is ${f.width} px in a ${narrow.outputWidth} px column`,
          );
        if (NOTEBOOK.startsWith("00-")) found.push(...(await dragLambdaSlider(page)));
        found.push(...pageErrors.map((e) => `page error: ${e}`));
        assert.deepEqual(found, [], found.join("\n"));
        console.log(
          `# ${NOTEBOOK} in the Notebook UI: ran in ${ranFor.toFixed(1)} s; ${wide.figures.length} figures (${wide.figures.map((f) => `${f.width}×${f.height}`).join(", ")}), ` +
            `${wide.tables} tables, output column ${wide.outputWidth} px, then ${narrow.outputWidth} px`,
        );
        await page.close();
      },
    );
});
