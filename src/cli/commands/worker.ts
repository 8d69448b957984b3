import { startQueueWorker } from "../../experiment/runners/queue/queue-worker";
import { InvalidArgumentError } from "../../util/errors";
import { intOption, stringOption } from "../args";
import type { Command } from "../command";
import { println } from "../io";

export const workerCommand: Command = {
  name: "worker",
  summary: "take fine-tune jobs from a Redis queue (start as many as you like, on any machine)",
  usage: `merge-to-mix worker --queue redis://HOST:PORT [--concurrency n] [--name NAME] [--lock-ms n] [--stalled-ms n]
    Take fine-tune jobs from the queue that 'merge-to-mix run --queue redis://HOST:PORT' fills, and send back
    their results, until stopped (Ctrl-C / SIGTERM: finish the running job, then exit; twice: exit now).
    Needs this project and its prepared data (npm run setup): every job's data hashes are checked against
    this machine's, and a mismatch is refused by name (the worker then exits 1).
    --concurrency: fine-tunes at once, one thread each (default 1: start one worker per core instead).
    --lock-ms: a worker silent this long (killed, machine lost) has its job given to another (default 30000).
    --stalled-ms: how often this worker looks for such jobs (default 30000).`,
  options: ["queue", "concurrency", "name", "lock-ms", "stalled-ms"],
  async run(a, io) {
    const url = stringOption(a, "queue");
    if (url === undefined)
      throw new InvalidArgumentError(
        "--queue",
        "(missing)",
        "the Redis URL of the queue, e.g. --queue redis://127.0.0.1:6379",
      );
    const w = await startQueueWorker({
      url,
      concurrency: intOption(a, "concurrency", 1, 1, 256),
      name: stringOption(a, "name"),
      lockMs: intOption(a, "lock-ms", 30000, 1000),
      stalledMs: intOption(a, "stalled-ms", 30000, 100),
    });
    let signals = 0;
    const onSignal = (sig: string) => {
      signals++;
      if (signals > 1) {
        println(io.out, `worker ${w.name}: ${sig} again, exiting now (the running job goes back to the queue)`);
        process.exit(130);
      }
      println(io.out, `worker ${w.name}: ${sig}, finishing the running job (again to exit now)`);
      void w.close();
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
    const { code, reason } = await w.stopped;
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    if (code !== 0) println(io.err, `merge-to-mix worker: ${reason}`);
    return code;
  },
};
