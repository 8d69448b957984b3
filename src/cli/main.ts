#!/usr/bin/env node
// merge-to-mix command line: run | data | suites | report | help.
import "../data/synthetic/suite";
import { buildData, verifyData } from "../data/build-data";
import { describeSuites } from "../data/suites";
import { checkPreset } from "../data/presets";
import { terminalProgress } from "../experiment/progress-bar";
import { runExperiment } from "../experiment/run";
import { baseVsScratch } from "../experiment/base-check";
import { pretrainedEncoder } from "../experiment/base-model";
import { resolveSpec } from "../experiment/spec";
import { loadSuite } from "../data/suites";
import { initBackend } from "../model/backend";
import type { SelectionScore } from "../experiment/spec";
import type { BackendChoice } from "../model/backend";
import type { HeadRule } from "../model/spec";
import { formatSummary } from "../experiment/summary";
import { MergeToMixError } from "../util/errors";
import { checkOptions, intOption, listOption, parseArgs, stringOption, type ParsedArgs } from "./args";

const HELP = `merge-to-mix — choose fine-tuning data mixtures by model merging (arXiv 2505.16066)

Usage:
  merge-to-mix run --suite vision8|text8|synthetic [--targets a,b] [--preset quick|full] [--seeds n] --out runs/NAME
                   [--head-rule shared|frozen|refit] [--score loss|accuracy] [--epochs n] [--workers n]
                   [--backend auto|wasm|cpu|tensorflow|tensorflow-gpu] [--candidates a,b,c] [--no-ground-truth]
                   [--overwrite]
      Leave-one-out Merge to Mix: fine-tune once per dataset, score every mixture by its merged model,
      compare with the similarity baselines and (ground truth) one fine-tune per mixture. Resumable: run the
      same command again after an interruption. Writes results.json and CSVs under --out.
  merge-to-mix data [--verify] [--suite vision8,text8] [--preset quick|full]
      Build the prepared-data cache and data/manifest.json, or (--verify) rebuild in memory and check hashes.
  merge-to-mix suites [--json]
      Every suite's tasks with input shape, classes and split sizes.
  merge-to-mix base [--suite vision8|text8] [--preset quick|full] [--seed n]
      Does the pretrained base help? Per task: θ0 + fitted head, θ0 fine-tuned, and the same network trained
      from scratch with the same recipe (test accuracy).
  merge-to-mix report runs/NAME [--no-png]
      One offline HTML report (tables, figures, widgets) plus the figures as PNG files.
`;

async function run(a: ParsedArgs): Promise<number> {
  checkOptions(a, ["suite", "targets", "preset", "seeds", "out", "head-rule", "score", "epochs", "workers", "backend", "candidates", "no-ground-truth", "overwrite", "data-seed"], "run");
  const suite = stringOption(a, "suite", "vision8")!;
  const preset = checkPreset(stringOption(a, "preset", "quick")!);
  const out = stringOption(a, "out", `runs/${suite}-${preset}`)!;
  const epochs = a.options.has("epochs") ? intOption(a, "epochs", 0, 0, 1000) : undefined;
  const progress = terminalProgress();
  const results = await runExperiment({
    suite, preset, out,
    seeds: intOption(a, "seeds", 1, 1, 100),
    targets: listOption(a, "targets") ?? null,
    candidates: listOption(a, "candidates"),
    headRule: stringOption(a, "head-rule") as HeadRule | undefined,
    score: stringOption(a, "score") as SelectionScore | undefined,
    dataSeed: a.options.has("data-seed") ? intOption(a, "data-seed", 0, 0) : undefined,
    recipe: epochs === undefined ? undefined : { epochs },
    groundTruth: a.options.has("no-ground-truth") ? false : undefined,
    workers: intOption(a, "workers", 2, 1, 64),
    backend: stringOption(a, "backend", "auto") as BackendChoice,
    overwrite: a.options.has("overwrite"),
    progress,
  });
  console.log(formatSummary(results));
  console.log(`\nresults: ${out}/results.json (+ mixtures.csv, selections.csv, correlations.csv, base.csv, cost.csv)`);
  return 0;
}

