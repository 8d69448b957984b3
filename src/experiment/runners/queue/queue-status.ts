import type { Queue } from "bullmq";
import { bullmq } from "./lazy";
import type { Redis } from "ioredis";
import {
  connectRedis,
  DEFAULT_QUEUE_NAME,
  DEFAULT_QUEUE_PREFIX,
  redisOptions,
  safeUrl,
  type QueueAddress,
} from "./connection";
import { blobPrefix, type QueueJobData, type QueueJobResult } from "./protocol";

/** The names of the workers connected to a queue (BullMQ's client names, `…:w:NAME`), sorted. */
export async function workerNames(queue: Queue): Promise<string[]> {
  const list = await queue.getWorkers();
  return list
    .map((w) => {
      const raw = w.rawname ?? w.name ?? "";
      const i = raw.indexOf(":w:");
      return i >= 0 ? raw.slice(i + 3) : `${w.addr ?? "?"} (unnamed)`;
    })
    .sort();
}

/** What `merge-to-mix queue` shows. */
export interface QueueStatus {
  url: string;
  queue: string;
  redisVersion: string;
  counts: { waiting: number; active: number; delayed: number; completed: number; failed: number };
  workers: Array<{ name: string; addr: string; ageSeconds: number; idleSeconds: number }>;
  active: Array<{ id: string; label: string; seed: number; worker: string; seconds: number; attempt: number }>;
  failed: Array<{ id: string; label: string; seed: number; reason: string; attempts: number }>;
  /** Runs (context hashes) with jobs in the queue, and their jobs by state. */
  runs: Array<{ run: string; suite: string; jobs: number }>;
  /** Bytes of θ0 and result blobs held in Redis. */
  blobs: { count: number; bytes: number };
}

async function blobStats(redis: Redis, pattern: string): Promise<{ count: number; bytes: number }> {
  let cursor = "0",
    count = 0,
    bytes = 0;
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 500);
    cursor = next;
    for (const k of keys) {
      count++;
      bytes += await redis.strlen(k);
    }
  } while (cursor !== "0");
  return { count, bytes };
}

/**
 * The state of a fine-tune queue: job counts, connected workers, running and failed jobs, runs.
 *
 * @example
 * const s = await queueStatus({ url: "redis://127.0.0.1:6379" });
 * console.log(formatQueueStatus(s));
 */
