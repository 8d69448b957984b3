import { InvalidArgumentError } from "../../util/errors";
import { silentProgress } from "../../util/progress";
import { BudgetedObjective, type Objective, type SearchOptions, type SearchResult } from "./objective";

/** Options of {@link beamSearch}. */
export interface BeamOptions extends SearchOptions {
  /** Mixtures kept per level (default 3). */
  width?: number;
  /** Largest mixture size explored (default N). */
  maxSize?: number;
}

/**
 * Beam search over mixture size: level 1 keeps the `width` best singletons; each next level scores every
 * one-dataset extension of the kept mixtures and keeps the `width` best (ties → lowest mask). Returns the
 * best mixture seen at any level (or where the budget runs out). Width 1 is greedy forward without early
 * stopping.
 *
 * @example
 * const r = await beamSearch(score, 12, { width: 4 });
 */
export async function beamSearch(score: Objective, n: number, options: BeamOptions = {}): Promise<SearchResult> {
  const { width = 3, maxSize = n } = options;
  if (!Number.isInteger(width) || width < 1) throw new InvalidArgumentError("width", width, "a positive integer");
  if (!Number.isInteger(maxSize) || maxSize < 1 || maxSize > n)
    throw new InvalidArgumentError("maxSize", maxSize, `an integer in 1 … ${n}`);
  const progress = options.progress ?? silentProgress;
  const ev = new BudgetedObjective(score, n, progress, options.budget);
  progress.start(`beam (width ${width})`, ev.budget === Infinity ? 0 : ev.budget);
  return ev.run(async () => {
    let beam: number[] = [0];
    for (let size = 1; size <= maxSize; size++) {
      const seen = new Set<number>();
      const scored: Array<[number, number]> = [];
      for (const b of beam) {
        for (let i = 0; i < n; i++) {
          const m = b | (1 << i);
          if (m === b || seen.has(m)) continue;
          seen.add(m);
          scored.push([m, await ev.score(m)]);
        }
      }
      scored.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      beam = scored.slice(0, width).map((x) => x[0]);
      ev.step();
    }
  });
}
