import { checkPreset } from "../../data/presets";
import { terminalProgress } from "../progress-bar";
import { runExperiment } from "../../experiment/run";
import { formatSummary } from "../../results/text/summary";
import type { BackendChoice } from "../../model/backend";
import type { HeadRule } from "../../model/spec";
import { intOption, listOption, stringOption } from "../args";
import type { Command } from "../command";
import { PROTOCOL_OPTIONS, PROTOCOL_USAGE, protocolOptions } from "../protocol-options";
import { VERIFY_OPTIONS, VERIFY_USAGE, verifyOptions } from "../verify-option";
import { RUNNER_OPTIONS, RUNNER_USAGE, withRunner } from "../runner-option";
import { suiteFromArgs } from "../suite-option";
import { positiveOption } from "../strength-option";
import type { SelectionScore } from "../../select/selection-score";
import { println } from "../io";
import { REGIME_OPTIONS, REGIME_USAGE, regimeOptions } from "../regime-option";

export const runCommand: Command = {
  name: "run",
  summary: "the leave-one-out Merge to Mix reproduction on a suite (with ground truth)",
  usage: `merge-to-mix run --suite vision8|text8|synthetic|CONFIG.yaml [--targets a,b] [--preset quick|full] [--seeds n] --out runs/NAME
                 [--head-rule shared|frozen|refit] [--score loss|accuracy] [--epochs n] [--lr X] [--workers n]
                 [--backend auto|wasm|cpu|tensorflow|tensorflow-gpu] [--candidates a,b,c] [--no-ground-truth]
                 [--search exhaustive|greedy|beam|evolutionary|surrogate] [--budget K] [--data name=PATH,…]
                 [--label-column NAME] [--data-seed n] [--overwrite] [--queue redis://HOST:PORT]
                 ${PROTOCOL_USAGE} [--weighted [--weighted-budget K]] [--verify K]
                 ${REGIME_USAGE}
    Leave-one-out Merge to Mix: fine-tune once per dataset, score every mixture by its merged model,
    compare with the similarity baselines and (ground truth) one fine-tune per mixture. Resumable: run the
    same command again after an interruption. Writes results.json and CSVs under --out. --no-ground-truth
    reports each target's pick by merged-model score only; --search/--budget K score fewer mixtures.
    --surrogate picks what Merge to Mix selects with (default mean, the paper's uniform average); with a
    ground truth every surrogate of --surrogates (default mean,ta:0.5,ta:1,ties,dare,calibrated,matched,matched:fit,ensemble) is also
    scored and judged (matched: budget-matched coefficients, matched:x a shrink x in (0, 2], matched:fit; ensemble:
    the size-weighted average of the singles' predicted probabilities, no merge). --lr sets the fine-tuning
    learning rate (> 0). --budget steps gives every fine-tune the same step count (default: epochs over the union).
    --finetune tangent (the default, picked by calibrate's rule: docs/protocol.md) fine-tunes (singles, mixtures,
    final model) the model linearized around θ0, f(x; θ0) + J(x; θ0)·(θ − θ0), and evaluates every model as such;
    --finetune standard trains the network itself, as the paper does. --anchor-share s draws a
    fraction s in [0, 0.9] of every fine-tune batch from θ0's pretraining data (default 0; vision and text8).
    --weighted also optimises mixture proportions on the simplex by the merged model (K merge-evaluations per
    target and seed, default 200) and, with a ground truth, fine-tunes them (optimised, uniform and
    size-proportional over the binary pick) to check the weighted pick against the binary one.
    With a ground truth the summary also prints the cost–regret frontier of verifying a shortlist by real
    fine-tunes (verify curve lines, K = 1 … 8 and exhaustive) and pairs the shortlists at K = --verify (default 3).
    ${RUNNER_USAGE}`,
  options: [
    "suite",
    "targets",
    "preset",
    "seeds",
    "out",
    "head-rule",
    "score",
    "epochs",
    "lr",
    "workers",
    "backend",
    "candidates",
    "no-ground-truth",
    "overwrite",
    "data-seed",
    "search",
    ...PROTOCOL_OPTIONS,
    "data",
    "label-column",
    "weighted",
    "weighted-budget",
    "verify",
    ...REGIME_OPTIONS,
    ...RUNNER_OPTIONS,
  ],
  flags: ["no-ground-truth", "overwrite", "weighted"],
  async run(a, io) {
    const suite = suiteFromArgs(a);
    const preset = checkPreset(stringOption(a, "preset", "quick")!);
    const out = stringOption(a, "out", `runs/${suite}-${preset}`)!;
    const epochs = a.options.has("epochs") ? intOption(a, "epochs", 0, 1, 1000) : undefined;
    const learningRate = positiveOption(a, "lr");
    const regime = regimeOptions(a);
    const progress = terminalProgress(io.err);
    const results = await withRunner(a, (runner) =>
      runExperiment({
        suite,
        preset,
        out,
        seeds: intOption(a, "seeds", 1, 1, 100),
        targets: listOption(a, "targets") ?? null,
        candidates: listOption(a, "candidates"),
        headRule: stringOption(a, "head-rule") as HeadRule | undefined,
        score: stringOption(a, "score") as SelectionScore | undefined,
        dataSeed: a.options.has("data-seed") ? intOption(a, "data-seed", 0, 0) : undefined,
        recipe:
          epochs === undefined && learningRate === undefined
            ? undefined
            : { ...(epochs === undefined ? {} : { epochs }), ...(learningRate === undefined ? {} : { learningRate }) },
        groundTruth: a.options.has("no-ground-truth") ? false : undefined,
        search: stringOption(a, "search"),
        ...protocolOptions(a),
        ...regime,
        verify: verifyOptions(a).verify,
        weighted: a.options.has("weighted"),
        weightedBudget: a.options.has("weighted-budget") ? intOption(a, "weighted-budget", 0, 1) : undefined,
        workers: intOption(a, "workers", 2, 1, 64),
        backend: stringOption(a, "backend", "auto") as BackendChoice,
        overwrite: a.options.has("overwrite"),
        runner,
        progress,
      }),
    );
    println(io.out, formatSummary(results));
    println(
      io.out,
      `\nresults: ${out}/results.json (+ mixtures.csv, selections.csv, correlations.csv, base.csv, cost.csv)`,
    );
    return 0;
  },
};
