import { InvalidArgumentError } from "../../util/errors";
import type { Progress } from "../../util/progress";

/** A black-box mixture score (higher = better), e.g. the merged model's validation accuracy. */
export type Objective = (mask: number) => number | Promise<number>;

/** One step of a search: the best mixture found so far after `evaluations` distinct evaluations. */
export interface TraceEntry {
  step: number;
  mask: number;
  score: number;
  evaluations: number;
}

/** What every search strategy returns. */
export interface SearchResult {
  /** Best mixture found (among those actually evaluated). */
  mask: number;
  score: number;
  /** Distinct mixtures evaluated (repeats are cached and free). */
  evaluations: number;
  trace: TraceEntry[];
}

/** Options shared by all strategies. */
export interface SearchOptions {
  progress?: Progress;
  /**
   * At most this many distinct mixtures are evaluated (merge-evaluations); the strategy stops where the
   * budget runs out and returns the best mixture evaluated so far. Default: the strategy's own stopping rule.
   */
  budget?: number;
}

/** Check a budget option: undefined (none) or a positive integer. */
export function checkBudget(budget: number | undefined): void {
  if (budget !== undefined && (!Number.isInteger(budget) || budget < 1))
    throw new InvalidArgumentError("budget", budget, "a positive integer number of merge-evaluations");
}

/** Thrown inside a strategy when its budget is spent; {@link BudgetedObjective.run} turns it into the result so far. */
class BudgetSpent extends Error {}

/** Check the number of candidates a bitmask search can handle. */
export function checkCandidates(n: number): void {
  if (!Number.isInteger(n) || n < 1 || n > 30)
    throw new InvalidArgumentError("n", n, "an integer number of candidates in 1 … 30");
}

/**
 * Wraps an objective: caches by mask, counts distinct evaluations, tracks the best so far
 * (ties → lowest mask), records a trace entry per `step()` and enforces an evaluation budget
 * (a new mixture past the budget ends the strategy's {@link BudgetedObjective.run}).
 *
 * @example
 * const ev = new BudgetedObjective(score, 5);
 * await ev.score(0b101);
 * ev.result();
 */
export class BudgetedObjective {
  private readonly cache = new Map<number, number>();
  private bestMask = -1;
  private bestScore = -Infinity;
  private steps = 0;
  readonly trace: TraceEntry[] = [];

  constructor(
    private readonly objective: Objective,
    readonly n: number,
    private readonly progress?: Progress,
    readonly budget = Infinity,
  ) {
    checkCandidates(n);
    if (budget !== Infinity) checkBudget(budget);
  }

  get evaluations(): number {
    return this.cache.size;
  }

  /** Whether another new mixture may still be evaluated. */
  get budgetLeft(): boolean {
    return this.cache.size < this.budget;
  }

  /**
   * Run a strategy's body and return the best mixture found; a body cut short by the budget ends there.
   *
   * @example
   * return ev.run(async () => { for (const m of masks) await ev.score(m); });
   */
  async run(body: () => Promise<void>): Promise<SearchResult> {
    try {
      await body();
    } catch (err) {
      if (!(err instanceof BudgetSpent)) throw err;
    }
    if (this.progress) this.progress.done();
    return this.result();
  }

  /** Cached score of `mask` (a non-empty subset of the n candidates). */
  async score(mask: number): Promise<number> {
    if (!Number.isInteger(mask) || mask < 1 || mask >= 2 ** this.n)
      throw new InvalidArgumentError("mask", mask, `a non-empty mixture in 1 … ${2 ** this.n - 1}`);
    const hit = this.cache.get(mask);
    if (hit !== undefined) return hit;
    if (!this.budgetLeft) throw new BudgetSpent();
    const raw = await this.objective(mask);
    if (typeof raw !== "number") throw new InvalidArgumentError(`score(${mask})`, raw, "a number");
    const s = Number.isNaN(raw) ? -Infinity : raw; // an undefined score never wins
    this.cache.set(mask, s);
    if (this.bestMask < 0 || s > this.bestScore || (s === this.bestScore && mask < this.bestMask)) {
      this.bestMask = mask;
      this.bestScore = s;
    }
    if (this.progress) this.progress.tick(1);
    return s;
  }

  has(mask: number): boolean {
    return this.cache.has(mask);
  }

  /** Record the best so far as one step of the trace. */
  step(): void {
    this.trace.push({ step: this.steps++, mask: this.bestMask, score: this.bestScore, evaluations: this.evaluations });
  }

  result(): SearchResult {
    if (this.trace.length === 0 || this.trace[this.trace.length - 1].evaluations !== this.evaluations) this.step();
    return { mask: this.bestMask, score: this.bestScore, evaluations: this.evaluations, trace: this.trace };
  }
}
