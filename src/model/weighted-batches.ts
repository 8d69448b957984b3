import { normaliseWeights } from "../util/normalise-weights";
import { InvalidArgumentError } from "../util/errors";
import type { Progress } from "../util/progress";
import type { Rng } from "../util/rng";

/**
 * Minibatches drawn with mixture PROPORTIONS instead of concatenation: each sample of a batch comes from
 * member i with probability wᵢ (normalised), and within a member the draws walk a fresh shuffle of its
 * rows (without replacement until the member is used up, then reshuffled). `steps` batches of `batchSize`
 * exactly. Sample indices are global (member i's rows start at offsets[i]). Deterministic for the rng.
 *
 * How weights relate to sampling: w = sizes / Σ sizes is what concatenation gives in expectation;
 * uniform w gives every member the same share whatever its size.
 *
 * @example
 * runWeightedSteps([200, 800], [0.5, 0.5], { batchSize: 32, steps: 50, rng, progress, label }, (idx) => { … });
 */
export function runWeightedSteps(
  sizes: readonly number[],
  weights: readonly number[],
  o: { batchSize: number; steps: number; rng: Rng; progress: Progress; label: string },
  step: (idx: Int32Array) => void,
): { steps: number; samples: number } {
  const share = normaliseWeights(weights, sizes.length);
  sizes.forEach((n, i) => {
    if (weights[i] > 0 && !(n > 0))
      throw new InvalidArgumentError(`members[${i}] size`, n, "training examples (its weight is positive)");
  });
  if (!Number.isInteger(o.steps) || o.steps < 0)
    throw new InvalidArgumentError("steps", o.steps, "a non-negative integer");
  const cdf: number[] = [];
  let acc = 0;
  for (const w of share) {
    acc += w;
    cdf.push(acc);
  }
  let lastPositive = 0;
  weights.forEach((w, i) => {
    if (w > 0) lastPositive = i;
  });
  const offsets: number[] = [];
  let off = 0;
  for (const n of sizes) {
    offsets.push(off);
    off += n;
  }
  const orders = sizes.map((n) => Array.from({ length: n }, (_, i) => i));
  const cursor = sizes.map((n) => n); // exhausted: shuffle on first use
  o.progress.start(o.label, o.steps);
  const idx = new Int32Array(o.batchSize);
  for (let s = 0; s < o.steps; s++) {
    for (let k = 0; k < o.batchSize; k++) {
      const u = o.rng.next();
      let m = 0;
      // zero-weight members add nothing to the cdf, so u never stops on them; the last positive-weight
      // member takes any rounding slack at the top of the cdf
      while (m < lastPositive && u >= cdf[m]) m++;
      if (cursor[m] >= sizes[m]) {
        o.rng.shuffle(orders[m]);
        cursor[m] = 0;
      }
      idx[k] = offsets[m] + orders[m][cursor[m]++];
    }
    step(idx.slice());
    o.progress.tick(1);
  }
  o.progress.done();
  return { steps: o.steps, samples: o.steps * o.batchSize };
}
