import { datasetSimilarities } from "../experiment/measure/similarity-scores";
import { featureSize } from "../model/spec";
import { mixtureSimilarity } from "../select/mixture-similarity";
import { InvalidArgumentError } from "../util/errors";
import { Experts } from "./experts";
import { Shown, tableBlock } from "./shown";

/** One mixture's similarity to the target (θ0 embeddings). */
export interface SimilarityRow {
  mixture: string;
  size: number;
  mask: number;
  /** Cosine "average of averages" (higher = more similar). */
  cosine: number;
  /** Mean pairwise L2 distance (lower = more similar). */
  l2: number;
}

/** The similarity baselines' view of every mixture, and what each would pick. */
export class SimilarityBaselines extends Shown {
  constructor(
    readonly experts: Experts,
    readonly target: string,
    readonly rows: readonly SimilarityRow[],
    readonly rule: string,
  ) {
    super();
  }
  /** The mixture the cosine baseline picks (highest cosine). */
  get byCosine(): SimilarityRow {
    return this.rows.reduce((a, b) => (b.cosine > a.cosine ? b : a));
  }
  /** The mixture the L2 baseline picks (lowest distance). */
  get byL2(): SimilarityRow {
    return this.rows.reduce((a, b) => (b.l2 < a.l2 ? b : a));
  }
  html(): string {
    return tableBlock(
      this.rows.map((r) => ({ mixture: r.mixture, size: r.size, cosine: r.cosine, "L2 distance": r.l2 })),
      {
        caption: `Similarity of each mixture to ${this.target} (θ0 embeddings, ${this.rule} rule): cosine picks ${this.byCosine.mixture}, L2 picks ${this.byL2.mixture}`,
      },
    );
  }
  summary(): string {
    return `similarity baselines on ${this.target}: cosine picks ${this.byCosine.mixture}, L2 picks ${this.byL2.mixture}`;
  }
}

/**
 * Step 6: the baselines Merge to Mix is compared with — pick the mixture whose data looks most like the
 * target's (embeddings by θ0's encoder; cosine of mean embeddings and mean L2 distance), no fine-tuning.
 *
 * @example
 * const sims = similarityBaselines(experts, "hershey-digits");
 * sims.byCosine.mixture;
 */
export function similarityBaselines(experts: Experts, target: string): SimilarityBaselines {
  if (!(experts instanceof Experts))
    throw new InvalidArgumentError("experts", experts, "the value of `await fineTuneEach(base, datasets)`");
  const base = experts.base,
    t = base.task(target);
  if (experts.names.includes(t.name))
    throw new InvalidArgumentError(
      "target",
      target,
      `a task that is not one of the experts (${experts.names.join(", ")})`,
    );
  const tasks = experts.names.map((n) => base.task(n));
  const sim = datasetSimilarities(base.evaluator(), base.theta0, [...tasks, t], [t], featureSize(base.netSpec))[t.name];
  const o = { rule: base.spec.similarityRule, sizes: tasks.map((x) => x.splits.train.n), k: base.spec.topK };
  const cos = mixtureSimilarity(
    experts.names.map((n) => sim.cosine[n]),
    { ...o, better: "higher" },
  );
  const l2 = mixtureSimilarity(
    experts.names.map((n) => sim.l2[n]),
    { ...o, better: "lower" },
  );
  const rows: SimilarityRow[] = [];
  for (let mask = 1; mask < 2 ** tasks.length; mask++) {
    const members = experts.names.filter((_, i) => (mask >> i) & 1);
    rows.push({ mixture: members.join(" + "), size: members.length, mask, cosine: cos[mask], l2: l2[mask] });
  }
  return new SimilarityBaselines(experts, t.name, rows, base.spec.similarityRule);
}
