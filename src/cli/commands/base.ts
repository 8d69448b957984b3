import { checkPreset } from "../../data/presets";
import { loadSuite } from "../../data/suites";
import { baseVsScratch } from "../../experiment/base-check";
import { pretrainedEncoder } from "../../experiment/base-model";
import { terminalProgress } from "../progress-bar";
import { resolveSpec } from "../../experiment/spec";
import { initBackend, type BackendChoice } from "../../model/backend";
import { formatNumber, pct } from "../../results/text/numbers";
import { meanAndSpread } from "../../select/metrics/mean-spread";
import { intOption, stringOption } from "../args";
import type { Command } from "../command";
import { println } from "../io";

export const baseCommand: Command = {
  name: "base",
  summary: "does the pretrained base help? θ0 vs training from scratch, per task",
  usage: `merge-to-mix base [--suite vision8|text8] [--preset quick|full] [--seed n | --seeds n] [--backend auto|wasm|cpu]
    Does the pretrained base help? Per task: θ0 + fitted head, θ0 fine-tuned, and the same network trained
    from scratch with the same recipe (test accuracy; with --seeds n, the mean over seeds 0 … n−1 and the
    95% interval of θ0+FT − scratch).`,
  options: ["suite", "preset", "seed", "seeds", "backend"],
  async run(a, io) {
    const spec = resolveSpec({
      suite: stringOption(a, "suite", "vision8")!,
      preset: checkPreset(stringOption(a, "preset", "quick")!),
    });
    const seeds = a.options.has("seeds")
      ? Array.from({ length: intOption(a, "seeds", 1, 1, 20) }, (_, i) => i)
      : [intOption(a, "seed", 0, 0)];
    const progress = terminalProgress(io.err);
    await initBackend(stringOption(a, "backend", "auto") as BackendChoice);
    const suite = await loadSuite(spec.suite, { preset: spec.preset, seed: spec.dataSeed, progress });
    const { encoder } = await pretrainedEncoder(suite, spec.hidden, spec.pretrain, { progress });
    const bySeed = seeds.map((seed) => baseVsScratch(suite, encoder, spec.recipe, seed, progress));
    println(
      io.out,
      `Test accuracy (%) on ${suite.name} (${spec.preset}), each task alone, recipe ${JSON.stringify(spec.recipe)}, ${seeds.length === 1 ? `seed ${seeds[0]}` : `mean of ${seeds.length} seeds`}`,
    );
    println(
      io.out,
      `${"task".padEnd(16)} ${"θ0+head".padStart(8)} ${"θ0+FT".padStart(8)} ${"scratch".padStart(8)}  θ0+FT − scratch (points)`,
    );
    let wins = 0;
    suite.tasks.forEach((t, i) => {
      const col = (f: "base_head_acc" | "base_finetuned_acc" | "scratch_acc") =>
        meanAndSpread(bySeed.map((rows) => rows[i][f])).mean;
      const gap = meanAndSpread(bySeed.map((rows) => 100 * (rows[i].base_finetuned_acc - rows[i].scratch_acc)));
      if (gap.mean > 0) wins++;
      const ci = Number.isFinite(gap.ci95) ? ` ± ${gap.ci95.toFixed(1)}` : "";
      println(
        io.out,
        `${t.name.padEnd(16)} ${pct(col("base_head_acc")).padStart(8)} ${pct(col("base_finetuned_acc")).padStart(8)} ${pct(col("scratch_acc")).padStart(8)}  ${formatNumber(gap.mean, { digits: 1, sign: true })}${ci}`,
      );
    });
    println(
      io.out,
      `base beats scratch on ${wins}/${suite.tasks.length} tasks${seeds.length > 1 ? ` (mean over ${seeds.length} seeds)` : ""}`,
    );
    return 0;
  },
};
