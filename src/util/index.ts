export {
  CorruptFileError,
  InvalidArgumentError,
  LayoutMismatchError,
  MergeToMixError,
  MissingDependencyError,
  NonFiniteError,
  TooLargeError,
  UnknownNameError,
} from "./errors";
export { silentProgress, type Progress } from "./progress";
export { hashSeed, Rng } from "./rng";
export { writeFileAtomic } from "./atomic";
export { sha256Hex } from "./sha256";
export { normaliseWeights } from "./normalise-weights";
export { CacheFolderError, cacheDir, cacheSubdir, ensureWritableDir, setCacheDir, type CacheKind } from "./cache-dir";
export { packageRoot, isSourceCheckout } from "./package-root";
