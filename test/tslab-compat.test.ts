// The library must compile under tslab's bundled TypeScript (5.0.4), which notebook cells use.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";

const root = path.resolve(__dirname, "..");

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? tsFiles(p) : e.name.endsWith(".ts") ? [p] : [];
  });
}

describe("tslab's TypeScript 5.0", () => {
  it("compiles src/ and widgets/ without errors", () => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const ts = require("@tslab/typescript-for-tslab") as typeof import("typescript");
    assert.match(ts.version, /^5\.0\./);
    const files = [...tsFiles(path.join(root, "src")), ...tsFiles(path.join(root, "widgets"))];
    // The options tslab's converter compiles cells with (node_modules/tslab/dist/converter.js): not strict,
    // ESNext modules, Node10 resolution, declarations on. (The project's tsc checks strict mode.)
    const program = ts.createProgram(files, {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.NodeJs,
      lib: ["lib.es2022.d.ts"],
      types: ["node"],
      esModuleInterop: true,
      skipLibCheck: true,
      declaration: true,
      emitDeclarationOnly: true,
      experimentalDecorators: true,
      resolveJsonModule: true,
      typeRoots: [path.join(root, "node_modules", "@types")],
    });
    const diags = ts.getPreEmitDiagnostics(program).filter((d) => d.file && !d.file.fileName.includes("node_modules"));
    const text = diags
      .slice(0, 20)
      .map((d) => `${path.relative(root, d.file!.fileName)}:${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`)
      .join("\n");
    assert.equal(diags.length, 0, text);
  });
});
