/**
 * The setup files must agree with each other: environment.yml (conda, documentation for non-Debian users)
 * with scripts/setup.sh (apt + npm, what our machines and CI run), package.json with the pins of
 * shared/notes/stack.md, .ci/run with the README's commands.
 */
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";

const ROOT = path.resolve(__dirname, "..", "..");
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), "utf8");

/** The Debian packages scripts/setup.sh installs, from its APT_PACKAGES=( … ) array. */
function aptPackages(script: string): string[] {
  const m = /^APT_PACKAGES=\(([^)]*)\)/m.exec(script);
  if (!m) throw new Error("scripts/setup.sh has no APT_PACKAGES=( … ) array");
  return m[1].split(/\s+/).filter(Boolean);
}

/** environment.yml's dependencies as name → version ("" when unpinned). */
function condaDependencies(text: string): Map<string, string> {
  const doc = parse(text) as { dependencies?: unknown[] };
  if (!doc || !Array.isArray(doc.dependencies)) throw new Error("environment.yml has no dependencies list");
  return new Map(
    doc.dependencies.map((d) => {
      if (typeof d !== "string")
        throw new Error(`environment.yml: unexpected dependency ${JSON.stringify(d)} (pip sections are not used)`);
      const [name, version = ""] = d.split(/\s*[=<>]+\s*/);
      return [name.trim(), version.trim()] as const;
    }),
  );
}

/**
 * Every Debian package of setup.sh, and where the conda environment gets it: a conda package name, "implied"
 * (a dependency of one listed), or "documented" (not on conda; environment.yml's comments must name it).
 * A package added to setup.sh without an entry here fails the test: update environment.yml and this table.
 */
const APT_TO_CONDA: Record<string, string> = {
  "jupyter-core": "implied", // jupyter_core comes with notebook
  "jupyter-client": "jupyter_client",
  "jupyter-nbconvert": "nbconvert",
  "python3-nbclient": "nbclient",
  "jupyter-notebook": "notebook",
  "python3-ipykernel": "ipykernel",
  chromium: "documented",
  "fonts-dejavu-core": "implied", // fonts for Chromium's PNG figures; any conda/desktop font works
  "dataset-fashion-mnist": "documented",
  fortunes: "documented",
  "redis-server": "redis", // conda-forge's redis package is the server
};

test("environment.yml lists the Jupyter pieces scripts/setup.sh installs, and nothing setup.sh lacks", () => {
  const apt = aptPackages(read("scripts/setup.sh"));
  const env = read("environment.yml");
  const deps = condaDependencies(env);
  for (const name of ["notebook", "nbconvert", "nbclient", "ipykernel", "python", "nodejs"]) {
    assert.ok(deps.has(name), `environment.yml should list ${name}; it lists ${[...deps.keys()].join(", ")}`);
  }
  const unmapped = apt.filter((p) => !(p in APT_TO_CONDA));
  assert.deepEqual(unmapped, [], "scripts/setup.sh installs Debian packages environment.yml does not account for");
  for (const p of apt) {
    const conda = APT_TO_CONDA[p];
    if (conda === "documented")
      assert.ok(env.includes(p), `environment.yml's comments should say where ${p} comes from`);
    else if (conda !== "implied")
      assert.ok(deps.has(conda), `setup.sh installs ${p}, so environment.yml should list ${conda}`);
  }
  // the other direction: every conda package maps back to setup.sh (python and node come with the machine)
  const fromApt = new Set(apt.map((p) => APT_TO_CONDA[p]));
  for (const name of deps.keys()) {
    if (name === "python" || name === "nodejs") continue;
    assert.ok(fromApt.has(name), `environment.yml lists ${name}, which scripts/setup.sh does not install`);
  }
  // setup.sh must really install from the array, not a second hard-coded list
  assert.match(read("scripts/setup.sh"), /"\$\{APT_PACKAGES\[@\]\}"/);
});

test("environment.yml's versions agree with the Debian/npm environment", () => {
  const deps = condaDependencies(read("environment.yml"));
  const pkg = JSON.parse(read("package.json"));
  assert.equal(deps.get("python")!.split(".").slice(0, 2).join("."), "3.11", "Debian 12's /usr/bin/python3 is 3.11");
  assert.equal(deps.get("notebook")!.split(".")[0], "6", "tslab outputs are tested in the classic Notebook 6");
  const nodeMajor = Number(deps.get("nodejs")!.split(".")[0]);
  const engines: string = pkg.engines.node;
  const majors = [...engines.matchAll(/>=(\d+)/g)].map((m) => Number(m[1]));
  assert.ok(
    majors.includes(nodeMajor),
    `environment.yml's nodejs=${nodeMajor} should be a major allowed by engines.node "${engines}"`,
  );
});

