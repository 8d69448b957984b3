import { checkPreset } from "../../data/presets";
import { loadSuite } from "../../data/suites";
import { baseVsScratch } from "../../experiment/base-check";
import { pretrainedEncoder } from "../../experiment/base-model";
import { terminalProgress } from "../../experiment/progress-bar";
import { resolveSpec } from "../../experiment/spec";
import { initBackend, type BackendChoice } from "../../model/backend";
import { intOption, stringOption } from "../args";
import type { Command } from "../command";

export const baseCommand: Command = {
  name: "base",
  summary: "does the pretrained base help? θ0 vs training from scratch, per task",
  usage: `merge-to-mix base [--suite vision8|text8] [--preset quick|full] [--seed n] [--backend auto|wasm|cpu]
    Does the pretrained base help? Per task: θ0 + fitted head, θ0 fine-tuned, and the same network trained
    from scratch with the same recipe (test accuracy).`,
  options: ["suite", "preset", "seed", "backend"],
  async run(a) {
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
  },
};
