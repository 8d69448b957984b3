// Installs merge-to-mix as a user would and uses it from outside the repository: npm pack → a fresh temp
// folder → npm ci of the tarball (offline, from the npm cache `npm ci` filled: the folder gets a lock built from
// this repository's, so the versions are the ones CI tested; with no cache it falls back to the registry) →
// (a) node requires the package and runs a tiny selectMixture on the synthetic suite, with the cache folder
// chosen by MERGE_TO_MIX_CACHE; (b) a tslab notebook in that folder imports "merge-to-mix" and
// "merge-to-mix/notebook", runs headless through nbconvert and shows a table and a Plotly figure;
// (c) tsc --noEmit on a small .ts file there resolves the package's types (subpaths included); (d) npx merge-to-mix.
import { strict as assert } from "node:assert";
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import { errorLines } from "../notebooks/error-lines";

const root = path.resolve(__dirname, "..", "..");
const jupyterPath = path.join(root, ".jupyter", "share", "jupyter");
const hasJupyter = spawnSync("jupyter", ["nbconvert", "--version"], { encoding: "utf8" }).status === 0;

function sh(cmd: string, args: string[], opts: SpawnSyncOptions = {}): string {
  const r = spawnSync(cmd, args, { encoding: "utf8", timeout: 15 * 60_000, ...opts });
  assert.equal(
    r.status,
    0,
    `${cmd} ${args.join(" ")} failed (status ${r.status}):\n${String(r.stdout).slice(-2000)}\n${String(r.stderr).slice(-3000)}`,
  );
  return String(r.stdout);
}

/** A package.json + package-lock.json for `user` that install `tgz` with this repository's locked production tree. */
function writeUserProject(user: string, tgz: string): void {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
  const lock = JSON.parse(fs.readFileSync(path.join(root, "package-lock.json"), "utf8"));
  const spec = `file:${tgz}`;
  const integrity = "sha512-" + crypto.createHash("sha512").update(fs.readFileSync(tgz)).digest("base64");
  const packages: Record<string, unknown> = {
    "": { name: "user-project", version: "1.0.0", dependencies: { "merge-to-mix": spec } },
    "node_modules/merge-to-mix": {
      version: pkg.version,
      resolved: spec,
      integrity,
      license: pkg.license,
      dependencies: pkg.dependencies,
      peerDependencies: pkg.peerDependencies,
      peerDependenciesMeta: pkg.peerDependenciesMeta,
      bin: pkg.bin,
      engines: pkg.engines,
    },
  };
  for (const [k, v] of Object.entries(lock.packages as Record<string, { dev?: boolean; link?: boolean }>)) {
    if (k.startsWith("node_modules/") && !v.dev && !v.link) packages[k] = v;
  }
  fs.writeFileSync(
    path.join(user, "package.json"),
    JSON.stringify(
      { name: "user-project", version: "1.0.0", private: true, dependencies: { "merge-to-mix": spec } },
      null,
      2,
    ),
  );
  fs.writeFileSync(
    path.join(user, "package-lock.json"),
    JSON.stringify({ name: "user-project", version: "1.0.0", lockfileVersion: 3, requires: true, packages }, null, 2),
  );
}

/**
 * better-sqlite3 has no prebuilt binary offline, and compiling it takes minutes on CI's 2 cores: offer the
 * binary this checkout's `npm ci` compiled from the same version's sources as a local prebuild (prebuild-install's
 * own `npm_config_<package>_local_prebuilds` mechanism). Without one, the install compiles as a user's would.
 */
function localSqlitePrebuild(work: string): Record<string, string> {
  const pkgDir = path.join(root, "node_modules", "better-sqlite3");
  const binary = path.join(pkgDir, "build", "Release", "better_sqlite3.node");
  if (!fs.existsSync(binary)) return {};
  const version = JSON.parse(fs.readFileSync(path.join(pkgDir, "package.json"), "utf8")).version as string;
  const dir = path.join(work, "prebuilds");
  fs.mkdirSync(dir, { recursive: true });
  const name = `better-sqlite3-v${version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`;
  sh("tar", ["-czf", path.join(dir, name), "-C", pkgDir, "build/Release/better_sqlite3.node"]);
  return { npm_config_better_sqlite3_local_prebuilds: dir };
}

