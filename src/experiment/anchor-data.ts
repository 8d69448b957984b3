import * as fs from "fs";
import * as path from "path";
import type { Suite } from "../data/types";
import { anchorHeadLayout, checkAnchorShare, type Anchor } from "../model/anchor";
import { pretrainNetwork } from "../model/pretrain";
import { pretrainUnits, type PretrainData } from "../model/pretrain-loss";
import { encoderShapeOf } from "../model/spec";
import { loadParamsSync, saveParamsSync } from "../params/safetensors";
import type { ParamVector } from "../params/param-vector";
import { CorruptFileError, InvalidArgumentError } from "../util/errors";
import { silentProgress, type Progress } from "../util/progress";
import { encoderFile, pretrainKindOf, suitePretrainData } from "./base-model";
import type { PretrainSpec } from "./spec";

/**
 * Refuse an anchor share a suite cannot have — before anything is written: a suite whose θ0 is a seeded
 * random encoder (the synthetic suite, user suites not shaped like vision8 or text8) has no pretraining data.
 *
 * @example
 * checkAnchorSuite(suite, 0.5);   // throws for "synthetic"
 */
export function checkAnchorSuite(suite: Suite, share: number): void {
  checkAnchorShare(share, "anchorShare (--anchor-share)");
  if (share > 0 && pretrainKindOf(suite) === "none")
    throw new InvalidArgumentError(
      "anchorShare (--anchor-share)",
      share,
      `0 for suite ${suite.name}: its θ0 is a seeded random encoder, with no pretraining data to draw anchors from (vision suites of 28×28 images and text8 have it)`,
    );
}

/** The same data with its inputs (and targets) on a SharedArrayBuffer: worker threads share it instead of copying it. */
function shared(d: PretrainData): PretrainData {
  const share = (a: Float32Array) => {
    const out = new Float32Array(new SharedArrayBuffer(a.byteLength));
    out.set(a);
    return out;
  };
  return "targets" in d
    ? { x: share(d.x), targets: share(d.targets), dim: d.dim }
    : { x: share(d.x), y: d.y, numClasses: d.numClasses };
}

/**
 * The anchor of a run's fine-tunes: θ0's pretraining data (on shared memory, for the worker threads) and the
 * pretraining output layer saved beside the cached encoder. An encoder cached before that layer was kept is
 * pretrained once more (same spec and seed, so the same encoder) to recover it.
 *
 * @example
 * const anchor = await pretrainedAnchor(suite, encoder, spec.pretrain, 0.5, { progress });
 */
export async function pretrainedAnchor(
  suite: Suite,
  encoder: ParamVector,
  spec: PretrainSpec,
  share: number,
  opts: { modelDir?: string; progress?: Progress } = {},
): Promise<Anchor> {
  checkAnchorSuite(suite, share);
  const progress = opts.progress ?? silentProgress;
  const shape = encoderShapeOf(encoder.layout);
  const { file, headFile, key } = encoderFile(suite, shape.hidden, spec, opts.modelDir);
  const data = (await suitePretrainData(suite, spec, progress))!;
  const layout = anchorHeadLayout(shape.hidden[shape.hidden.length - 1], pretrainUnits(data));
  let head: ParamVector | null = null;
  if (fs.existsSync(headFile)) {
    try {
      head = loadParamsSync(headFile, { expectedLayout: layout }).params;
    } catch (err) {
      if (!(err instanceof CorruptFileError)) throw err;
      progress.log(`pretraining layer ${headFile} is corrupt (${err.message}); pretraining again to recover it`);
    }
  } else progress.log(`the pretraining layer of ${file} is not cached: pretraining again to recover it`);
  if (!head) {
    const again = pretrainNetwork(shape, data, spec.recipe, spec.seed, progress);
    let worst = 0;
    again.encoder.data.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - encoder.data[i]))));
    if (worst > 0) progress.log(`pretrained again: the encoder differs from θ0's by at most ${worst.toExponential(2)}`);
    head = again.head;
    // the metadata pretrainedEncoder writes, so a recovered layer's file is the one pretraining would have left
    saveParamsSync(headFile, head, { metadata: { spec: JSON.stringify(key), of: path.basename(file) } });
  }
  return { share, data: shared(data), head };
}
