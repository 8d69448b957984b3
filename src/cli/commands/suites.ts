import { describeSuites } from "../../data/suites";
import type { Command } from "../command";
import { println } from "../io";

export const suitesCommand: Command = {
  name: "suites",
  summary: "every suite's tasks, classes and split sizes",
  usage: `merge-to-mix suites [--json]
    Every suite's tasks with input shape, classes and split sizes (--json: machine-readable).`,
  options: ["json"],
  flags: ["json"],
  async run(a, io) {
    const d = await describeSuites();
    if (a.options.has("json")) {
      println(io.out, JSON.stringify(d, null, 2));
      return 0;
    }
    for (const s of d.suites) {
      println(io.out, `${s.name} — ${s.description} (input ${s.inputShape.join("×")})`);
      for (const t of s.tasks)
        println(
          io.out,
          `  ${t.name.padEnd(18)} ${String(t.classes.length).padStart(2)} classes  ${t.classes.slice(0, 6).join(", ")}${t.classes.length > 6 ? ", …" : ""}`,
        );
    }
    return 0;
  },
};
