import { InvalidArgumentError } from "../../util/errors";
import type { Command } from "../command";
import { println } from "../io";

export const reportCommand: Command = {
  name: "report",
  summary: "an offline HTML report (tables, figures, widgets) of a run directory",
  usage: `merge-to-mix report runs/NAME [--no-png]
    One offline HTML report (tables, figures, widgets) plus the figures as PNG files.`,
  options: ["no-png"],
  flags: ["no-png"],
  positionals: ["RUN_DIR"],
  async run(a, io) {
    const dir = a.positional[1];
    if (!dir) throw new InvalidArgumentError("run directory", "(none)", "merge-to-mix report runs/NAME");
    // loaded lazily: the report layer pulls in danfo and playwright
    const { writeReport } = await import("../../publish/write-report");
    const r = await writeReport(dir, { png: !a.options.has("no-png") });
    println(io.out, `report: ${r.html}${r.pngs.length ? ` + ${r.pngs.length} PNG figures` : ""}`);
    return 0;
  },
};
