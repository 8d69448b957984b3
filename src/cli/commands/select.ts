import { checkPreset } from "../../data/presets";
import { suiteNames } from "../../data/suites";
import { formatSelection } from "../../results/text/selection-text";
import { terminalProgress } from "../progress-bar";
import { selectMixture } from "../../experiment/select-mixture";
import type { BackendChoice } from "../../model/backend";
import type { HeadRule } from "../../model/spec";
import { InvalidArgumentError } from "../../util/errors";
import { intOption, listOption, stringOption } from "../args";
import type { Command } from "../command";
import { RUNNER_OPTIONS, RUNNER_USAGE, withRunner } from "../runner-option";
import { PROTOCOL_OPTIONS, PROTOCOL_USAGE, protocolOptions } from "../protocol-options";
import { VERIFY_OPTIONS, VERIFY_USAGE, verifyOptions } from "../verify-option";
import { suiteFromArgs } from "../suite-option";
import type { SelectionScore } from "../../select/selection-score";
import { println } from "../io";
import { REGIME_OPTIONS, REGIME_USAGE, regimeOptions } from "../regime-option";

export const selectCommand: Command = {
  name: "select",
  summary: "choose a mixture for your own target (no ground truth), then train and export the final model",
  usage: `merge-to-mix select --suite NAME|CONFIG.json|CONFIG.yaml [--data name=PATH,…] --target T --out DIR
                 [--candidates a,b,c] [--search exhaustive|greedy|beam|evolutionary|surrogate] [--budget K]
                 [--no-train] [--preset quick|full] [--seed n] [--head-rule shared|frozen|refit]
                 [--score loss|accuracy] [--epochs n] [--label-column NAME] [--workers n]
                 [--backend auto|wasm|cpu|tensorflow|tensorflow-gpu] [--data-seed n] [--overwrite] [--queue redis://HOST:PORT]
                 ${PROTOCOL_USAGE} [--weighted [--weighted-budget K]] ${VERIFY_USAGE}
                 ${REGIME_USAGE}
    Merge to Mix for one target without a ground truth: fine-tune θ0 once per candidate (cached), score
    mixtures by their merged model on the target's validation split (all of them up to 16 candidates, or a
    search within --budget merge-evaluations), print the recommended mixture, the top 10 and each baseline's
    pick by merged score, then fine-tune θ0 on the recommendation and write DIR/final.safetensors (with its
    provenance) and DIR/final.json. --data adds your datasets (a CSV file, or a folder of one sub-folder per
    class with .png/.pgm images or .txt files) to --suite, or makes a suite of them alone. Resumable.
    --verify K fine-tunes K shortlisted mixtures for real (the final model's included: K − 1 extra) and
    recommends and exports the best real validation score; --verify-strategy picks the shortlist (default sizes).
    --finetune tangent (the default, picked by calibrate's rule: docs/protocol.md) fine-tunes the linearized
    model around θ0 (singles, verify and final fine-tunes; every score evaluates it as such; the exported model
    carries θ0 as theta0/…); --finetune standard trains the network itself, as the paper does. --anchor-share s
    draws a fraction s in [0, 0.9] of every fine-tune batch from θ0's pretraining data (default 0).
    ${RUNNER_USAGE}`,
  options: [
    "suite",
    "data",
    "label-column",
    "target",
    "candidates",
    "out",
    "search",
    ...PROTOCOL_OPTIONS,
    "no-train",
    "preset",
    "seed",
    "head-rule",
    "score",
    "epochs",
    "workers",
    "backend",
    "data-seed",
    "overwrite",
    "weighted",
    "weighted-budget",
    ...VERIFY_OPTIONS,
    ...REGIME_OPTIONS,
    ...RUNNER_OPTIONS,
  ],
  flags: ["no-train", "overwrite", "weighted"],
  async run(a, io) {
    const suite = suiteFromArgs(a);
    const target = stringOption(a, "target");
    if (!target)
      throw new InvalidArgumentError(
        "--target",
        "(none)",
        `the task to choose a mixture for (suites: ${suiteNames().join(", ")}; see merge-to-mix suites)`,
      );
    const preset = checkPreset(stringOption(a, "preset", "quick")!);
    const out = stringOption(a, "out", `runs/select-${suite}-${target}`)!;
    const epochs = a.options.has("epochs") ? intOption(a, "epochs", 0, 1, 1000) : undefined;
    const verify = verifyOptions(a);
    const regime = regimeOptions(a);
    if (verify.verify !== undefined && a.options.has("no-train"))
      throw new InvalidArgumentError(
        "--verify",
        stringOption(a, "verify"),
        "no --verify with --no-train (verifying fine-tunes the shortlist and exports the best)",
      );
    const result = await withRunner(a, (runner) =>
      selectMixture({
        suite,
        target,
        preset,
        out,
        candidates: listOption(a, "candidates"),
        search: stringOption(a, "search"),
        ...protocolOptions(a),
        ...regime,
        weighted: a.options.has("weighted"),
        weightedBudget: a.options.has("weighted-budget") ? intOption(a, "weighted-budget", 0, 1) : undefined,
        train: !a.options.has("no-train"),
        ...verify,
        seed: intOption(a, "seed", 0, 0),
        headRule: stringOption(a, "head-rule") as HeadRule | undefined,
        score: stringOption(a, "score") as SelectionScore | undefined,
        dataSeed: a.options.has("data-seed") ? intOption(a, "data-seed", 0, 0) : undefined,
        recipe: epochs === undefined ? undefined : { epochs },
        workers: intOption(a, "workers", 2, 1, 64),
        backend: stringOption(a, "backend", "auto") as BackendChoice,
        overwrite: a.options.has("overwrite"),
        runner,
        progress: terminalProgress(io.err),
      }),
    );
    println(io.out, formatSelection(result, out));
    println(io.out, `\nselection: ${out}/selection.json (+ mixtures.csv)`);
    return 0;
  },
};
