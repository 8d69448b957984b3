import * as aq from "arquero";
import { MixtureRow, RunResults } from "../results/results";

/** One (target, mixture) averaged over seeds: the unit plotted in every correlation figure
 *  (a MixtureRow without its seed; true_* are null when no seed has the mixture fine-tune yet). */
export type MixturePoint = Omit<MixtureRow, "seed" | "true_test_loss"> & {
  /** How many seeds were averaged. */
  seeds: number;
};

const nullable = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/**
 * The mixtures of a run averaged over seeds (an arquero group-by on target × mask), in target order
 * then mask order. True scores average the seeds that have them.
 *
 * @example
 * const pts = mixturePoints(results).filter((p) => p.target === "mnist");
 */
export function mixturePoints(results: RunResults): MixturePoint[] {
  if (results.mixtures.length === 0) return [];
  const rows = results.mixtures.map((m) => ({
    target: m.target,
    mask: m.mask,
    members: m.members.join("\u0000"),
    size: m.size,
    merged_val_acc: m.merged_val_acc,
    merged_val_loss: m.merged_val_loss,
    cosine: m.cosine,
    l2: m.l2,
    true_val_acc: m.true_val_acc,
    true_val_loss: m.true_val_loss,
    true_test_acc: m.true_test_acc,
  }));
  const op = aq.op;
  const grouped = aq
    .from(rows)
    .groupby("target", "mask")
    .rollup({
      members: op.any("members"),
      size: op.any("size"),
      merged_val_acc: op.mean("merged_val_acc"),
      merged_val_loss: op.mean("merged_val_loss"),
      cosine: op.mean("cosine"),
      l2: op.mean("l2"),
      true_val_acc: op.mean("true_val_acc"),
      true_val_loss: op.mean("true_val_loss"),
      true_test_acc: op.mean("true_test_acc"),
      seeds: op.count(),
    })
    .objects() as Record<string, unknown>[];
  const order = new Map(results.targets.map((t, i) => [t, i]));
  return grouped
    .map((r) => ({
      target: String(r.target),
      mask: Number(r.mask),
      members: String(r.members)
        .split("\u0000")
        .filter((s) => s !== ""),
      size: Number(r.size),
      merged_val_acc: Number(r.merged_val_acc),
      merged_val_loss: Number(r.merged_val_loss),
      cosine: Number(r.cosine),
      l2: Number(r.l2),
      true_val_acc: nullable(r.true_val_acc),
      true_val_loss: nullable(r.true_val_loss),
      true_test_acc: nullable(r.true_test_acc),
      seeds: Number(r.seeds),
    }))
    .sort(
      (a, b) =>
        (order.get(a.target) ?? 1e9) - (order.get(b.target) ?? 1e9) ||
        a.target.localeCompare(b.target) ||
        a.mask - b.mask,
    );
}
