import type { Verified } from "../verified";
import { fixed, pct } from "./numbers";
// "a+b+c", as on the command line
const mixtureName = (m: { members: readonly string[] }): string => m.members.join("+");

const SHORTLISTS: Record<Verified["strategy"], string> = {
  top: "the merged model's best mixtures",
  sizes: "the merged model's best mixture of each size",
  portfolio: "the best mixtures of the merged model, cosine and L2 in turn",
  adaptive: "down the merged ranking while a next mixture, corrected by the residuals so far, could still win",
};

/**
 * The verified shortlist of `select --verify K`: each verified mixture's merged score beside its real one
 * (the pick first, marked), then the `recommended mixture:` line with the real validation numbers and the
 * pick's rank in the merged ranking:
 *   verified 3 of 127 mixtures (2 extra fine-tunes, 41.2 s):
 *     a+b+c  merged val loss 0.662  real val loss 0.611  ← recommended
 *   recommended mixture: a+b+c (real val loss 0.611, accuracy 83.1%; merged rank 3 of 127)
 *
 * @example
 * formatVerified(selection.verified!).join("\n");
 */
export function formatVerified(v: Verified): string[] {
  const pick = v.mixtures.find((m) => m.mask === v.recommended)!;
  const rows = [pick, ...v.mixtures.filter((m) => m !== pick)];
  const w = Math.max(...rows.map((m) => mixtureName(m).length));
  const out = [
    `verified ${v.mixtures.length} of ${v.scored} mixtures (${v.extra_finetunes} extra fine-tune${v.extra_finetunes === 1 ? "" : "s"}, ${v.seconds.toFixed(1)} s):`,
  ];
  for (const m of rows)
    out.push(
      `  ${mixtureName(m).padEnd(w)}  merged val loss ${fixed(m.merged_val_loss, 3)}  real val loss ${fixed(m.real_val_loss, 3)}${m === pick ? "  ← recommended" : ""}`,
    );
  out.push(
    `recommended mixture: ${mixtureName(pick)} (real val loss ${fixed(pick.real_val_loss, 3)}, accuracy ${pct(pick.real_val_acc)}%; merged rank ${pick.merged_rank} of ${v.scored})`,
  );
  out.push(
    `  (shortlist ${v.strategy}, K = ${v.k}: ${SHORTLISTS[v.strategy]}; real = θ0 fine-tuned on the mixture, on the target's validation split)`,
  );
  return out;
}
