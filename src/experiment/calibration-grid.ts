import * as fs from "node:fs";
import * as path from "node:path";
import { HEAD_RULES, type HeadRule } from "../model/spec";
import { bootstrapMean, type Interval } from "../select/metrics/bootstrap";
import { writeFileAtomic } from "../util/atomic";
import { InvalidArgumentError } from "../util/errors";
import { silentProgress } from "../util/progress";
import { signalChecks } from "../results/signal-checks";
import { claimsOf, type Claims } from "../results/claims";
import { checkOutputDir, markOutputDir } from "./run-dir";
import { runExperiment, type RunOptions } from "./run";
import type { GridCell } from "../results/grid-cell";
import type { TrainBudget } from "../model/recipe";
import { TRAIN_BUDGETS } from "../model/recipe";
import { taskVectorSummary } from "../results/diagnostics";
import { assertFineTuneMode, DEFAULT_FINETUNE, type FineTuneMode } from "../model/finetune-mode";
import { checkAnchorShare } from "../model/anchor";

/** Options of {@link calibrateGrid}: a run's options (suite, preset, seeds, …) minus what the grid varies. */
export type GridOptions = Omit<RunOptions, "headRule" | "trainBudget" | "out" | "finetune" | "anchorShare"> & {
  /** The grid's directory: one run directory per cell inside it. */
  out: string;
  headRules?: readonly HeadRule[];
  trainBudgets?: readonly TrainBudget[];
  /** Fine-tuning strength axes (each > 0; epochs whole): unset = the preset's one value, and the cell folders keep their old names. */
  learningRates?: readonly number[];
  epochs?: readonly number[];
  /** Fine-tuning regime axes: unset = the default mode (DEFAULT_FINETUNE) without anchors; standard and 0 add nothing to folder names. */
  finetunes?: readonly FineTuneMode[];
  /** Anchor shares in [0, 0.9] (0 = no anchors). */
  anchorShares?: readonly number[];
};

/** Check the regime axes: typed errors naming the bad value. */
function checkRegimes(modes: readonly string[] | undefined, shares: readonly number[] | undefined): void {
  for (const m of modes ?? []) assertFineTuneMode(m, "fine-tuning mode (--finetunes)");
  for (const s of shares ?? []) checkAnchorShare(s, "anchor share (--anchor-shares)");
  if (modes?.length === 0 || shares?.length === 0)
    throw new InvalidArgumentError("grid", { modes, shares }, "at least one value on each axis given");
}

/**
 * A cell's folder-name suffix for its strength and regime values: "-lrX" / "-eN" when those axes are given,
 * "-tangent" for tangent fine-tuning and "-anchorS" for an anchor share above 0 (standard and 0 add nothing,
 * so those cells keep the folders, and the runs, of grids without the axes).
 *
 * @example
 * cellSuffix({ learningRate: 3e-4, finetune: "tangent", anchorShare: 0.5 });   // "-lr0.0003-tangent-anchor0.5"
 */
export function cellSuffix(c: {
  learningRate?: number;
  epochs?: number;
  finetune?: FineTuneMode;
  anchorShare?: number;
}): string {
  return (
    (c.learningRate === undefined ? "" : `-lr${c.learningRate}`) +
    (c.epochs === undefined ? "" : `-e${c.epochs}`) +
    (c.finetune === "tangent" ? "-tangent" : "") +
    (c.anchorShare ? `-anchor${c.anchorShare}` : "")
  );
}

/** Check the strength axes: typed errors naming the bad value. */
function checkStrength(lrs: readonly number[] | undefined, epochs: readonly number[] | undefined): void {
  for (const v of lrs ?? [])
    if (typeof v !== "number" || !Number.isFinite(v) || !(v > 0))
      throw new InvalidArgumentError("learning rate", v, "a positive finite number");
  for (const v of epochs ?? [])
    if (!Number.isInteger(v) || v < 1) throw new InvalidArgumentError("epochs", v, "a whole number ≥ 1");
  if (lrs?.length === 0 || epochs?.length === 0)
    throw new InvalidArgumentError("grid", { lrs, epochs }, "at least one value on each axis given");
}

/**
 * Run the protocol grid head rule × fine-tuning budget (× learning rate × epochs × fine-tuning mode × anchor
 * share, when given) on one suite
 * and preset (default {refit, shared} × {epochs, steps}), each cell a resumable run in its own directory, and measure per cell what decides
 * whether the paper's claims can be tested there: fine-tuning moves the target, the mixture matters
 * (oracle − random above its noise), the truth repeats across seeds, the claims with intervals, and the
 * measured median relative update ‖τ‖/‖θ0‖ of the single fine-tunes (the fine-tuning strength).
 * Writes OUT/calibration.json. Choose defaults from it, never from test numbers alone.
 *
 * @example
 * const cells = await calibrateGrid({ suite: "vision8", preset: "quick", seeds: 3, out: "runs/calibrate-vision8" });
 */
