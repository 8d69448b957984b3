import type { Interval } from "../../select/metrics/bootstrap";
import type { TableRow } from "./dataframe";

/**
 * An interval as three row cells: COLUMN (the estimate), COLUMN_lo and COLUMN_hi — the shape an
 * interval column format (`withInterval(PERCENT)`) reads back.
 *
 * @example
 * intervalCells("test_acc", claims.methods[0].testAcc);   // { test_acc: 0.484, test_acc_lo: 0.414, test_acc_hi: 0.553 }
 */
export function intervalCells(column: string, iv: Interval | undefined): TableRow {
  return { [column]: iv ? iv.estimate : NaN, [`${column}_lo`]: iv ? iv.lo : NaN, [`${column}_hi`]: iv ? iv.hi : NaN };
}

/** The display name of each selection method, shared by every table and figure of the claims. */
export const METHOD_TITLES: Readonly<Record<string, string>> = {
  "merge-to-mix": "Merge to Mix",
  cosine: "cosine",
  l2: "L2",
  random: "random (expected)",
  all: "all",
  "best-single": "best single",
  oracle: "oracle",
};