test("package.json pins the stack of shared/notes/stack.md", () => {
  const pkg = JSON.parse(read("package.json"));
  const deps = { ...pkg.dependencies, ...pkg.devDependencies } as Record<string, string>;
  assert.equal(deps["@tensorflow/tfjs"], "4.22.0");
  assert.equal(deps["@tensorflow/tfjs-backend-wasm"], "4.22.0");
  assert.match(deps["better-sqlite3"], /^[~^]?12\.\d+\.\d+$/);
  assert.match(deps["typescript"], /^~5\.9(\.\d+)?$/, "typescript must stay on ~5.9 (latest is 7.x)");
  // tfjs-node cannot be installed here: a local shim, as a direct file: dependency + a "$" override
  assert.equal(deps["@tensorflow/tfjs-node"], "file:./shims/tfjs-node");
  assert.deepEqual(pkg.overrides, {
    "@uwdata/flechette": "2.6.0", // arquero 8.0.3 + flechette 2.7.0 → E404
    xlsx: "0.18.5", // danfojs-node's CDN tarball is unreachable
    "@tensorflow/tfjs-node": "$@tensorflow/tfjs-node",
  });
  assert.equal(pkg.scripts.setup, "bash scripts/setup.sh");
  for (const s of ["start", "test", "bench:select"])
    assert.equal(typeof pkg.scripts[s], "string", `package.json should define npm run ${s}`);
});

test("installed packages match the pins", () => {
  const version = (name: string) =>
    JSON.parse(fs.readFileSync(require.resolve(`${name}/package.json`, { paths: [ROOT] }), "utf8")).version;
  assert.equal(version("@tensorflow/tfjs"), "4.22.0");
  assert.equal(version("@tensorflow/tfjs-backend-wasm"), "4.22.0");
  assert.match(version("better-sqlite3"), /^12\./);
  assert.match(version("typescript"), /^5\.9\./);
  const flechette = path.join(ROOT, "node_modules", "@uwdata", "flechette", "package.json");
  assert.equal(JSON.parse(fs.readFileSync(flechette, "utf8")).version, "2.6.0");
  // the shim is the one tfjs, not a second engine
  const shim = fs.realpathSync(path.dirname(require.resolve("@tensorflow/tfjs-node/package.json", { paths: [ROOT] })));
  assert.equal(shim, fs.realpathSync(path.join(ROOT, "shims", "tfjs-node")));
});

test(".ci/run sets up from the project's own files, then runs npm test", () => {
  const lines = read(".ci/run")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));
  assert.ok(
    lines.some((l) => /^set -[a-z]*e/.test(l)),
    ".ci/run should stop at the first failure (set -e)",
  );
  const setup = lines.findIndex((l) => /^(bash )?(\.\/)?scripts\/setup\.sh\b/.test(l) || l === "npm run setup");
  const npmTest = lines.findIndex((l) => l === "npm test");
  assert.ok(setup >= 0, ".ci/run should call scripts/setup.sh");
  assert.ok(npmTest >= 0, ".ci/run should call npm test");
  assert.ok(setup < npmTest, ".ci/run should set up before testing");
});

test("README.md opens with `npm run setup && npm start` and `npm test`", (t) => {
  const file = path.join(ROOT, "README.md");
  if (!fs.existsSync(file)) {
    t.skip("README.md is not written yet");
    return;
  }
  const text = fs.readFileSync(file, "utf8");
  const block = /^```[a-z]*\n([\s\S]*?)^```/m.exec(text);
  assert.ok(block, "README.md should have a fenced code block");
  const before = text.slice(0, block.index).split("\n").length;
  assert.ok(before <= 40, `README.md's first code block should be near the top (it starts on line ${before})`);
  const commands = block[1]
    .split("\n")
    .map((l) => l.replace(/\s+#.*$/, "").trim())
    .filter((l) => l && !l.startsWith("#"));
  assert.deepEqual(commands.slice(0, 2), ["npm run setup && npm start", "npm test"]);
});