const NOTEBOOK_CELLS = [
  `import { registerSyntheticSuite, loadSuite } from "merge-to-mix";
import { initPlotly, showTable, showFigure } from "merge-to-mix/notebook";
registerSyntheticSuite();
const suite = await loadSuite("synthetic", { seed: 0 });
initPlotly();`,
  `showTable(suite.tasks.map((t) => ({ task: t.name, classes: t.classes.length, train: t.splits.train.n })));`,
  `showFigure({ data: [{ type: "bar", x: suite.tasks.map((t) => t.name), y: suite.tasks.map((t) => t.splits.train.n) }],
  layout: { title: { text: "Training examples per task" }, xaxis: { title: { text: "task" } }, yaxis: { title: { text: "examples" } } } });`,
];

const TYPES_CHECK = `import { selectMixture, registerSyntheticSuite, type SelectOptions } from "merge-to-mix";
import { showTable, type TableLike } from "merge-to-mix/notebook";
import { mixtureExplorer } from "merge-to-mix/widgets";
import type { Figure } from "merge-to-mix/report";
const opts: SelectOptions = { suite: registerSyntheticSuite(), target: "target", out: "run" };
const rows: TableLike = [{ a: 1 }];
const fig: Figure = { data: [], layout: {} };
export const used = [selectMixture, showTable, mixtureExplorer, opts, rows, fig];
// @ts-expect-error: a misspelt option must not type-check (the types are real, not any)
export const bad: SelectOptions = { suite: "synthetic", target: "target", out: "run", epochz: 1 };
`;

