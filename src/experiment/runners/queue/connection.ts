import type { Redis, RedisOptions } from "ioredis";
import { ioredis } from "./lazy";
import { InvalidArgumentError } from "../../../util/errors";
import { QueueConnectionError } from "./errors";

/** The BullMQ queue fine-tunes go through, unless told otherwise: keys `m2m:finetunes:*`. */
export const DEFAULT_QUEUE_NAME = "finetunes";
export const DEFAULT_QUEUE_PREFIX = "m2m";

/** Where a queue lives: the Redis URL, the BullMQ queue name and key prefix. */
export interface QueueAddress {
  readonly url: string;
  readonly queue?: string;
  readonly prefix?: string;
}

/**
 * ioredis options from a `redis://[user:password@]host[:port][/db]` URL (`rediss://` for TLS).
 * Commands wait through an outage instead of failing (`maxRetriesPerRequest: null`, which BullMQ
 * workers require), and reconnects back off up to 2 s.
 *
 * @example
 * redisOptions("redis://127.0.0.1:6380/2");   // { host: "127.0.0.1", port: 6380, db: 2, … }
 * @throws InvalidArgumentError for anything else.
 */
export function redisOptions(url: string): RedisOptions {
  const expected = "a Redis URL like redis://HOST:PORT (or rediss://, /DB optional)";
  if (typeof url !== "string") throw new InvalidArgumentError("queue URL", url, expected);
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new InvalidArgumentError("queue URL", url, expected);
  }
  if ((u.protocol !== "redis:" && u.protocol !== "rediss:") || !u.hostname)
    throw new InvalidArgumentError("queue URL", url, expected);
  const port = u.port ? Number(u.port) : 6379;
  const dbText = u.pathname.replace(/^\//, "");
  const db = dbText === "" ? 0 : Number(dbText);
  if (!Number.isInteger(db) || db < 0)
    throw new InvalidArgumentError(
      "database of queue URL",
      url,
      "a database number after the port, e.g. redis://host:6379/0",
    );
  const o: RedisOptions = {
    host: u.hostname.replace(/^\[|\]$/g, ""),
    port,
    db,
    maxRetriesPerRequest: null,
    retryStrategy: (times: number) => Math.min(100 * times, 2000),
  };
  if (u.username) o.username = decodeURIComponent(u.username);
  if (u.password) o.password = decodeURIComponent(u.password);
  if (u.protocol === "rediss:") o.tls = {};
  return o;
}

/** The URL without its password, for logs. @example safeUrl("redis://:pw@h:6379") // "redis://:***@h:6379" */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString().replace(/\/$/, "");
  } catch {
    return url;
  }
}

/**
 * Connect to Redis and wait until it answers, or throw QueueConnectionError after `timeoutMs`
 * (once connected, the client reconnects by itself through outages).
 *
 * @example
 * const redis = await connectRedis("redis://127.0.0.1:6379");
 */
export async function connectRedis(url: string, timeoutMs = 10000): Promise<Redis> {
  const IORedis = ioredis();
  const redis = new IORedis({ ...redisOptions(url), lazyConnect: true });
  let lastError: Error | undefined;
  const onError = (e: Error) => {
    lastError = e;
  };
  redis.on("error", onError);
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(lastError ? lastError.message : `no answer in ${timeoutMs} ms`)),
        timeoutMs,
      );
      redis.once("ready", () => {
        clearTimeout(timer);
        resolve();
      });
      redis.connect().catch(() => {
        /* retried by ioredis; the timer decides */
      });
    });
    await redis.ping();
  } catch (err) {
    redis.disconnect();
    throw new QueueConnectionError(
      safeUrl(url),
      `${(err as Error).message} (is redis-server running there? start one with: redis-server --port ${redisOptions(url).port})`,
      { cause: err },
    );
  } finally {
    redis.off("error", onError);
  }
  return redis;
}

/**
 * Log a connection's trouble once per outage (ioredis repeats the error on every retry) and its recovery;
 * returns the function that stops watching.
 *
 * @example
 * const unwatch = watchConnection(redis, "queue", (l) => progress.log(l));
 */
export function watchConnection(
  emitter: Redis,
  who: string,
  log: (line: string) => void,
  onRecover?: () => void,
): () => void {
  let down = false;
  const onError = (e: Error) => {
    if (down) return;
    down = true;
    log(`${who}: lost Redis (${e.message}); reconnecting…`);
  };
  const onReady = () => {
    if (!down) return;
    down = false;
    log(`${who}: reconnected to Redis`);
    onRecover?.();
  };
  emitter.on("error", onError);
  emitter.on("ready", onReady);
  return () => {
    emitter.off("error", onError);
    emitter.off("ready", onReady);
  };
}
