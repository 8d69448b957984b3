/** A tiny hand-made run (2 targets × 2 candidates, 2 seeds) whose table values are computed by hand in tests. */
import { RunResults, SelectionRow, MethodName } from "../../src/experiment/results";

const sel = (seed: number, target: string, method: MethodName, test_acc: number, regret: number, rank: number): SelectionRow =>
  ({ seed, target, method, mask: 1, members: [], test_acc, regret, rank });

export function tinyResults(): RunResults {
  return {
    version: 1, spec: { preset: "tiny" }, suite: "tiny", targets: ["a", "b"],
    candidates: { a: ["b", "c"], b: ["a", "c"] },
    tasks: { a: { title: "Task A", classes: ["x"] }, b: { title: "Task B", classes: ["y"] } },
    seeds: [0, 1], mixtures: [],
    selections: [
      sel(0, "a", "merge-to-mix", 0.80, 0.02, 2), sel(1, "a", "merge-to-mix", 0.70, 0.10, 3),
      sel(0, "a", "oracle", 0.82, 0, 1), sel(1, "a", "oracle", 0.80, 0, 1),
      sel(0, "a", "cosine", 0.60, 0.22, 3), sel(1, "a", "cosine", 0.64, 0.16, 3),
      sel(0, "b", "merge-to-mix", 0.50, 0.00, 1), sel(1, "b", "merge-to-mix", 0.40, 0.05, 2),
      sel(0, "b", "oracle", 0.50, 0, 1), sel(1, "b", "oracle", 0.45, 0, 1),
      sel(0, "b", "random", 0.30, 0.20, 2), sel(1, "b", "random", 0.36, 0.09, 2),
    ],
    correlations: [
      { seed: 0, target: "a", scorer: "merged", truth: "val_acc", subset: "all", n: 3, pearson: 0.9, spearman: 1, kendall: 1 },
      { seed: 1, target: "a", scorer: "merged", truth: "val_acc", subset: "all", n: 3, pearson: 0.7, spearman: 0.5, kendall: 1 / 3 },
      { seed: 0, target: "b", scorer: "merged", truth: "val_acc", subset: "all", n: 3, pearson: 0.2, spearman: 0.5, kendall: 1 / 3 },
      { seed: 0, target: "a", scorer: "merged", truth: "val_acc", subset: "no-singletons", n: 1, pearson: NaN, spearman: NaN, kendall: NaN },
      { seed: 0, target: "mean", scorer: "merged", truth: "val_acc", subset: "all", n: 3, pearson: 123, spearman: 123, kendall: 123 },
      { seed: 0, target: "a", scorer: "cosine", truth: "val_loss", subset: "all", n: 3, pearson: -0.4, spearman: -0.5, kendall: -1 / 3 },
    ],
    base: [
      { seed: 0, target: "a", val_acc: 0.5, test_acc: 0.52 }, { seed: 1, target: "a", val_acc: 0.5, test_acc: 0.56 },
      { seed: 0, target: "b", val_acc: 0.3, test_acc: 0.30 },
    ],
    cost: [
      { seed: 0, target: "a", m2m_finetunes: 2, m2m_finetune_samples: 200, m2m_merge_evals: 3, m2m_seconds: 10, exhaustive_finetunes: 3, exhaustive_finetune_samples: 400, exhaustive_seconds: 30, speedup: 3 },
      { seed: 1, target: "a", m2m_finetunes: 2, m2m_finetune_samples: 200, m2m_merge_evals: 3, m2m_seconds: 20, exhaustive_finetunes: 3, exhaustive_finetune_samples: 400, exhaustive_seconds: 50, speedup: 2.5 },
      { seed: 0, target: "all", m2m_finetunes: 3, m2m_finetune_samples: 300, m2m_merge_evals: 6, m2m_seconds: 25, exhaustive_finetunes: 3, exhaustive_finetune_samples: 400, exhaustive_seconds: 100, speedup: 4 },
    ],
    complete: true, started: "2025-01-01T00:00:00Z", finished: "2025-01-01T00:10:00Z",
  };
}
