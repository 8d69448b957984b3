import { bootstrapMean, pairedDifference, type Interval, type PairedComparison } from "../select/metrics/bootstrap";
import type { WeightedRow } from "./weighted-row";

type Truth = NonNullable<WeightedRow["truth"]>;

/** The fine-tunes of a weighted row's truth: the binary pick concatenated, and three sets of sampling proportions. */
export type WeightedArm = "binary" | "weighted" | "uniform" | "proportional";

/** Each arm's test accuracy from a row's truth (undefined: the binary pick has no fine-tune of its own). */
const ARM_TEST_ACC: Readonly<Record<WeightedArm, (t: Truth) => number | undefined>> = {
  binary: (t) => t.binary?.test_acc,
  weighted: (t) => t.weighted.test_acc,
  uniform: (t) => t.uniform.test_acc,
  proportional: (t) => t.proportional.test_acc,
};

/** A targets × seeds table of one arm's test accuracy; a cell without a truth is NaN. */
function armTable(
  rows: readonly WeightedRow[],
  targets: readonly string[],
  seeds: readonly number[],
  arm: WeightedArm,
): number[][] {
  return targets.map((t) =>
    seeds.map((s) => {
      const r = rows.find((x) => x.target === t && x.seed === s);
      return r && r.truth ? (ARM_TEST_ACC[arm](r.truth) ?? NaN) : NaN;
    }),
  );
}

const targetsOf = (rows: readonly WeightedRow[]) => [...new Set(rows.map((r) => r.target))];
const seedsOf = (rows: readonly WeightedRow[]) => [...new Set(rows.map((r) => r.seed))].sort((a, b) => a - b);

/** {@link weightedVsBinary}'s answer. */
export interface WeightedVsBinary {
  /** Optimised − binary-pick test accuracy, paired over targets × seeds (fractions). */
  paired: PairedComparison;
  /** `paired`, with lo = hi = NaN under 2 seeds (one seed's interval is not one). */
  interval: Interval;
}

/**
 * The paired test-accuracy difference of the optimised proportions over the binary pick's fine-tune,
 * over targets × seeds (a cell without a ground truth is NaN, left out). `seeds` (default: the distinct
 * seeds of `rows`) under 2 blanks the interval.
 *
 * @example
 * weightedVsBinary(results.weighted!).interval;   // { estimate: 0.011, lo: 0.003, hi: 0.02, … }
 */
export function weightedVsBinary(rows: readonly WeightedRow[], seeds?: number): WeightedVsBinary {
  const targets = targetsOf(rows),
    seedList = seedsOf(rows);
  const paired = pairedDifference(
    armTable(rows, targets, seedList, "weighted"),
    armTable(rows, targets, seedList, "binary"),
  );
  const interval = (seeds ?? seedList.length) < 2 ? { ...paired, lo: NaN, hi: NaN } : paired;
  return { paired, interval };
}

/** Every arm's test accuracy per target with intervals over its seeds, and the paired optimised − binary. */
export interface WeightedTruthIntervals {
  readonly targets: readonly string[];
  /** The number of distinct seeds. */
  readonly seeds: number;
  /** Per arm, one interval per target (in `targets` order): the mean over that target's seeds, bootstrapped over them. */
  readonly arms: Readonly<Record<WeightedArm, readonly Interval[]>>;
  readonly vsBinary: WeightedVsBinary;
}

/**
 * The weighted ground truth judged for a figure or a table: per target and arm the mean test accuracy over
 * seeds with a 95% bootstrap interval over the seeds, and the paired optimised − binary difference over
 * targets × seeds. Null when no row has a ground truth.
 *
 * @example
 * weightedTruthIntervals(results.weighted ?? [])?.arms.weighted[0];   // { estimate: 0.81, lo: 0.8, hi: 0.82, … }
 */
export function weightedTruthIntervals(rows: readonly WeightedRow[]): WeightedTruthIntervals | null {
  if (!rows.some((r) => r.truth)) return null;
  const targets = targetsOf(rows),
    seeds = seedsOf(rows);
  const perTarget = (arm: WeightedArm) => armTable(rows, targets, seeds, arm).map((row) => bootstrapMean([row]));
  return {
    targets,
    seeds: seeds.length,
    arms: {
      binary: perTarget("binary"),
      weighted: perTarget("weighted"),
      uniform: perTarget("uniform"),
      proportional: perTarget("proportional"),
    },
    vsBinary: weightedVsBinary(rows),
  };
}
