/**
 * BullMQ and ioredis load on first use (a queue run or a worker), so `require("merge-to-mix")` and every
 * local run stay free of them.
 *
 * @example
 * const { Queue } = bullmq(); new Queue("fine-tunes", { connection });
 */
export function bullmq(): typeof import("bullmq") {
  return require("bullmq") as typeof import("bullmq");
}

/**
 * The ioredis client class, loaded on first use.
 *
 * @example
 * const Redis = ioredis(); new Redis({ lazyConnect: true });
 */
export function ioredis(): typeof import("ioredis").default {
  return (require("ioredis") as typeof import("ioredis")).default;
}
