import { InvalidArgumentError } from "../../util/errors";
import { silentProgress } from "../../util/progress";
import { Rng } from "../../util/rng";
import { BudgetedObjective, type Objective, type SearchOptions, type SearchResult } from "./objective";

/** Options of {@link evolutionarySearch}. */
export interface EvolutionaryOptions extends SearchOptions {
  /** Seed of every random choice (default 0). */
  seed?: number;
  /** Individuals per generation (default 16). */
  population?: number;
  /** Generations after the initial one (default 20). */
  generations?: number;
  /** Per-bit flip probability (default 1/N). */
  mutation?: number;
  /** Stop once this many distinct mixtures were evaluated (default: no cap; `budget` caps it too). */
  maxEvaluations?: number;
}

/**
 * A seeded genetic algorithm on bitmasks: binary tournament selection, uniform crossover, bit-flip
 * mutation, the best individual carried over (elitism); empty children get one random dataset.
 * Repeated mixtures are cached, so `evaluations` counts distinct ones; once the budget is spent, unseen
 * children score −∞ and the run ends after that generation. Same seed → same result.
 *
 * @example
 * const r = await evolutionarySearch(score, 16, { seed: 1, population: 20, generations: 30 });
 */
export async function evolutionarySearch(
  score: Objective,
  n: number,
  options: EvolutionaryOptions = {},
): Promise<SearchResult> {
  const { seed = 0, population = 16, generations = 20, mutation = 1 / n, maxEvaluations = Infinity } = options;
  if (!Number.isInteger(population) || population < 2)
    throw new InvalidArgumentError("population", population, "an integer ≥ 2");
  if (!Number.isInteger(generations) || generations < 0)
    throw new InvalidArgumentError("generations", generations, "a non-negative integer");
  if (!(mutation >= 0 && mutation <= 1))
    throw new InvalidArgumentError("mutation", mutation, "a probability in [0, 1]");
  if (!(maxEvaluations >= 1)) throw new InvalidArgumentError("maxEvaluations", maxEvaluations, "at least 1");
  const progress = options.progress ?? silentProgress;
  const ev = new BudgetedObjective(score, n, progress, Math.min(maxEvaluations, options.budget ?? Infinity));
  const rng = new Rng(seed);
  const full = 2 ** n - 1;
  const nonEmpty = (m: number): number => (m !== 0 ? m : 1 << rng.int(n));
  progress.start("evolutionary search", ev.budget === Infinity ? 0 : ev.budget);

  let pop: number[] = [];
  for (let k = 0; k < population; k++) {
    let m = 0;
    for (let i = 0; i < n; i++) if (rng.next() < 0.5) m |= 1 << i;
    pop.push(nonEmpty(m & full));
  }
  const fitness = async (ms: number[]): Promise<number[]> => {
    const out: number[] = [];
    for (const m of ms) out.push(ev.has(m) || ev.budgetLeft ? await ev.score(m) : -Infinity);
    return out;
  };
  let fit = await fitness(pop);
  ev.step();
  for (let g = 0; g < generations && ev.budgetLeft; g++) {
    const tournament = (): number => {
      const a = rng.int(population),
        b = rng.int(population);
      return fit[a] > fit[b] || (fit[a] === fit[b] && pop[a] < pop[b]) ? pop[a] : pop[b];
    };
    let elite = 0;
    for (let k = 1; k < population; k++)
      if (fit[k] > fit[elite] || (fit[k] === fit[elite] && pop[k] < pop[elite])) elite = k;
    const next = [pop[elite]];
    while (next.length < population) {
      const p1 = tournament(),
        p2 = tournament();
      let child = 0;
      for (let i = 0; i < n; i++) {
        const bit = 1 << i;
        let on = (rng.next() < 0.5 ? p1 : p2) & bit;
        if (rng.next() < mutation) on = on ? 0 : bit;
        child |= on;
      }
      next.push(nonEmpty(child));
    }
    pop = next;
    fit = await fitness(pop);
    ev.step();
  }
  progress.done();
  return ev.result();
}
