import type { Split, Task } from "../../data/types";
import type { Evaluator } from "../../evaluate/evaluator";
import { cosineSimilarity, l2Distance, type Embeddings } from "../../select/similarity";
import { featureSize } from "../../model/spec";
import type { ParamVector } from "../../params/param-vector";
import type { Engine } from "../engine";

/** θ0-embedding similarity of one target to each candidate dataset. */
export interface DatasetSimilarity {
  /** Candidate name → cosine "average of average" (higher = more similar). */
  cosine: Record<string, number>;
  /** Candidate name → mean pairwise L2 distance (lower = more similar). */
  l2: Record<string, number>;
}

/** Rows of θ0 features, without all-zero rows (a ReLU encoder can map a blank input to 0: no direction). */
function embedSplit(ev: Evaluator, s: Split, dim: number): Embeddings {
  const e = ev.embed(s.x, s.n);
  const keep: number[] = [];
  for (let i = 0; i < s.n; i++) {
    let ss = 0;
    for (let k = 0; k < dim; k++) ss += e[i * dim + k] * e[i * dim + k];
    if (ss > 0) keep.push(i);
  }
  if (keep.length === s.n) return { data: e, dim };
  const out = new Float32Array(keep.length * dim);
  keep.forEach((i, j) => out.set(e.subarray(i * dim, (i + 1) * dim), j * dim));
  return { data: out, dim };
}

/**
 * The similarity baselines' per-dataset numbers: embed the target's validation examples and every
 * task's training examples with θ0's encoder, then cosine and L2 "average of average" per pair.
 * L2 uses at most `maxRows` rows per side (seeded) to bound the O(n·m·d) cost.
 *
 * @example
 * const sims = datasetSimilarities(evaluator, theta0, tasks, targets, 256);
 * sims["mnist"].cosine["uci-digits"];
 */
export function datasetSimilarities(
  ev: Evaluator,
  theta0: ParamVector,
  tasks: readonly Task[],
  targets: readonly Task[],
  dim: number,
  maxRows = 500,
): Record<string, DatasetSimilarity> {
  ev.load(theta0);
  const train = new Map(tasks.map((t) => [t.name, embedSplit(ev, t.splits.train, dim)] as const));
  const out: Record<string, DatasetSimilarity> = {};
  for (const target of targets) {
    const tv = embedSplit(ev, target.splits.val, dim);
    const sim: DatasetSimilarity = { cosine: {}, l2: {} };
    for (const t of tasks) {
      if (t.name === target.name) continue;
      const c = train.get(t.name)!;
      sim.cosine[t.name] = cosineSimilarity(tv, c);
      sim.l2[t.name] = l2Distance(tv, c, { maxRows, seed: 0 });
    }
    out[target.name] = sim;
  }
  return out;
}

/**
 * The similarity baselines' numbers for every target of a run (θ0 embeddings, so seed-independent),
 * computed once and stored under ("similarity", "theta0").
 *
 * @example
 * const sims = targetSimilarities(engine);   // sims[target].cosine[candidate]
 */
export function targetSimilarities(e: Engine): Record<string, DatasetSimilarity> {
  let sims = e.store.get<Record<string, DatasetSimilarity>>("similarity", "theta0");
  const missing = e.plans.filter((p) => !sims || !sims[p.target.name]).map((p) => p.target);
  if (missing.length) {
    sims = {
      ...(sims ?? {}),
      ...datasetSimilarities(e.ev, e.theta0, e.suite.tasks, missing, featureSize(e.ctx.netSpec)),
    };
    e.store.put("similarity", "theta0", sims);
  }
  return sims!;
}
