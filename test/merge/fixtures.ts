import { ParamLayout } from "../../src/params/layout";
import { ParamVector } from "../../src/params/param-vector";
import { Rng } from "../../src/util/rng";

/** A small two-tensor layout. */
export function smallLayout(kernel = 3, bias = 2): ParamLayout {
  return ParamLayout.fromShapes([
    ["dense/kernel", [kernel, 2]],
    ["dense/bias", [bias]],
  ]);
}

/** `count` random normal ParamVectors (seeded). */
export function randomModels(layout: ParamLayout, count: number, seed: number): ParamVector[] {
  const rng = new Rng(seed);
  return Array.from({ length: count }, () => {
    const data = new Float32Array(layout.size);
    for (let j = 0; j < data.length; j++) data[j] = rng.normal();
    return new ParamVector(layout, data);
  });
}

/** A one-tensor vector holding `values`. */
export function vec(values: number[], name = "w"): ParamVector {
  return new ParamVector(ParamLayout.fromShapes([[name, [values.length]]]), Float32Array.from(values));
}

/** Max |a − b| over two equal-length arrays. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} vs ${b.length}`);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}
