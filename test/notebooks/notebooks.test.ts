// Executes every notebook headless (nbconvert + the project-local tslab kernel) into build/notebooks/ and
// checks what a reader would see: no error output, and the tables / figures / images / widgets each
// notebook promises. tslab reports type errors and exceptions as stderr *streams*, not `error` outputs,
// and nbconvert's CellExecutionError text is empty, so we run with --allow-errors and read the streams.
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { errorLines } from "./error-lines";

const root = path.resolve(__dirname, "..", "..");
const nbDir = path.join(root, "notebooks");
const outDir = path.join(root, "build", "notebooks");
const jupyterPath = path.join(root, ".jupyter", "share", "jupyter");

interface Output {
  output_type: string;
  name?: string;
  text?: string | string[];
  data?: Record<string, string | string[]>;
  ename?: string;
  evalue?: string;
}
interface Cell {
  cell_type: string;
  source: string | string[];
  outputs?: Output[];
}
interface Notebook {
  cells: Cell[];
  metadata: { kernelspec?: { name?: string; display_name?: string; language?: string } };
}

const join = (s: string | string[] | undefined): string => (Array.isArray(s) ? s.join("") : (s ?? ""));
const readNb = (file: string): Notebook => JSON.parse(fs.readFileSync(file, "utf8")) as Notebook;

/** What each notebook must show once executed: substrings of its HTML outputs and a minimum PNG count. */
const EXPECT: Record<string, { html: Array<[string, string]>; pngs?: number }> = {
  "00-merge-by-hand.ipynb": {
    html: [
      ["an HTML table", "<table"],
      ["a Plotly figure", "m2m-figure"],
      ["the progress bar", "m2m-progress"],
      ["the λ explorer", "m2m-lambda-explorer"],
      ["the task-vector heatmap", "Cosine similarity of task vectors"],
      ["the 2-D projection", "2-D PCA projection"],
      ["the merged-vs-real comparison", "Merged surrogate vs real mixture fine-tune"],
    ],
  },
  "01-quickstart.ipynb": {
    html: [
      ["an HTML table", "<table"],
      ["a Plotly figure", "m2m-figure"],
      ["the progress bar", "m2m-progress"],
    ],
  },
  "02-datasets.ipynb": { html: [["an HTML table", "<table"]], pngs: 8 },
  "03-vision-reproduction.ipynb": {
    html: [
      ["an HTML table", "<table"],
      ["a Plotly figure", "m2m-figure"],
      ["the mixture explorer", "m2m-mixture-explorer"],
      ["the correlation explorer", "m2m-correlation-explorer"],
      ["the claim lines", "claim 1 (merged tracks mixture, val loss r without singletons): "],
      ["the per-method claims table", "normalised regret"],
      ["error bars", '"error_y"'],
    ],
  },
  "04-text-reproduction.ipynb": {
    html: [
      ["an HTML table", "<table"],
      ["a Plotly figure", "m2m-figure"],
      ["the mixture explorer", "m2m-mixture-explorer"],
      ["the correlation explorer", "m2m-correlation-explorer"],
    ],
  },
  "05-similarity-baselines.ipynb": {
    html: [
      ["an HTML table", "<table"],
      ["a Plotly figure", "m2m-figure"],
    ],
  },
  "06-merge-operators.ipynb": {
    html: [
      ["an HTML table", "<table"],
      ["the weighted-mix explorer", "m2m-weighted-mix-explorer"],
    ],
  },
  "07-your-own-data.ipynb": {
    html: [
      ["an HTML table", "<table"],
      ["a Plotly figure", "m2m-figure"],
      ["the progress bar", "m2m-progress"],
      ["the top-mixtures table", "also picked by"],
    ],
  },
  "08-weighted-mixtures.ipynb": {
    html: [
      ["an HTML table", "<table"],
      ["a Plotly figure", "m2m-figure"],
      ["the progress bar", "m2m-progress"],
      ["the weighted-mix explorer", "m2m-weighted-mix-explorer"],
      ["the weighted lines", "weighted vs binary pick: "],
      ["the simplex figure", "scatterternary"],
      ["the search path", "search path"],
    ],
  },
};

