import { parseSurrogate } from "../../merge/surrogate";

/**
 * Why a surrogate cannot be scored for a target with `n` candidates, or undefined when it can: a
 * `calibrated[:k]` surrogate fits λ on k mixture fine-tunes of two or more candidates, and 2 candidates have
 * only one such mixture (the documented minimum of 2 candidates used to fail after every fine-tune).
 *
 * @example
 * surrogateLimit("calibrated", 2);   // "calibrated needs 4 mixtures of ≥ 2 candidates to fit λ; 2 candidates have 1"
 * surrogateLimit("ties", 2);         // undefined
 */
export function surrogateLimit(name: string, n: number): string | undefined {
  const s = parseSurrogate(name);
  if (s.kind !== "calibrated") return undefined;
  const pool = 2 ** n - n - 1;
  return s.k > pool
    ? `${name} needs ${s.k} mixtures of ≥ 2 candidates to fit λ; ${n} candidates have ${pool}`
    : undefined;
}
