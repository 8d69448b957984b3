import * as fs from "fs";
import * as path from "path";
import type { Suite } from "../data/types";
import { loadVisionPretrainData } from "../data/vision/pretrain";
import { loadTextPretrainData } from "../data/text/pretrain";
import { pretrainNetwork, type PretrainData } from "../model/pretrain";
import { encoderLayout } from "../model/spec";
import { initParams } from "../model/init";
import { loadParamsSync, saveParamsSync } from "../params/safetensors";
import type { ParamVector } from "../params/param-vector";
import { cacheSubdir, ensureWritableDir } from "../util/cache-dir";
import { CorruptFileError } from "../util/errors";
import { silentProgress, type Progress } from "../util/progress";
import { stableHash } from "./hash";
import type { PretrainSpec } from "./spec";

/** Where pretrained encoders are cached, keyed by a hash of their spec (shared by every run): `models/`
 *  under the cache folder (data/models in a checkout; `--cache DIR` or MERGE_TO_MIX_CACHE move it). */
export function defaultModelDir(): string {
  return cacheSubdir("models");
}

/** Which pretraining a suite gets: Quick, Draw! (28×28 inputs), masked bag-of-words (text), or none. */
export type PretrainKind = "quickdraw" | "masked-bow" | "none";

/** The pretraining a suite gets: vision-shaped suites (784 inputs) use the unused Quick, Draw! categories,
 *  text8 the pooled unlabelled text; other user suites start from a seeded random encoder. */
export function pretrainKindOf(suite: Suite): PretrainKind {
  if (suite.inputSize === 784) return "quickdraw";
  if (suite.name === "text8") return "masked-bow";
  return "none";
}

/**
 * Where a suite's pretrained encoder is cached: `encoder-KIND-HASH.safetensors` in `modelDir`, HASH of the
 * pretraining spec; the pretraining output layer (the units anchored fine-tunes score on) sits beside it in
 * `encoder-KIND-HASH.head.safetensors`.
 *
 * @example
 * encoderFile(suite, [256, 256], spec.pretrain).file;   // "…/models/encoder-quickdraw-3f0c….safetensors"
 */
export function encoderFile(
  suite: Suite,
  hidden: readonly number[],
  spec: PretrainSpec,
  modelDir?: string,
): { file: string; headFile: string; key: Record<string, unknown>; kind: PretrainKind } {
  const kind = pretrainKindOf(suite);
  const key = {
    format: 1,
    kind,
    inputSize: suite.inputSize,
    hidden: [...hidden],
    recipe: spec.recipe,
    seed: spec.seed,
    ...(kind === "quickdraw"
      ? { perClass: spec.perClass, shiftedCopies: spec.shiftedCopies }
      : kind === "masked-bow"
        ? { maxChunks: spec.maxChunks, suite: suite.name }
        : { suite: suite.name }),
  };
  const file = path.join(modelDir ?? defaultModelDir(), `encoder-${kind}-${stableHash(key).slice(0, 16)}.safetensors`);
  return { file, headFile: file.replace(/\.safetensors$/, ".head.safetensors"), key, kind };
}

/**
 * θ0's pretraining data for a suite (never suite data): the unused Quick, Draw! categories (vision) or the
 * pooled unlabelled text (text8); null for suites pretrained on nothing (a seeded random encoder).
 *
 * @example
 * const data = await suitePretrainData(suite, spec.pretrain);
 */
export async function suitePretrainData(
  suite: Suite,
  spec: PretrainSpec,
  progress: Progress = silentProgress,
): Promise<PretrainData | null> {
  const kind = pretrainKindOf(suite);
  if (kind === "none") return null;
  return kind === "quickdraw"
    ? loadVisionPretrainData({ perClass: spec.perClass, seed: spec.seed, shiftedCopies: spec.shiftedCopies })
    : await loadTextPretrainData({
        dim: suite.inputSize,
        maxChunks: spec.maxChunks,
        seed: spec.seed,
        excludeTest: suite.tasks,
        progress,
      });
}

/**
 * The suite's pretrained encoder θ0 (no head): loaded from `modelDir` when a file with the same spec hash
 * exists and verifies, else pretrained (never on suite data) and saved atomically, with the pretraining
 * output layer beside it ({@link encoderFile}'s headFile).
 *
 * @example
 * const { encoder, cached, seconds } = await pretrainedEncoder(suite, [256, 256], spec.pretrain, { progress });
 */
export async function pretrainedEncoder(
  suite: Suite,
  hidden: readonly number[],
  spec: PretrainSpec,
  opts: { modelDir?: string; progress?: Progress } = {},
): Promise<{ encoder: ParamVector; cached: boolean; seconds: number; file: string; kind: PretrainKind }> {
  const progress = opts.progress ?? silentProgress;
  const { file, headFile, key, kind } = encoderFile(suite, hidden, spec, opts.modelDir);
  const shape = { inputSize: suite.inputSize, hidden: [...hidden] };
  const layout = encoderLayout(shape);
  if (fs.existsSync(file)) {
    try {
      return { encoder: loadParamsSync(file, { expectedLayout: layout }).params, cached: true, seconds: 0, file, kind };
    } catch (err) {
      if (!(err instanceof CorruptFileError)) throw err;
      progress.log(`pretrained encoder ${file} is corrupt (${err.message}); retraining`);
    }
  }
  ensureWritableDir(path.dirname(file)); // refuse before minutes of pretraining, not after
  const t0 = Date.now();
  let encoder: ParamVector;
  let head: ParamVector | null = null;
  const data = await suitePretrainData(suite, spec, progress);
  if (!data) {
    encoder = initParams(layout, spec.seed);
  } else {
    const n = data.x.length / suite.inputSize;
    progress.log(`pretraining the ${kind} encoder on ${n} examples (${spec.recipe.epochs} epochs)`);
    ({ encoder, head } = pretrainNetwork(shape, data, spec.recipe, spec.seed, progress));
  }
  const seconds = (Date.now() - t0) / 1000;
  if (head) saveParamsSync(headFile, head, { metadata: { spec: JSON.stringify(key), of: path.basename(file) } });
  saveParamsSync(file, encoder, { metadata: { spec: JSON.stringify(key), seconds: seconds.toFixed(1) } });
  progress.log(`pretrained encoder (${kind}) in ${seconds.toFixed(1)} s → ${file}`);
  return { encoder, cached: false, seconds, file, kind };
}
