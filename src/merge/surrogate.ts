import { InvalidArgumentError, UnknownNameError } from "../util/errors";

/**
 * What Merge to Mix scores a mixture S with: a model built from the members' single fine-tunes θ^i
 * (task vectors τ_i = θ^i − θ0).
 * - `mean`: the paper's uniform average (1/|S|) Σ θ^i — the update shrinks as S grows;
 * - `ta` (λ): task arithmetic θ0 + λ Σ τ_i — the update grows with S, as an epoch budget over the union does;
 * - `ties` (k %, λ): TIES-Merging of the task vectors; `dare` (p): drop-and-rescale, then the uniform mean;
 * - `calibrated` (k): task arithmetic with λ fitted on the validation loss of k sampled mixture fine-tunes
 *   (those k fine-tunes count in its cost);
 * - `matched` (shrink x, or `fit`): budget-matched coefficients (src/merge/matched-coefficients.ts): each
 *   member's τ_i scaled by the examples of D_i the mixture fine-tune sees over those its single fine-tune saw
 *   (the sum under an epochs budget, the size-weighted mean under a steps budget), times x; `fit` fits x on
 *   at most 3 mixture fine-tunes' validation loss (counted in its cost, like `calibrated`);
 * - `ensemble`: no merge at all — the size-weighted average of the members' predicted class probabilities
 *   (output space, MixMin), scored through the same head rule.
 * `mean`, `ta` and `dare` (one seeded drop mask per model) are linear in the weights (fast path: Gray-code
 * sweep over first-layer projections); `ties` trims each model once and merges subset by subset.
 */
export type Surrogate =
  | { readonly kind: "mean" }
  | { readonly kind: "ta"; readonly lambda: number }
  | { readonly kind: "ties"; readonly k: number; readonly lambda: number }
  | { readonly kind: "dare"; readonly p: number }
  | { readonly kind: "calibrated"; readonly k: number }
  | { readonly kind: "matched"; readonly shrink: number | "fit" }
  | { readonly kind: "ensemble" };

/** Every surrogate a run scores (over the same stored single fine-tunes), in report order. */
export const DEFAULT_SURROGATES: readonly string[] = [
  "mean",
  "ta:0.5",
  "ta:1",
  "ties",
  "dare",
  "calibrated",
  "matched",
  "matched:fit",
  "ensemble",
];

/** The λ grid `calibrated` searches (validation loss of its k mixture fine-tunes). */
export const CALIBRATION_LAMBDAS: readonly number[] = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0];

/** The shrink grid `matched:fit` searches, (0, 2] (validation loss of at most {@link MATCHED_FIT_K} mixture fine-tunes). */
export const MATCHED_SHRINKS: readonly number[] = Array.from({ length: 20 }, (_, i) => (i + 1) / 10);

/** How many mixture fine-tunes `matched:fit` fits its shrink factor on (fewer when the pool has fewer mixtures). */
export const MATCHED_FIT_K = 3;

const num = (text: string, name: string, what: string, ok: (v: number) => boolean): number => {
  const v = Number(text);
  if (text.trim() === "" || !Number.isFinite(v) || !ok(v)) throw new InvalidArgumentError(name, text, what);
  return v;
};

/**
 * Parse a surrogate name: `mean`, `ta:λ` (λ > 0), `ties[:k]` (k % kept, default 20; λ 1), `dare[:p]`
 * (drop probability, default 0.9), `calibrated[:k]` (mixture fine-tunes, default 4), `matched[:x]` (shrink
 * x in (0, 2], default 1) or `matched:fit`, `ensemble`.
 *
 * @example
 * parseSurrogate("ta:0.5");       // { kind: "ta", lambda: 0.5 }
 * parseSurrogate("calibrated");   // { kind: "calibrated", k: 4 }
 */
export function parseSurrogate(text: string): Surrogate {
  if (typeof text !== "string")
    throw new InvalidArgumentError("surrogate", text, `a name like ${DEFAULT_SURROGATES.join(", ")}`);
  const [kind, arg, extra] = text.trim().split(":");
  if (extra !== undefined) throw new InvalidArgumentError("surrogate", text, "NAME or NAME:VALUE");
  switch (kind) {
    case "mean":
      if (arg !== undefined) throw new InvalidArgumentError("surrogate", text, '"mean" without a value');
      return { kind: "mean" };
    case "ta":
      if (arg === undefined) throw new InvalidArgumentError("surrogate", text, "ta:λ with λ > 0, e.g. ta:0.5");
      return { kind: "ta", lambda: num(arg, "surrogate ta:λ", "λ > 0 and ≤ 10", (v) => v > 0 && v <= 10) };
    case "ties":
      return {
        kind: "ties",
        k:
          arg === undefined
            ? 20
            : num(arg, "surrogate ties:k", "k in (0, 100] (percent of entries kept)", (v) => v > 0 && v <= 100),
        lambda: 1,
      };
    case "dare":
      return {
        kind: "dare",
        p:
          arg === undefined
            ? 0.9
            : num(arg, "surrogate dare:p", "a drop probability in [0, 1)", (v) => v >= 0 && v < 1),
      };
    case "calibrated":
      return {
        kind: "calibrated",
        k:
          arg === undefined
            ? 4
            : num(
                arg,
                "surrogate calibrated:k",
                "an integer k in [2, 20] (mixture fine-tunes)",
                (v) => Number.isInteger(v) && v >= 2 && v <= 20,
              ),
      };
    case "matched":
      if (arg === "fit") return { kind: "matched", shrink: "fit" };
      return {
        kind: "matched",
        shrink:
          arg === undefined
            ? 1
            : num(arg, "surrogate matched:x", 'a shrink factor x in (0, 2], or "fit"', (v) => v > 0 && v <= 2),
      };
    case "ensemble":
      if (arg !== undefined) throw new InvalidArgumentError("surrogate", text, '"ensemble" without a value');
      return { kind: "ensemble" };
    default:
      throw new UnknownNameError("surrogate", text, [
        "mean",
        "ta:λ",
        "ties[:k]",
        "dare[:p]",
        "calibrated[:k]",
        "matched[:x|:fit]",
        "ensemble",
      ]);
  }
}

/**
 * The canonical name of a surrogate (parseSurrogate's inverse).
 *
 * @example
 * surrogateName({ kind: "ta", lambda: 0.5 });   // "ta:0.5"
 */
export function surrogateName(s: Surrogate): string {
  switch (s.kind) {
    case "mean":
      return "mean";
    case "ta":
      return `ta:${s.lambda}`;
    case "ties":
      return s.k === 20 ? "ties" : `ties:${s.k}`;
    case "dare":
      return s.p === 0.9 ? "dare" : `dare:${s.p}`;
    case "calibrated":
      return s.k === 4 ? "calibrated" : `calibrated:${s.k}`;
    case "matched":
      return s.shrink === 1 ? "matched" : `matched:${s.shrink}`;
    case "ensemble":
      return "ensemble";
  }
}