export { errorLines };

/** The package's public entry points (package.json "exports"). */
const ENTRY_POINTS = [
  "merge-to-mix",
  "merge-to-mix/notebook",
  "merge-to-mix/report",
  "merge-to-mix/publish",
  "merge-to-mix/steps",
  "merge-to-mix/widgets",
];

/** Notebooks import the built package (dist/): build it (incremental, seconds when nothing changed) and link the name. */
function ensureBuiltPackage(): void {
  const r = spawnSync("npm", ["run", "--silent", "build"], { cwd: root, encoding: "utf8" });
  assert.ok(
    fs.existsSync(path.join(root, "dist", "src", "index.js")),
    `npm run build made no dist/: ${r.stdout}${r.stderr}`,
  );
  const link = path.join(root, "node_modules", "merge-to-mix");
  if (!fs.existsSync(path.join(link, "package.json"))) fs.symlinkSync("..", link);
}

const notebooks = fs
  .readdirSync(nbDir)
  .filter((f) => f.endsWith(".ipynb"))
  .sort();

describe("notebooks as committed", () => {
  it("are the nine notebooks the docs name", () => {
    assert.deepEqual(notebooks, Object.keys(EXPECT).sort());
  });
  for (const f of notebooks) {
    it(`${f}: tslab kernelspec, no outputs, markdown explaining the code`, () => {
      const nb = readNb(path.join(nbDir, f));
      assert.deepEqual(nb.metadata.kernelspec, { name: "tslab", display_name: "TypeScript", language: "typescript" });
      const withOutputs = nb.cells.filter((c) => c.cell_type === "code" && (c.outputs ?? []).length > 0).length;
      assert.equal(
        withOutputs,
        0,
        `${f} has ${withOutputs} code cells with outputs; clear them (jupyter nbconvert --clear-output --inplace)`,
      );
      assert.ok(
        nb.cells.filter((c) => c.cell_type === "markdown").length >= 3,
        `${f}: expected at least 3 markdown cells`,
      );
      // The library is imported as its users import it: by package name, through its public entry points
      // (node_modules/merge-to-mix → the repository, made by scripts/setup.sh; dist/ built by npm run build).
      for (const c of nb.cells) {
        for (const m of join(c.source).matchAll(/from "([^"]+)"/g)) {
          assert.ok(
            !m[1].startsWith("."),
            `${f} imports ${m[1]}: import the package by name ("merge-to-mix", "merge-to-mix/notebook", …), as a user's notebook does`,
          );
          if (m[1].startsWith("merge-to-mix"))
            assert.ok(
              ENTRY_POINTS.includes(m[1]),
              `${f} imports ${m[1]}, expected one of the package's entry points ${ENTRY_POINTS.join(", ")}`,
            );
        }
      }
    });
  }
  it("no symlinks into the sources under notebooks/ (the package name resolves through node_modules)", () => {
    for (const l of ["src", "widgets"])
      assert.ok(!fs.existsSync(path.join(nbDir, l)), `notebooks/${l} should not exist`);
    const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
      exports: Record<string, unknown>;
    };
    assert.deepEqual(
      Object.keys(pkg.exports)
        .filter((k) => k !== "./package.json")
        .map((k) => k.replace(/^\./, "merge-to-mix"))
        .sort(),
      [...ENTRY_POINTS].sort(),
    );
  });
});

describe("library code loads under tslab", () => {
  it('src/ and widgets/ import no folder (tslab resolves "./x" as x.ts only, not x/index.ts)', () => {
    const bad: string[] = [];
    const walk = (dir: string): void => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith(".ts")) {
          for (const m of fs.readFileSync(p, "utf8").matchAll(/from "(\.\.?\/[^"]*)"/g)) {
            const t = path.resolve(path.dirname(p), m[1]);
            if (fs.existsSync(t) && fs.statSync(t).isDirectory())
              bad.push(`${path.relative(root, p)}: "${m[1]}" → "${m[1]}/index"`);
          }
        }
      }
    };
    walk(path.join(root, "src"));
    walk(path.join(root, "widgets"));
    assert.deepEqual(bad, [], `folder imports break notebooks (Cannot find module):\n${bad.join("\n")}`);
  });
});

