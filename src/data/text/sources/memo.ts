/**
 * Parse each source once per process: several tasks and the pretraining corpus read the same files.
 * Values are parsed, compact records (never raw multi-megabyte files).
 */
const cache = new Map<string, unknown>();

/**
 * The cached value of `key`, computing it on first use.
 *
 * @example
 * const rows = memo("brown", () => parseBrown());
 */
export function memo<T>(key: string, compute: () => T): T {
  if (!cache.has(key)) cache.set(key, compute());
  return cache.get(key) as T;
}

/**
 * Forget every cached source (frees memory in a long notebook session).
 *
 * @example
 * clearTextSourceCache();
 */
export function clearTextSourceCache(): void {
  cache.clear();
}
