// The evidence for the default shortlist strategy, on VALIDATION truth only: a run's verify frontier judged
// by the seed-averaged validation accuracy of the mixture fine-tunes (never test).
// Usage: npx tsx scripts/verify-evidence.ts RUN_DIR [RUN_DIR …]
import { readRunResults } from "../src/results/read-results";
import { formatVerifyFrontier } from "../src/results/text/verify-text";
import { verifyFrontier } from "../src/results/verify-frontier";

for (const dir of process.argv.slice(2)) {
  const r = readRunResults(dir);
  const f = verifyFrontier(r, { judge: "val" });
  console.log(`${dir}: ${r.suite}, ${r.seeds.length} seed(s), ${r.targets.length} targets`);
  if (!f) { console.log("  no ground truth"); continue; }
  for (const line of formatVerifyFrontier(f)) if (/^(Verify|verify curve merge-to-mix|verify curve (cosine|l2|random)|paired)/.test(line)) console.log(line);
}
