/**
 * The run's selection score of a merged model: higher is better (the negated validation loss, or the accuracy).
 *
 * @example
 * selectionScore("loss", 0.81, 0.42);       // -0.42
 * selectionScore("accuracy", 0.81, 0.42);   // 0.81
 */
export function selectionScore(score: "accuracy" | "loss", acc: number, loss: number): number {
  return score === "loss" ? -loss : acc;
}

/** What Merge to Mix selects by: the merged model's validation accuracy, or its (negated) cross-entropy. */
export type SelectionScore = "accuracy" | "loss";
