import { formatInterval } from "./claims-text";
import { textTable } from "./text-table";
import type { GridCell } from "../grid-cell";
import { recommendedCell } from "../grid-cell";

/**
 * The calibrate table: one row per cell (head rule × budget) with what makes the paper's claims testable
 * there and the claims themselves, intervals in brackets, then the recommended cell and why.
 *
 * @example
 * console.log(formatGrid(cells));
 */
/**
 * A cell's name: head rule × budget (× lr × epochs when the grid varied them).
 *
 * @example
 * cellName(cell);   // "refit × epochs × lr 0.0003 × 5 ep"
 * cellName({ ...cell, finetune: "tangent", anchorShare: 0.5 });   // "… × tangent × anchor 0.5"
 */
export function cellName(c: GridCell): string {
  // each axis shows only when the grid set it, as in the cell's folder name
  const parts: string[] = [c.headRule, c.trainBudget];
  if (c.learningRate !== undefined) parts.push(`lr ${c.learningRate}`);
  if (c.epochs !== undefined) parts.push(`${c.epochs} ep`);
  if (c.finetune === "tangent") parts.push("tangent");
  if (c.anchorShare !== undefined && c.anchorShare > 0) parts.push(`anchor ${c.anchorShare}`);
  return parts.join(" × ");
}

export function formatGrid(cells: readonly GridCell[]): string {
  const n = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : "–");
  const method = (c: GridCell, m: string) => c.claims.methods.find((x) => x.method === m)!;
  const paired = (c: GridCell, b: string) => c.claims.paired.find((p) => p.against === b)!;
  const rows = cells.map((c) => [
    cellName(c),
    c.relativeUpdate == null ? "–" : `${(100 * c.relativeUpdate).toFixed(1)}%`,
    n(c.ownGain, 1),
    formatInterval(c.oracleMinusBase, { digits: 1, sign: true }),
    formatInterval(c.oracleMinusRandom, { digits: 1 }),
    n(c.seedRepeat),
    formatInterval(c.claims.claim1),
    formatInterval(method(c, "merge-to-mix").normalisedRegret),
    formatInterval(method(c, "cosine").normalisedRegret),
    formatInterval(method(c, "l2").normalisedRegret),
    `${formatInterval(paired(c, "cosine"), { scale: 100, digits: 1, sign: true })} ${paired(c, "cosine").wins}/${paired(c, "cosine").ties}/${paired(c, "cosine").losses}`,
  ]);
  const seeds = cells[0]?.claims.seeds ?? 0,
    targets = cells[0]?.claims.targets ?? 0;
  const out = [
    `Protocol grid (${seeds} seed${seeds === 1 ? "" : "s"} × ${targets} targets per cell; 95% intervals over targets × seeds): own-task gain, oracle − θ0 and oracle − random in test points,`,
    "rel. update = measured median ‖τ‖/‖θ0‖ of the single fine-tunes; seed r = r of the true validation loss between seeds, claim 1 = r(merged, truth) on validation loss without singletons, normalised regret of each method's pick",
    textTable(
      [
        "cell",
        "rel. update",
        "own gain",
        "oracle − θ0",
        "oracle − random",
        "seed r",
        "claim 1 r",
        "M2M norm. regret",
        "cosine",
        "L2",
        "M2M − cosine (points) W/T/L",
      ],
      rows,
    ),
  ];
  const best = recommendedCell(cells);
  if (best) {
    out.push(
      "",
      `recommended cell: ${cellName(best)} — the truth repeats across seeds (r = ${n(best.seedRepeat)}), the best mixture beats θ0 (oracle − θ0 ${formatInterval(best.oracleMinusBase, { digits: 1, sign: true })} points) and the mixture matters above the noise (oracle − random ${formatInterval(best.oracleMinusRandom, { digits: 1 })} points); among the cells meeting all three, the highest claim-1 r decides (${best.claims?.claim1 ? formatInterval(best.claims.claim1) : "–"})`,
    );
  }
  return out.join("\n");
}
