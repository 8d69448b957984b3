export * from "./errors";
export * from "./progress";
export * from "./rng";
export * from "./atomic";
export * from "./sha256";
export * from "./normalise-weights";
export { CacheFolderError, cacheDir, cacheSubdir, ensureWritableDir, setCacheDir, type CacheKind } from "./cache-dir";
export { packageRoot, isSourceCheckout } from "./package-root";
