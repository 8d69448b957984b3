/**
 * Arrows point down: every relative import in src/ and widgets/ goes to the same layer or one below it, in the
 * order of docs/architecture.md's layer table — and there are no import cycles between files.
 */
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..", "..");
/** docs/architecture.md, top to bottom. */
const LAYERS = [
  "util",
  "data",
  "params",
  "merge",
  "model",
  "evaluate",
  "select",
  "results",
  "experiment",
  "report",
  "widgets",
  "publish",
  "notebook",
  "steps",
  "cli",
];

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? tsFiles(p) : e.name.endsWith(".ts") ? [p] : [];
  });
}

/** The layer of a file: widgets/ is one, src/<folder>/ is one; src/index.ts belongs to none. */
function layerOf(file: string): string | undefined {
  const parts = path.relative(ROOT, file).split(path.sep);
  if (parts[0] === "widgets") return "widgets";
  return parts[0] === "src" && parts.length > 2 ? parts[1] : undefined;
}

/** The files a file imports or re-exports by relative path. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  return [...text.matchAll(/(?:import|export)\s[^;]*?from\s+"(\.[^"]+)"/gs)].flatMap((m) => {
    const base = path.resolve(path.dirname(file), m[1]);
    const hit = [`${base}.ts`, path.join(base, "index.ts")].find((c) => fs.existsSync(c));
    return hit ? [hit] : [];
  });
}

const FILES = [...tsFiles(path.join(ROOT, "src")), ...tsFiles(path.join(ROOT, "widgets"))];
const GRAPH = new Map(FILES.map((f) => [f, importsOf(f)]));

test("every layer of src/ and widgets/ is in the layer table", () => {
  const unknown = [...new Set(FILES.map(layerOf).filter((l) => l !== undefined && !LAYERS.includes(l)))];
  assert.deepEqual(unknown, [], `folders missing from the layer order (docs/architecture.md): ${unknown.join(", ")}`);
});

test("no import points up the layer table", () => {
  const up: string[] = [];
  for (const [file, deps] of GRAPH) {
    const from = layerOf(file);
    if (!from) continue;
    for (const dep of deps) {
      const to = layerOf(dep);
      if (to && LAYERS.indexOf(to) > LAYERS.indexOf(from))
        up.push(`${path.relative(ROOT, file)} (${from}) → ${path.relative(ROOT, dep)} (${to})`);
    }
  }
  assert.deepEqual(up, []);
});

test("no import cycles between files", () => {
  // depth-first search with colours: reaching a grey file again closes a cycle
  const colour = new Map<string, "grey" | "black">();
  const cycles: string[] = [];
  const stack: string[] = [];
  const visit = (f: string): void => {
    colour.set(f, "grey");
    stack.push(f);
    for (const d of GRAPH.get(f) ?? []) {
      if (colour.get(d) === "grey")
        cycles.push([...stack.slice(stack.indexOf(d)), d].map((x) => path.relative(ROOT, x)).join(" → "));
      else if (!colour.has(d)) visit(d);
    }
    stack.pop();
    colour.set(f, "black");
  };
  for (const f of FILES) if (!colour.has(f)) visit(f);
  assert.deepEqual(cycles, []);
});
