import * as fs from "fs";
import * as path from "path";
import { hasGroundTruth, RunResults } from "./results";
import { CorruptFileError, MergeToMixError } from "../util/errors";
import { checkResultsChecksum, checkRunResults, RESULTS_CHECKSUM_FILE } from "./check-results";

/** A run folder without finished results: the message says what is missing and how to finish it. */
export class IncompleteRunError extends MergeToMixError {
  constructor(
    readonly runDir: string,
    readonly missing: string,
    readonly resumeCommand: string,
  ) {
    super(`${runDir}: ${missing}; finish the run with \`${resumeCommand}\` (it resumes where it stopped)`);
  }
}

function resumeCommand(runDir: string, results?: Partial<RunResults>): string {
  const spec = (results?.spec ?? {}) as Record<string, unknown>;
  const suite =
    typeof results?.suite === "string" ? results.suite : typeof spec.suite === "string" ? spec.suite : "SUITE";
  const preset = typeof spec.preset === "string" ? ` --preset ${spec.preset}` : "";
  return `merge-to-mix run --suite ${suite}${preset} --out ${runDir}`;
}

/**
 * Read `runDir/results.json` (RunResults), checked against the sha256 the run recorded beside it (when
 * present) and against its types. With `requireComplete` (default true) an unfinished run is
 * an IncompleteRunError naming what is missing (mixtures without ground truth, targets without selections).
 *
 * @example
 * const results = readRunResults("runs/quick-vision8");
 */
export function readRunResults(runDir: string, options: { requireComplete?: boolean } = {}): RunResults {
  const file = path.join(runDir, "results.json");
  if (!fs.existsSync(runDir))
    throw new IncompleteRunError(runDir, "the run folder does not exist", resumeCommand(runDir));
  if (!fs.existsSync(file))
    throw new IncompleteRunError(
      runDir,
      "results.json is missing (the run has not written results yet)",
      resumeCommand(runDir),
    );
  const bytes = fs.readFileSync(file);
  const sidecar = path.join(runDir, RESULTS_CHECKSUM_FILE);
  if (fs.existsSync(sidecar)) checkResultsChecksum(bytes, fs.readFileSync(sidecar, "utf8"), file);
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString("utf8"));
  } catch (e) {
    throw new CorruptFileError(file, "not valid JSON", { cause: e });
  }
  const r = parsed as RunResults;
  if (!r || typeof r !== "object" || r.version !== 1)
    throw new CorruptFileError(
      file,
      `expected RunResults version 1, got version ${JSON.stringify((r as { version?: unknown })?.version)}`,
    );
  checkRunResults(r, file); // every number a number before a table shows "–" for it
  if (!r.tasks || typeof r.tasks !== "object") r.tasks = {};
  // A run without a ground truth is finished once its merged scores are in (older files said complete: false).
  const finished = r.complete || (!hasGroundTruth(r) && r.selections.length > 0);
  if (options.requireComplete !== false && !finished) {
    const noTruth = r.mixtures.filter((m) => m.true_val_acc === null || m.true_test_acc === null).length;
    const noSel = r.targets.filter((t) => !r.selections.some((s) => s.target === t));
    const parts = [`the run is not complete (results.json has complete: false)`];
    if (noTruth > 0) parts.push(`${noTruth} of ${r.mixtures.length} mixture rows have no mixture fine-tune yet`);
    if (noSel.length > 0) parts.push(`no selections for ${noSel.join(", ")}`);
    throw new IncompleteRunError(runDir, parts.join("; "), resumeCommand(runDir, r));
  }
  return r;
}