async function data(a: ParsedArgs): Promise<number> {
  checkOptions(a, ["verify", "suite", "preset", "seed"], "data");
  const opts = {
    suites: listOption(a, "suite"),
    presets: listOption(a, "preset")?.map(checkPreset),
    seed: a.options.has("seed") ? intOption(a, "seed", 0) : undefined,
    progress: terminalProgress(),
  };
  if (a.options.has("verify")) {
    const r = await verifyData(opts);
    for (const t of r.tasks) console.log(`${t.status === "ok" ? "ok      " : t.status === "mismatch" ? "MISMATCH" : "MISSING "} ${t.suite}/${t.preset}/seed${t.seed}/${t.task} ${t.sha256.slice(0, 16)}`);
    console.log(`data --verify: ${r.tasks.filter((t) => t.status === "ok").length}/${r.tasks.length} tasks match data/manifest.json (${r.seconds.toFixed(1)} s)`);
    return r.ok ? 0 : 1;
  }
  const r = await buildData(opts);
  console.log(`data: prepared ${r.tasks.length} tasks in ${r.seconds.toFixed(1)} s; manifest data/manifest.json`);
  return 0;
}

async function suites(a: ParsedArgs): Promise<number> {
  checkOptions(a, ["json"], "suites");
  const d = await describeSuites();
  if (a.options.has("json")) { console.log(JSON.stringify(d, null, 2)); return 0; }
  for (const s of d.suites) {
    console.log(`${s.name} — ${s.description} (input ${s.inputShape.join("×")})`);
    for (const t of s.tasks) console.log(`  ${t.name.padEnd(18)} ${String(t.classes.length).padStart(2)} classes  ${t.classes.slice(0, 6).join(", ")}${t.classes.length > 6 ? ", …" : ""}`);
  }
  return 0;
}

async function base(a: ParsedArgs): Promise<number> {
  checkOptions(a, ["suite", "preset", "seed", "backend"], "base");
  const spec = resolveSpec({ suite: stringOption(a, "suite", "vision8")!, preset: checkPreset(stringOption(a, "preset", "quick")!) });
  const seed = intOption(a, "seed", 0, 0);
  const progress = terminalProgress();
  await initBackend(stringOption(a, "backend", "auto") as BackendChoice);
  const suite = await loadSuite(spec.suite, { preset: spec.preset, seed: spec.dataSeed, progress });
  const { encoder } = await pretrainedEncoder(suite, spec.hidden, spec.pretrain, { progress });
  const rows = baseVsScratch(suite, encoder, spec.recipe, seed, progress);
  const pct = (x: number) => (100 * x).toFixed(1).padStart(8);
  console.log(`Test accuracy (%) on ${suite.name} (${spec.preset}), each task alone, recipe ${JSON.stringify(spec.recipe)}`);
  console.log(`${"task".padEnd(16)} ${"θ0+head".padStart(8)} ${"θ0+FT".padStart(8)} ${"scratch".padStart(8)}`);
  for (const r of rows) console.log(`${r.task.padEnd(16)} ${pct(r.base_head_acc)} ${pct(r.base_finetuned_acc)} ${pct(r.scratch_acc)}`);
  const wins = rows.filter((r) => r.base_finetuned_acc > r.scratch_acc).length;
  console.log(`base beats scratch on ${wins}/${rows.length} tasks`);
  return 0;
}

async function report(a: ParsedArgs): Promise<number> {
  checkOptions(a, ["no-png"], "report");
  const dir = a.positional[1];
  if (!dir) { console.error("usage: merge-to-mix report runs/NAME [--no-png]"); return 2; }
  const { writeReport } = await import("../report/write-report");
  const r = await writeReport(dir, { png: !a.options.has("no-png") });
  console.log(`report: ${r.html}${r.pngs.length ? ` + ${r.pngs.length} PNG figures` : ""}`);
  return 0;
}

/** Entry point: dispatch a subcommand; typed errors print one line and exit 1. */
export async function main(argv: readonly string[]): Promise<number> {
  const a = parseArgs(argv);
  const cmd = a.positional[0] ?? "help";
  try {
    switch (cmd) {
      case "run": return await run(a);
      case "data": return await data(a);
      case "suites": return await suites(a);
      case "report": return await report(a);
      case "base": return await base(a);
      case "help": case "--help": console.log(HELP); return 0;
      default: console.error(`unknown command ${JSON.stringify(cmd)}; valid: run, data, suites, base, report, help\n\n${HELP}`); return 2;
    }
  } catch (err) {
    if (err instanceof MergeToMixError) {
      console.error(`merge-to-mix ${cmd}: ${err.name}: ${err.message}`);
      return 1;
    }
    throw err;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (err) => { console.error(err); process.exitCode = 1; });
}
