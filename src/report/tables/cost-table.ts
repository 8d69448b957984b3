import * as aq from "arquero";
import type { DataFrame } from "danfojs-node";
import { RunResults } from "../../results/results";
import { COUNT, ColumnFormat, SECONDS, SPEEDUP } from "./column-format";
import { TableRow, toDataFrame } from "./dataframe";
import type { TableDisplay } from "./table-display";

/** Columns of the cost table. */
export const COST_COLUMNS = [
  "target",
  "m2m_finetunes",
  "m2m_finetune_samples",
  "m2m_merge_evals",
  "m2m_seconds",
  "exhaustive_finetunes",
  "exhaustive_finetune_samples",
  "exhaustive_seconds",
  "speedup",
] as const;

export const COST_LABELS: Record<string, string> = {
  target: "target",
  m2m_finetunes: "M2M fine-tunes",
  m2m_finetune_samples: "M2M samples",
  m2m_merge_evals: "M2M merge evals",
  m2m_seconds: "M2M seconds",
  exhaustive_finetunes: "exhaustive fine-tunes",
  exhaustive_finetune_samples: "exhaustive samples",
  exhaustive_seconds: "exhaustive seconds",
  speedup: "speed-up",
};

/** Counts as integers, seconds with 1 decimal, the speed-up as "7.1x". */
export const COST_FORMATS: Record<string, ColumnFormat> = {
  m2m_finetunes: COUNT,
  m2m_finetune_samples: COUNT,
  m2m_merge_evals: COUNT,
  m2m_seconds: SECONDS,
  exhaustive_finetunes: COUNT,
  exhaustive_finetune_samples: COUNT,
  exhaustive_seconds: SECONDS,
  speedup: SPEEDUP,
};

/** The cost table's display. */
export const COST_DISPLAY: TableDisplay = { columns: COST_COLUMNS, labels: COST_LABELS, formats: COST_FORMATS };

/**
 * The cost table as rows: Merge to Mix versus exhaustive mixture fine-tuning, per target then the
 * whole run (`target: "all"`), means over seeds. The speed-up is recomputed from the mean seconds.
 *
 * @example
 * costRows(results).find((r) => r.target === "all")?.speedup;
 */
export function costRows(results: RunResults): TableRow[] {
  if (results.cost.length === 0) return [];
  const op = aq.op;
  const rollup: Record<string, unknown> = {};
  for (const c of COST_COLUMNS) if (c !== "target" && c !== "speedup") rollup[c] = op.mean(c);
  const rows = aq
    .from(results.cost)
    .groupby("target")
    .rollup(rollup as never)
    .objects() as TableRow[];
  const order = [...results.targets, "all"];
  const pos = (t: string) => {
    const i = order.indexOf(t);
    return i < 0 ? order.length : i;
  };
  return rows
    .map((r) => {
      const out: TableRow = {};
      for (const c of COST_COLUMNS) out[c] = c === "target" ? String(r.target) : Number(r[c]);
      out.speedup =
        (out.m2m_seconds as number) > 0 ? (out.exhaustive_seconds as number) / (out.m2m_seconds as number) : NaN;
      return out;
    })
    .sort(
      (a, b) => pos(a.target as string) - pos(b.target as string) || String(a.target).localeCompare(String(b.target)),
    );
}

/**
 * The cost table as a danfo DataFrame (see `costRows`).
 *
 * @example
 * costTable(results).print();
 */
export function costTable(results: RunResults): DataFrame {
  return toDataFrame(costRows(results), COST_COLUMNS);
}