describe("merge-to-mix installed like a user (npm pack → npm ci in a fresh folder)", { timeout: 20 * 60_000 }, () => {
  let work = "",
    user = "",
    cache = "";
  before(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), "m2m-install-"));
    user = path.join(work, "project");
    cache = path.join(work, "cache");
    fs.mkdirSync(user);
    const t0 = Date.now();
    sh("npm", ["run", "--silent", "build"], { cwd: root });
    const tgzName = sh("npm", ["pack", "--silent", "--ignore-scripts", "--pack-destination", work], { cwd: root })
      .trim()
      .split("\n")
      .pop()!;
    const tgz = path.join(work, tgzName);
    writeUserProject(user, tgz);
    const t1 = Date.now();
    const env = { ...process.env, JOBS: "max", ...localSqlitePrebuild(work) };
    const offline = spawnSync("npm", ["ci", "--offline", "--no-audit", "--no-fund", "--loglevel=error"], {
      cwd: user,
      encoding: "utf8",
      env,
      timeout: 15 * 60_000,
    });
    if (offline.status !== 0) {
      console.log(
        `# offline install failed (${offline.stderr.trim().split("\n").slice(-2).join(" ")}); installing from the registry`,
      );
      fs.rmSync(path.join(user, "node_modules"), { recursive: true, force: true });
      sh("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: user, env });
    }
    console.log(
      `# build + pack ${((t1 - t0) / 1000).toFixed(1)} s, install ${((Date.now() - t1) / 1000).toFixed(1)} s`,
    );
  });
  after(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it("ships dist/ and the data manifest, not the sources, the tests or a cache", () => {
    const pkg = path.join(user, "node_modules", "merge-to-mix");
    assert.ok(fs.existsSync(path.join(pkg, "dist", "src", "index.js")));
    assert.ok(fs.existsSync(path.join(pkg, "dist", "src", "index.d.ts")));
    assert.ok(fs.existsSync(path.join(pkg, "data", "manifest.json")));
    for (const absent of [
      "src",
      "test",
      "notebooks",
      path.join("data", "cache"),
      path.join("data", "models"),
      path.join("data", "raw"),
    ]) {
      assert.ok(!fs.existsSync(path.join(pkg, absent)), `the package must not contain ${absent}`);
    }
  });

  it("(a) node requires it and runs a tiny selectMixture; caches go to MERGE_TO_MIX_CACHE", () => {
    const script = `
      const m = require("merge-to-mix");
      m.registerSyntheticSuite();
      m.selectMixture({ suite: "synthetic", target: "target", hidden: [16], backend: "cpu", workers: 2, out: "run",
        recipe: { optimizer: "adam", learningRate: 1e-2, batchSize: 32, epochs: 2 } })
        .then((r) => console.log("RESULT " + JSON.stringify({ members: r.recommended.members, cache: m.cacheDir() })),
              (e) => { console.error(e); process.exit(1); });`;
    const out = sh(process.execPath, ["-e", script], { cwd: user, env: { ...process.env, MERGE_TO_MIX_CACHE: cache } });
    const r = JSON.parse(
      out
        .split("\n")
        .find((l) => l.startsWith("RESULT "))!
        .slice(7),
    ) as { members: string[]; cache: string };
    assert.ok(
      Array.isArray(r.members) && r.members.length > 0,
      `a recommended mixture, got ${JSON.stringify(r.members)}`,
    );
    assert.equal(r.cache, cache);
    assert.ok(
      fs.readdirSync(path.join(cache, "models")).some((f) => f.endsWith(".safetensors")),
      "θ0 cached under the chosen cache folder",
    );
    assert.ok(
      !fs.existsSync(path.join(user, "node_modules", "merge-to-mix", "data", "models")),
      "nothing written inside the package",
    );
    assert.ok(fs.existsSync(path.join(user, "run", "selection.json")));
  });

  it("(d) npx merge-to-mix runs the installed CLI (dist), --cache included", () => {
    const v = sh("npx", ["--no-install", "merge-to-mix", "--version"], { cwd: user }).trim();
    assert.equal(v, JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).version);
    const bad = spawnSync("npx", ["--no-install", "merge-to-mix", "suites", "--cache", "/proc/m2m"], {
      cwd: user,
      encoding: "utf8",
    });
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /CacheFolderError: cache folder "\/proc\/m2m"/);
  });

  it("(c) tsc --noEmit resolves the package's types, subpaths included", () => {
    fs.writeFileSync(path.join(user, "check.ts"), TYPES_CHECK);
    fs.writeFileSync(
      path.join(user, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          target: "ES2022",
          module: "commonjs",
          strict: true,
          esModuleInterop: true,
          skipLibCheck: true,
          noEmit: true,
          types: [],
        },
        files: ["check.ts"],
      }),
    );
    sh(path.join(root, "node_modules", ".bin", "tsc"), ["-p", "tsconfig.json"], { cwd: user });
  });

  it(
    "(b) a tslab notebook in that folder imports merge-to-mix and merge-to-mix/notebook, shows a table and a figure",
    { skip: hasJupyter ? false : "jupyter nbconvert is not installed (run scripts/setup.sh)" },
    () => {
      const nb = {
        cells: NOTEBOOK_CELLS.map((src, i) => ({
          cell_type: "code",
          id: `c${i}`,
          execution_count: null,
          metadata: {},
          outputs: [],
          source: src,
        })),
        metadata: { kernelspec: { name: "tslab", display_name: "TypeScript", language: "typescript" } },
        nbformat: 4,
        nbformat_minor: 5,
      };
      fs.writeFileSync(path.join(user, "mine.ipynb"), JSON.stringify(nb, null, 1));
      sh(
        "jupyter",
        [
          "nbconvert",
          "--to",
          "notebook",
          "--execute",
          "--allow-errors",
          "--ExecutePreprocessor.kernel_name=tslab",
          "--ExecutePreprocessor.timeout=600",
          "--output=mine.out.ipynb",
          "mine.ipynb",
        ],
        { cwd: user, env: { ...process.env, JUPYTER_PATH: jupyterPath, MERGE_TO_MIX_CACHE: cache } },
      );
      const done = JSON.parse(fs.readFileSync(path.join(user, "mine.out.ipynb"), "utf8")) as {
        cells: Array<{
          outputs: Array<{
            output_type: string;
            name?: string;
            text?: string | string[];
            data?: Record<string, string | string[]>;
          }>;
        }>;
      };
      const join = (s: string | string[] | undefined) => (Array.isArray(s) ? s.join("") : (s ?? ""));
      const problems: string[] = [],
        html: string[] = [];
      done.cells.forEach((c, i) => {
        for (const o of c.outputs) {
          if (o.output_type === "error") problems.push(`cell ${i}: error`);
          if (o.output_type === "stream" && o.name === "stderr")
            problems.push(...errorLines(join(o.text)).map((l) => `cell ${i}: ${l}`));
          if (o.data?.["text/html"]) html.push(join(o.data["text/html"]));
        }
      });
      assert.deepEqual(problems, []);
      assert.ok(
        html.some((h) => h.includes("<table") && h.includes("target")),
        "an HTML table of the tasks",
      );
      assert.ok(
        html.some((h) => h.includes("m2m-figure") && h.includes("Training examples per task")),
        "a Plotly figure",
      );
    },
  );
});
