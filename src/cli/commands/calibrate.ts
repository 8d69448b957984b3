import { checkPreset } from "../../data/presets";
import { calibrateGrid } from "../../experiment/calibration-grid";
import { formatGrid } from "../../results/text/grid-text";
import { terminalProgress } from "../progress-bar";
import type { BackendChoice } from "../../model/backend";
import type { HeadRule } from "../../model/spec";
import { intOption, listOption, stringOption } from "../args";
import type { Command } from "../command";
import { RUNNER_OPTIONS, RUNNER_USAGE, withRunner } from "../runner-option";
import { suiteFromArgs } from "../suite-option";
import type { TrainBudget } from "../../model/recipe";
import { println } from "../io";
import { positiveListOption } from "../strength-option";
import { InvalidArgumentError } from "../../util/errors";
import { REGIME_AXES_USAGE, regimeAxes } from "../regime-option";

/** `--epochs 2,5`: whole numbers ≥ 1, refused by value otherwise. */
function epochsList(list: string[] | undefined): number[] | undefined {
  return list?.map((t) => {
    const v = Number(t);
    if (t.trim() === "" || !Number.isInteger(v) || v < 1)
      throw new InvalidArgumentError("--epochs", t, "whole numbers ≥ 1, comma-separated");
    return v;
  });
}

export const calibrateCommand: Command = {
  name: "calibrate",
  summary:
    "run the protocol grid (head rule × fine-tuning budget × strength and regime axes) and compare the claims per cell",
  usage: `merge-to-mix calibrate --suite vision8|text8|synthetic [--preset quick|full] [--seeds n] [--targets a,b]
                 [--head-rules refit,shared] [--budgets epochs,steps] [--lrs X,Y,…] [--epochs n,m,…]
                 ${REGIME_AXES_USAGE} [--surrogates a,b,…] [--workers n]
                 [--backend auto|wasm|cpu] [--queue redis://HOST:PORT] --out runs/calibrate-NAME
    One resumable run per cell (OUT/RULE-BUDGET[-lrX][-eN][-tangent][-anchorS]), then one table: the measured
    median relative update ‖τ‖/‖θ0‖ of the single fine-tunes, own-task gain, oracle − random, seed repeatability,
    claim 1 and every method's normalised regret with 95% intervals, and the recommended cell (the truth repeats,
    the best mixture beats θ0, the mixture matters clearly above the noise; among cells meeting all three, the
    highest claim-1 r). Axes: head rule, fine-tuning budget, the strength axes --lrs (learning rates > 0) and
    --epochs (whole numbers ≥ 1), and the regime axes --finetunes (standard, tangent: the model linearized
    around θ0) and --anchor-shares (fractions in [0, 0.9] of every fine-tune batch drawn from θ0's
    pretraining data); unset axes keep the preset's recipe, the default tangent fine-tuning and no anchors;
    standard fine-tuning and anchor share 0 add nothing to a cell's folder name. Writes OUT/calibration.json.
    ${RUNNER_USAGE}`,
  options: [
    "suite",
    "preset",
    "seeds",
    "targets",
    "head-rules",
    "budgets",
    "lrs",
    "epochs",
    "finetunes",
    "anchor-shares",
    "surrogates",
    "workers",
    "backend",
    "out",
    "data",
    "label-column",
    ...RUNNER_OPTIONS,
  ],
  async run(a, io) {
    const suite = suiteFromArgs(a);
    const preset = checkPreset(stringOption(a, "preset", "quick")!);
    const cells = await withRunner(a, (runner) =>
      calibrateGrid({
        suite,
        preset,
        seeds: intOption(a, "seeds", 3, 1, 100),
        targets: listOption(a, "targets") ?? null,
        headRules: listOption(a, "head-rules") as HeadRule[] | undefined,
        trainBudgets: listOption(a, "budgets") as TrainBudget[] | undefined,
        learningRates: positiveListOption(a, "lrs"),
        epochs: epochsList(listOption(a, "epochs")),
        ...regimeAxes(a),
        surrogates: listOption(a, "surrogates"),
        workers: intOption(a, "workers", 2, 1, 64),
        backend: stringOption(a, "backend", "auto") as BackendChoice,
        out: stringOption(a, "out", `runs/calibrate-${suite}-${preset}`)!,
        runner,
        progress: terminalProgress(io.err),
      }),
    );
    println(io.out, formatGrid(cells));
    return 0;
  },
};
