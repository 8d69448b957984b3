import { clearQueue, formatQueueStatus, queueStatus } from "../../experiment/runners/queue/queue-status";
import { InvalidArgumentError } from "../../util/errors";
import { stringOption } from "../args";
import type { Command } from "../command";
import { println } from "../io";

export const queueCommand: Command = {
  name: "queue",
  summary: "the state of a fine-tune queue: jobs, workers, running and failed fine-tunes",
  usage: `merge-to-mix queue --queue redis://HOST:PORT [--json] [--clear [--force]]
    Print the queue's job counts (queued, active, waiting to retry, done, failed), the connected workers,
    the running and failed fine-tunes, the runs with jobs in it, and the blobs (θ0s, unclaimed results).
    --clear removes every job and blob of the queue (refused while jobs run, unless --force); coordinators
    that are still running re-queue what they miss.`,
  options: ["queue", "json", "clear", "force"],
  flags: ["json", "clear", "force"],
  async run(a, io) {
    const url = stringOption(a, "queue");
    if (url === undefined)
      throw new InvalidArgumentError(
        "--queue",
        "(missing)",
        "the Redis URL of the queue, e.g. --queue redis://127.0.0.1:6379",
      );
    if (a.options.has("clear")) {
      await clearQueue({ url }, a.options.has("force"));
      println(io.out, `queue at ${url}: cleared`);
      return 0;
    }
    const s = await queueStatus({ url });
    println(io.out, a.options.has("json") ? JSON.stringify(s, null, 2) : formatQueueStatus(s));
    return 0;
  },
};
