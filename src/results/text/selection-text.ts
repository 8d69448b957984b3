import * as path from "path";
import { mixtureName } from "../../data/mixture-name";
import { formatRecommendation } from "./recommendation-text";
import { formatWeighted } from "./weighted-text";
import { fixed, pct } from "./numbers";
import type { SelectionResult } from "../selection-result";

/**
 * A selection for a terminal: the recommendation (see {@link formatRecommendation}) and, when it was
 * trained, the final model's numbers on the target and where it was written (`out`: the output folder).
 *
 * @example
 * console.log(formatSelection(await selectMixture(opts), opts.out));
 */
export function formatSelection(s: SelectionResult, out?: string): string {
  const lines = [formatRecommendation(s)];
  if (s.weighted) lines.push("", ...formatWeighted([s.weighted], 1));
  const f = s.final;
  if (f) {
    const r = f.recipe as {
      optimizer?: string;
      learningRate?: number;
      batchSize?: number;
      epochs?: number;
      steps?: number;
      maxSteps?: number;
    };
    const budget =
      r.steps !== undefined
        ? `${r.steps} steps`
        : `${r.epochs} epochs${r.maxSteps !== undefined ? ` (at most ${r.maxSteps} steps)` : ""}`;
    lines.push(
      "",
      `final model: θ0 fine-tuned on ${mixtureName(f.mixture)} (the same recipe: ${r.optimizer} lr ${r.learningRate}, batch ${r.batchSize}, ${budget}; seed ${f.seed}; ${f.seconds.toFixed(1)} s)`,
    );
    lines.push(
      `  ${f.target} validation accuracy ${pct(f.val_acc)}% (loss ${fixed(f.val_loss, 3)}), test accuracy ${pct(f.test_acc)}% (loss ${fixed(f.test_loss, 3)})`,
    );
    if (out !== undefined) lines.push(`wrote ${path.join(out, f.file)} and ${path.join(out, "final.json")}`);
  } else {
    lines.push("", "final model: not trained (--no-train)");
  }
  return lines.join("\n");
}
