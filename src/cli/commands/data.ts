import { buildData, verifyData } from "../../data/build-data";
import { checkPreset } from "../../data/presets";
import { terminalProgress } from "../progress-bar";
import { intOption, listOption } from "../args";
import type { Command } from "../command";
import { println } from "../io";

export const dataCommand: Command = {
  name: "data",
  summary: "build or verify the prepared-data cache against data/manifest.json",
  usage: `merge-to-mix data [--verify] [--suite vision8,text8] [--preset quick|full] [--seed n]
    Build the prepared-data cache and data/manifest.json, or (--verify) rebuild in memory and check hashes.`,
  options: ["verify", "suite", "preset", "seed"],
  flags: ["verify"],
  async run(a, io) {
    const opts = {
      suites: listOption(a, "suite"),
      presets: listOption(a, "preset")?.map(checkPreset),
      seed: a.options.has("seed") ? intOption(a, "seed", 0) : undefined,
      progress: terminalProgress(io.err),
    };
    if (a.options.has("verify")) {
      const r = await verifyData(opts);
      for (const t of r.tasks)
        println(
          io.out,
          `${t.status === "ok" ? "ok      " : t.status === "mismatch" ? "MISMATCH" : "MISSING "} ${t.suite}/${t.preset}/seed${t.seed}/${t.task} ${t.sha256.slice(0, 16)}`,
        );
      println(
        io.out,
        `data --verify: ${r.tasks.filter((t) => t.status === "ok").length}/${r.tasks.length} tasks match data/manifest.json (${r.seconds.toFixed(1)} s)`,
      );
      return r.ok ? 0 : 1;
    }
    const r = await buildData(opts);
    println(io.out, `data: prepared ${r.tasks.length} tasks in ${r.seconds.toFixed(1)} s; manifest data/manifest.json`);
    return 0;
  },
};