const hasJupyter = spawnSync("jupyter", ["nbconvert", "--version"], { encoding: "utf8" }).status === 0;

describe(
  "notebooks executed headless (nbconvert, tslab kernel)",
  { skip: hasJupyter ? false : "jupyter nbconvert is not installed (run scripts/setup.sh)" },
  () => {
    it("has the package built (dist/) and linked as node_modules/merge-to-mix", { timeout: 5 * 60_000 }, () => {
      ensureBuiltPackage();
      assert.equal(require.resolve("merge-to-mix", { paths: [nbDir] }), path.join(root, "dist", "src", "index.js"));
    });
    it("has the tslab kernel registered in .jupyter/", () => {
      if (!fs.existsSync(path.join(jupyterPath, "kernels", "tslab", "kernel.json"))) {
        const r = spawnSync("npm", ["run", "--silent", "kernel:install"], { cwd: root, encoding: "utf8" });
        assert.equal(r.status, 0, `npm run kernel:install failed: ${r.stderr}`);
      }
      assert.ok(fs.existsSync(path.join(jupyterPath, "kernels", "tslab", "kernel.json")));
    });
    for (const f of notebooks) {
      it(`${f} runs without errors and shows its outputs`, { timeout: 25 * 60_000 }, () => {
        fs.mkdirSync(outDir, { recursive: true });
        const t0 = Date.now();
        const r = spawnSync(
          "jupyter",
          [
            "nbconvert",
            "--to",
            "notebook",
            "--execute",
            "--allow-errors",
            "--ExecutePreprocessor.kernel_name=tslab",
            "--ExecutePreprocessor.timeout=1200",
            `--output-dir=${outDir}`,
            path.join(nbDir, f),
          ],
          { cwd: root, encoding: "utf8", env: { ...process.env, JUPYTER_PATH: jupyterPath }, timeout: 25 * 60_000 },
        );
        assert.equal(r.status, 0, `nbconvert failed on ${f}:\n${r.stderr.slice(-3000)}`);
        const nb = readNb(path.join(outDir, f));
        const problems: string[] = [];
        const html: string[] = [];
        let pngs = 0;
        nb.cells.forEach((c, i) => {
          for (const o of c.outputs ?? []) {
            if (o.output_type === "error") problems.push(`cell ${i}: ${o.ename}: ${o.evalue}`);
            if (o.output_type === "stream" && o.name === "stderr") {
              const lines = errorLines(join(o.text));
              if (lines.length) problems.push(`cell ${i} stderr:\n${lines.slice(0, 8).join("\n")}`);
            }
            if (o.data?.["text/html"]) html.push(join(o.data["text/html"]));
            if (o.data?.["image/png"]) pngs++;
          }
        });
        assert.deepEqual(problems, [], `${f} printed errors:\n${problems.join("\n")}`);
        // After an error tslab drops requests for 200 ms, so later cells come back empty: the last one must show something.
        const code = nb.cells.filter((c) => c.cell_type === "code");
        assert.ok((code[code.length - 1].outputs ?? []).length > 0, `${f}: the last code cell has no output`);
        const all = html.join("\n");
        for (const [what, marker] of EXPECT[f].html)
          assert.ok(all.includes(marker), `${f}: expected ${what} (HTML containing ${JSON.stringify(marker)})`);
        assert.ok(pngs >= (EXPECT[f].pngs ?? 0), `${f}: expected at least ${EXPECT[f].pngs} PNG images, got ${pngs}`);
        console.log(`# ${f}: ${((Date.now() - t0) / 1000).toFixed(1)} s, ${html.length} HTML outputs, ${pngs} PNGs`);
      });
    }
  },
);
