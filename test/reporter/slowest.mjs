// A node:test reporter that prints only the slowest tests, after the run: used beside the tap reporter by
// `npm test` (`--test-reporter=tap … --test-reporter=./test/reporter/slowest.mjs`), so the usual closing
// summary ("# tests N", "# pass N", "# fail N") stays as it is and this list follows it.
// Leaf tests only (a test with subtests, a suite or a whole file would repeat its children's time).
// SLOWEST_TESTS=N changes how many are listed (default 10).
import * as path from "node:path";

const COUNT = Number(process.env.SLOWEST_TESTS ?? 10);

/** @param {AsyncIterable<{ type: string, data: any }>} source */
export default async function* slowest(source) {
  const tests = [];
  let lastNesting = -1;
  for await (const event of source) {
    if (event.type !== "test:pass" && event.type !== "test:fail") continue;
    const d = event.data;
    // children finish before their parent: a test reported right after a deeper one has subtests
    const parent = lastNesting > d.nesting;
    lastNesting = d.nesting;
    if (parent || d.details?.type === "suite") continue;
    const file = d.file ? path.relative(process.cwd(), d.file) : "";
    if (d.nesting === 0 && d.file && path.resolve(d.name) === d.file) continue; // a file's own wrapper
    tests.push({ ms: Number(d.details?.duration_ms ?? 0), name: d.name, file, failed: event.type === "test:fail" });
  }
  tests.sort((a, b) => b.ms - a.ms);
  const top = tests.slice(0, COUNT);
  if (top.length === 0) return;
  let out = `# slowest ${top.length} of ${tests.length} tests\n`;
  for (const t of top)
    out += `#   ${(t.ms / 1000).toFixed(1).padStart(7)} s  ${t.file ? `${t.file} › ` : ""}${t.name}${t.failed ? " (failed)" : ""}\n`;
  yield out;
}
