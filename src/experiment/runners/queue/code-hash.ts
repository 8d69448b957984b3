import * as fs from "node:fs";
import * as path from "node:path";
import { sha256Hex } from "../../../util/sha256";

/** The sources a fine-tune's numbers depend on (besides its data and θ0), relative to src/. */
const TRAINING_SOURCES = ["model", "params", "util", `experiment/finetune-job${path.extname(__filename)}`];
/** Packages whose versions change the numbers. */
const TRAINING_PACKAGES = ["@tensorflow/tfjs-core", "@tensorflow/tfjs-backend-cpu", "@tensorflow/tfjs-backend-wasm"];

let cached: string | undefined;

/**
 * A fingerprint of the code that trains (src/model, src/params, src/util, the fine-tune job) and of
 * the tfjs packages: a worker whose fingerprint differs from the coordinator's would give other numbers,
 * so it refuses the job. Computed once per process.
 *
 * @example
 * trainingCodeHash();   // "3f9a…" (64 hex digits)
 */
export function trainingCodeHash(): string {
  if (cached) return cached;
  const src = path.join(__dirname, "..", "..", "..");
  const files: string[] = [];
  const walk = (p: string) => {
    const st = fs.statSync(p);
    if (st.isDirectory()) for (const f of fs.readdirSync(p).sort()) walk(path.join(p, f));
    else if (!/\.(map|d\.ts)$/.test(p)) files.push(p); // sources (or built .js) and any kernel binaries beside them
  };
  for (const s of TRAINING_SOURCES) walk(path.join(src, s));
  const parts = files.map(
    (f) => `${path.relative(src, f).split(path.sep).join("/")}\n${sha256Hex(fs.readFileSync(f))}`,
  );
  for (const p of TRAINING_PACKAGES) {
    let v = "absent";
    try {
      v = (JSON.parse(fs.readFileSync(require.resolve(`${p}/package.json`), "utf8")) as { version: string }).version;
    } catch {
      /* not installed */
    }
    parts.push(`${p}@${v}`);
  }
  return (cached = sha256Hex(parts.join("\n")));
}