export async function calibrateGrid(opts: GridOptions): Promise<GridCell[]> {
  const rules = opts.headRules ?? ["refit", "shared"];
  const budgets = opts.trainBudgets ?? TRAIN_BUDGETS;
  for (const r of rules)
    if (!(HEAD_RULES as readonly string[]).includes(r))
      throw new InvalidArgumentError("head rule", r, HEAD_RULES.join(", "));
  for (const b of budgets)
    if (!(TRAIN_BUDGETS as readonly string[]).includes(b))
      throw new InvalidArgumentError("budget", b, TRAIN_BUDGETS.join(", "));
  checkStrength(opts.learningRates, opts.epochs);
  checkRegimes(opts.finetunes, opts.anchorShares);
  if (rules.length === 0 || budgets.length === 0)
    throw new InvalidArgumentError("grid", { rules, budgets }, "at least one head rule and one budget");
  // an older calibrate folder (before the marker) is recognised by its calibration.json or a cell folder
  const ours = ["calibration.json", ...HEAD_RULES.flatMap((r) => TRAIN_BUDGETS.map((b) => `${r}-${b}`))];
  checkOutputDir(opts.out, "out", ours);
  const progress = opts.progress ?? silentProgress;
  const cells: GridCell[] = [];
  markOutputDir(opts.out, "calibrate", "out", ours); // its cells are runs of their own, made inside it
  const strength: Array<{ learningRate?: number; epochs?: number; finetune?: FineTuneMode; anchorShare?: number }> = [];
  for (const learningRate of opts.learningRates ?? [undefined])
    for (const epochs of opts.epochs ?? [undefined])
      for (const finetune of opts.finetunes ?? [DEFAULT_FINETUNE])
        for (const anchorShare of opts.anchorShares ?? [undefined])
          strength.push({ learningRate, epochs, finetune, anchorShare });
  for (const headRule of rules) {
    for (const trainBudget of budgets)
      for (const st of strength) {
        const suffix = cellSuffix(st);
        const dir = path.join(opts.out, `${headRule}-${trainBudget}${suffix}`);
        const axes = [
          st.learningRate === undefined ? "" : `lr${st.learningRate}`,
          st.epochs === undefined ? "" : `e${st.epochs}`,
          st.finetune === "tangent" ? "tangent" : "",
          st.anchorShare ? `anchor${st.anchorShare}` : "",
        ].filter(Boolean);
        progress.log(`calibrate: cell ${[headRule, trainBudget, ...axes].join(" × ")} → ${dir}`);
        const {
          out: _o,
          headRules: _h,
          trainBudgets: _b,
          learningRates: _l,
          epochs: _e,
          finetunes: _f,
          anchorShares: _a,
          ...rest
        } = opts;
        const recipe = {
          ...rest.recipe,
          ...(st.learningRate === undefined ? {} : { learningRate: st.learningRate }),
          ...(st.epochs === undefined ? {} : { epochs: st.epochs }),
        };
        const results = await runExperiment({
          ...rest,
          recipe,
          headRule,
          trainBudget,
          ...(st.finetune === undefined ? {} : { finetune: st.finetune }),
          ...(st.anchorShare === undefined ? {} : { anchorShare: st.anchorShare }),
          out: dir,
        });
        const claims = claimsOf(results);
        if (!claims)
          throw new InvalidArgumentError(
            "groundTruth",
            false,
            "a ground truth (calibrate compares cells by their truth)",
          );
        const cal = signalChecks(results).find((c) => c.target === "mean")!;
        const sel = (m: string) =>
          new Map(
            results.selections.filter((s) => s.method === m).map((s) => [`${s.target}/${s.seed}`, s.test_acc] as const),
          );
        const oracle = sel("oracle"),
          random = sel("random");
        const omr = results.targets.map((t) =>
          results.seeds.map((s) => 100 * ((oracle.get(`${t}/${s}`) ?? NaN) - (random.get(`${t}/${s}`) ?? NaN))),
        );
        const base = new Map(results.base.map((b) => [`${b.target}/${b.seed}`, b.test_acc] as const));
        const omb = results.targets.map((t) =>
          results.seeds.map((s) => 100 * ((oracle.get(`${t}/${s}`) ?? NaN) - (base.get(`${t}/${s}`) ?? NaN))),
        );
        const update = taskVectorSummary(results.taskVectors ?? [])?.relativeUpdate.median ?? null;
        cells.push({
          headRule,
          trainBudget,
          ...(st.learningRate === undefined ? {} : { learningRate: st.learningRate }),
          ...(st.epochs === undefined ? {} : { epochs: st.epochs }),
          ...(st.finetune === "tangent" ? { finetune: st.finetune } : {}),
          ...(st.anchorShare ? { anchorShare: st.anchorShare } : {}),
          dir,
          ownGain: cal.own_gain,
          oracleMinusRandom: bootstrapMean(omr),
          oracleMinusBase: bootstrapMean(omb),
          seedRepeat: cal.repeat_loss,
          relativeUpdate: update,
          claims,
        });
      }
  }
  fs.mkdirSync(opts.out, { recursive: true });
  writeFileAtomic(path.join(opts.out, "calibration.json"), JSON.stringify(cells, null, 1) + "\n");
  return cells;
}
