import { RunResults } from "../src/results/results";
import { Problems, finite } from "./shared";

/**
 * Consistency problems of a run's mixture rows for the widgets: unknown targets, masks that are not a
 * mixture of the target's candidates, members that disagree with the mask, non-finite scores.
 *
 * @example
 * const problems = mixtureProblems(results); // [] when the data are usable
 */
export function mixtureProblems(results: RunResults): Problems {
  const problems: Problems = [];
  if (!results || !Array.isArray(results.targets) || !Array.isArray(results.mixtures) || !results.candidates) {
    return ["the input is not a RunResults object (targets, candidates and mixtures are required)"];
  }
  if (results.mixtures.length === 0) problems.push("the run has no mixture rows yet");
  for (const m of results.mixtures) {
    const where = `target ${JSON.stringify(m.target)}, mask ${m.mask}`;
    const cands = results.candidates[m.target];
    if (!results.targets.includes(m.target) || !Array.isArray(cands)) {
      problems.push(`${where}: unknown target (targets: ${results.targets.join(", ")})`);
      continue;
    }
    if (!Number.isInteger(m.mask) || m.mask < 1 || m.mask >= 2 ** cands.length) {
      problems.push(
        `${where}: not a mixture of the ${cands.length} candidates (expected a mask in 1..${2 ** cands.length - 1})`,
      );
      continue;
    }
    const expected = cands.filter((_, i) => m.mask & (1 << i));
    if (!Array.isArray(m.members) || expected.join("\u0000") !== m.members.join("\u0000"))
      problems.push(
        `${where}: members ${JSON.stringify(m.members)} do not match the mask (expected ${JSON.stringify(expected)})`,
      );
    for (const k of ["merged_val_acc", "merged_val_loss", "cosine", "l2"] as const)
      if (!finite(m[k])) problems.push(`${where}: ${k} is ${String(m[k])}, expected a finite number`);
    for (const k of ["true_val_acc", "true_val_loss"] as const)
      if (m[k] !== null && !finite(m[k]))
        problems.push(`${where}: ${k} is ${String(m[k])}, expected a finite number or null`);
  }
  return problems;
}
