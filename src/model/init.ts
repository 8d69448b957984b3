import { ParamVector } from "../params/param-vector";
import type { ParamLayout } from "../params/layout";
import { Rng } from "../util/rng";

/**
 * Seeded initial weights for any layout of "…/kernel" [fanIn, fanOut] and "…/bias" entries:
 * He-uniform kernels (limit √(6/fanIn), suited to ReLU), zero biases. Same seed → same vector everywhere.
 *
 * @example
 * const theta = initParams(networkLayout(spec), 7);
 */
export function initParams(layout: ParamLayout, seed: number): ParamVector {
  const pv = ParamVector.zeros(layout);
  const rng = new Rng(seed);
  for (const e of layout.entries) {
    if (e.shape.length !== 2) continue; // biases stay zero
    const limit = Math.sqrt(6 / Math.max(1, e.shape[0]));
    const v = pv.view(e.name);
    const r = rng.fork(e.name);
    for (let i = 0; i < v.length; i++) v[i] = (2 * r.next() - 1) * limit;
  }
  return pv;
}
