import { InvalidArgumentError } from "../util/errors";

/** What a mixture fine-tune's budget is tied to (mirrors model/recipe's TrainBudget; merge sits below model). */
export type MatchedBudget = "epochs" | "steps";

/** The facts budget-matched coefficients depend on. */
export interface MatchedRule {
  /** "epochs": epochs over the union (a mixture sees each Dᵢ as often as its own fine-tune did); "steps": one fixed step count for every fine-tune. */
  readonly budget: MatchedBudget;
  /** Training examples of each candidate (candidate order). */
  readonly sizes: readonly number[];
  /**
   * Sampling proportions of a weighted mixture fine-tune (candidate order; normalised over the members).
   * It runs the step budget the binary mixture would get, batches drawn by proportion. Unset: size-proportional.
   */
  readonly weights?: readonly number[];
}

function check(rule: MatchedRule, mask: number): void {
  const n = rule.sizes.length;
  if (!Number.isInteger(mask) || mask <= 0 || mask >= 2 ** n)
    throw new InvalidArgumentError("mask", mask, `a non-empty subset of ${n} candidates`);
  if (rule.budget !== "epochs" && rule.budget !== "steps")
    throw new InvalidArgumentError("budget", rule.budget, '"epochs" or "steps"');
  for (const s of rule.sizes)
    if (!(s > 0) || !Number.isFinite(s))
      throw new InvalidArgumentError("sizes", rule.sizes, "positive finite training-set sizes");
  if (rule.weights && (rule.weights.length !== n || rule.weights.some((w) => !(w >= 0) || !Number.isFinite(w)))) {
    throw new InvalidArgumentError("weights", rule.weights, `${n} non-negative finite sampling proportions`);
  }
}

/**
 * Budget-matched merge coefficients of mixture `mask`: cᵢ = (examples of Dᵢ the mixture fine-tune sees) /
 * (examples Dᵢ's single fine-tune saw), 0 for non-members. The surrogate is θ0 + x Σ cᵢ τᵢ (x a shrink factor).
 * - epochs budget, binary: each Dᵢ is seen `epochs` times in both, so cᵢ = 1 (the sum of task vectors);
 * - steps budget, binary: both run the same steps, Dᵢ drawn with share nᵢ / N_S, so cᵢ = nᵢ / N_S (the
 *   size-weighted mean; the uniform mean when sizes are equal);
 * - weighted (proportions wᵢ, the binary mixture's step budget): steps → cᵢ = wᵢ; epochs → cᵢ = wᵢ N_S / nᵢ.
 *
 * @example
 * matchedCoefficients({ budget: "epochs", sizes: [100, 300] }, 0b11);   // [1, 1]
 * matchedCoefficients({ budget: "steps", sizes: [100, 300] }, 0b11);    // [0.25, 0.75]
 * matchedCoefficients({ budget: "steps", sizes: [100, 300], weights: [1, 1] }, 0b11);   // [0.5, 0.5]
 */
export function matchedCoefficients(rule: MatchedRule, mask: number): number[] {
  check(rule, mask);
  const inS = (i: number) => ((mask >>> i) & 1) === 1;
  const total = rule.sizes.reduce((s, n, i) => (inS(i) ? s + n : s), 0);
  const w = rule.weights;
  const wSum = w ? w.reduce((s, v, i) => (inS(i) ? s + v : s), 0) : 0;
  if (w && !(wSum > 0))
    throw new InvalidArgumentError("weights", w, `a positive proportion for some member of mask ${mask}`);
  return rule.sizes.map((n, i) => {
    if (!inS(i)) return 0;
    const share = w ? w[i] / wSum : n / total; // the fraction of the mixture's examples drawn from Dᵢ
    return rule.budget === "steps" ? share : (share * total) / n;
  });
}

/**
 * How to sweep a binary budget-matched surrogate in Gray-code order ({@link sweepSubsets}): scale model i by
 * `scales[i]`, then each subset is `sum · a + θ0 · b` with `[a, b] = coefficients(size, mask)` — equal to
 * θ0 + x Σ cᵢ τᵢ with cᵢ from {@link matchedCoefficients}. (Under a steps budget a subset's scale depends on
 * its members' total size, hence the mask; the scales are relative to the mean size to keep float32 sums near 1.)
 *
 * @example
 * const plan = matchedSweep({ budget: "epochs", sizes: [200, 200] }, 0.5);
 * plan.coefficients(2, 0b11);   // [0.5, 0]: θ0 + 0.5 (τ₁ + τ₂)
 */
export function matchedSweep(
  rule: Omit<MatchedRule, "weights">,
  shrink: number,
): { scales: number[]; coefficients: (size: number, mask: number) => readonly [number, number] } {
  if (!(shrink > 0) || !Number.isFinite(shrink))
    throw new InvalidArgumentError("shrink", shrink, "a positive finite factor");
  check(rule, 1);
  if (rule.budget === "epochs")
    return { scales: rule.sizes.map(() => 1), coefficients: (k) => [shrink, 1 - shrink * k] };
  const mean = rule.sizes.reduce((a, b) => a + b, 0) / rule.sizes.length;
  const rel = rule.sizes.map((n) => n / mean);
  return {
    scales: rel,
    coefficients: (_k, mask) => {
      let total = 0;
      for (let i = 0; i < rel.length; i++) if ((mask >>> i) & 1) total += rel[i];
      return [shrink / total, 1 - shrink];
    },
  };
}