export async function queueStatus(addr: QueueAddress, limit = 20): Promise<QueueStatus> {
  const name = addr.queue ?? DEFAULT_QUEUE_NAME,
    prefix = addr.prefix ?? DEFAULT_QUEUE_PREFIX;
  const redis = await connectRedis(addr.url, 5000);
  const queue = new (bullmq().Queue)<QueueJobData, QueueJobResult>(name, {
    connection: redisOptions(addr.url),
    prefix,
  });
  queue.on("error", () => {});
  try {
    const info = await redis.info("server");
    const redisVersion = /redis_version:(\S+)/.exec(info)?.[1] ?? "?";
    const c = await queue.getJobCounts("waiting", "prioritized", "active", "delayed", "completed", "failed", "paused");
    const now = Date.now();
    const clients = await queue.getWorkers();
    const workers = clients
      .map((w) => {
        const raw = w.rawname ?? "";
        const i = raw.indexOf(":w:");
        return {
          name: i >= 0 ? raw.slice(i + 3) : "(unnamed)",
          addr: w.addr ?? "?",
          ageSeconds: Number(w.age ?? 0),
          idleSeconds: Number(w.idle ?? 0),
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name));
    const active = (await queue.getActive(0, limit - 1)).map((j) => ({
      id: j.id ?? "?",
      label: j.data?.label ?? j.name,
      seed: j.data?.seed ?? -1,
      worker: j.processedBy ?? "?",
      seconds: j.processedOn ? (now - j.processedOn) / 1000 : 0,
      attempt: (j.attemptsStarted ?? j.attemptsMade) || 1,
    }));
    const failed = (await queue.getFailed(0, limit - 1)).map((j) => ({
      id: j.id ?? "?",
      label: j.data?.label ?? j.name,
      seed: j.data?.seed ?? -1,
      reason: j.failedReason ?? "?",
      attempts: j.attemptsMade,
    }));
    const runs = new Map<string, { suite: string; jobs: number }>();
    for (const j of await queue.getJobs(
      ["waiting", "prioritized", "active", "delayed", "completed", "failed"],
      0,
      999,
    )) {
      const d = j?.data;
      if (!d?.run) continue;
      const r = runs.get(d.run) ?? { suite: `${d.context.data.suite}/${d.context.data.preset}`, jobs: 0 };
      r.jobs++;
      runs.set(d.run, r);
    }
    return {
      url: safeUrl(addr.url),
      queue: `${prefix}:${name}`,
      redisVersion,
      counts: {
        waiting: (c.waiting ?? 0) + (c.prioritized ?? 0) + (c.paused ?? 0),
        active: c.active ?? 0,
        delayed: c.delayed ?? 0,
        completed: c.completed ?? 0,
        failed: c.failed ?? 0,
      },
      workers,
      active,
      failed,
      runs: [...runs].map(([run, r]) => ({ run, ...r })),
      blobs: await blobStats(redis, `${blobPrefix(prefix, name)}:*`),
    };
  } finally {
    await queue.close().catch(() => {});
    redis.disconnect();
  }
}

/** The text `merge-to-mix queue` prints. */
export function formatQueueStatus(s: QueueStatus): string {
  const lines = [
    `queue ${s.queue} at ${s.url} (Redis ${s.redisVersion})`,
    `jobs: ${s.counts.waiting} queued, ${s.counts.active} active, ${s.counts.delayed} waiting to retry, ${s.counts.completed} done (awaiting their coordinator), ${s.counts.failed} failed`,
    `workers: ${s.workers.length}${s.workers.length ? "" : " (start one with: merge-to-mix worker --queue " + s.url + ")"}`,
    ...s.workers.map((w) => `  ${w.name}  ${w.addr}  connected ${w.ageSeconds} s, idle ${w.idleSeconds} s`),
  ];
  if (s.active.length)
    lines.push(
      "running:",
      ...s.active.map(
        (a) =>
          `  ${a.label} (seed ${a.seed}) on ${a.worker}, ${a.seconds.toFixed(0)} s, attempt ${a.attempt}  [${a.id}]`,
      ),
    );
  if (s.failed.length)
    lines.push(
      "failed:",
      ...s.failed.map(
        (f) =>
          `  ${f.label} (seed ${f.seed}) after ${f.attempts} attempt${f.attempts === 1 ? "" : "s"}: ${f.reason}  [${f.id}]`,
      ),
    );
  if (s.runs.length)
    lines.push("runs:", ...s.runs.map((r) => `  ${r.run}  ${r.suite}  ${r.jobs} job${r.jobs === 1 ? "" : "s"}`));
  lines.push(`blobs: ${s.blobs.count} (θ0s and unclaimed results, ${(s.blobs.bytes / 1e6).toFixed(1)} MB)`);
  return lines.join("\n");
}

/**
 * Remove every job and blob of a queue (BullMQ obliterate); refuses while jobs are running unless `force`.
 *
 * @example
 * await clearQueue({ url: "redis://127.0.0.1:6379" });
 */
export async function clearQueue(addr: QueueAddress, force = false): Promise<void> {
  const name = addr.queue ?? DEFAULT_QUEUE_NAME,
    prefix = addr.prefix ?? DEFAULT_QUEUE_PREFIX;
  const redis = await connectRedis(addr.url, 5000);
  const queue = new (bullmq().Queue)(name, { connection: redisOptions(addr.url), prefix });
  queue.on("error", () => {});
  try {
    await queue.obliterate({ force });
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${blobPrefix(prefix, name)}:*`, "COUNT", 500);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== "0");
  } finally {
    await queue.close().catch(() => {});
    redis.disconnect();
  }
}
