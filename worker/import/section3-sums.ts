/**
 * What table 三's sums say about a row whose cells the text lost or added: the value each cell
 * should have by R2 (一+二 = 三(七)+四) and R3 (三(七) = the outcome rows), and how well an
 * arrangement of the printed values agrees with that and with R1 within the row.
 */

import {
  OUTCOME_ROW_KEYS,
  SECTION3_COLUMN_KEYS,
  SECTION3_TOTAL_INDEX,
  type Section3RowKey,
  type Section3Variant,
} from "../report/templates";
import type { CellValue } from "./cell-tokens";
import { countOf } from "./count-cell";

export type Row = (number | null)[];
export type Rows = Partial<Record<Section3RowKey, Row>>;

function known(rows: Rows, key: Section3RowKey, column: number): number | null {
  return rows[key]?.[column] ?? null;
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/** All of the values, or null when one is unknown. */
function allKnown(xs: readonly (number | null)[]): number[] | null {
  const out: number[] = [];
  for (const x of xs) {
    if (x === null) return null;
    out.push(x);
  }
  return out;
}

/** What the other rows say each cell of `key` should be (R2 and R3), where they can say. */
export function expectedRow(key: Section3RowKey, rows: Rows, variant: Section3Variant): Row {
  const outcomes = OUTCOME_ROW_KEYS(variant);
  return SECTION3_COLUMN_KEYS.map((_, c) => {
    const v = (k: Section3RowKey) => known(rows, k, c);
    // 一 + 二 = 三(七) + 四: the row is one side's sum less the other term on its own side.
    const balance = (plus: Section3RowKey[], minus: Section3RowKey): number | null => {
      const xs = allKnown([...plus.map(v), v(minus)]);
      if (!xs) return null;
      const m = xs.pop() ?? 0;
      return sum(xs) - m;
    };
    switch (key) {
      case "new_received":
        return balance(["total_processed", "carried_forward"], "carried_over");
      case "carried_over":
        return balance(["total_processed", "carried_forward"], "new_received");
      case "carried_forward":
        return balance(["new_received", "carried_over"], "total_processed");
      case "total_processed": {
        const fromBalance = balance(["new_received", "carried_over"], "carried_forward");
        if (fromBalance !== null) return fromBalance;
        const parts = allKnown(outcomes.map(v));
        return parts ? sum(parts) : null;
      }
      default: {
        if (!outcomes.includes(key)) return null;
        const total = v("total_processed");
        const others = allKnown(outcomes.filter((k) => k !== key).map(v));
        return total !== null && others ? total - sum(others) : null;
      }
    }
  });
}

export function numbers(cells: readonly (CellValue | null)[]): Row {
  return cells.map((c) => (c ? countOf(c).value : null));
}

/** How well an arrangement agrees with R1 within the row and with the other rows' sums. */
export function agreement(cells: readonly (CellValue | null)[], expected: Row): number {
  const row = numbers(cells);
  let score = 0;
  row.forEach((value, c) => {
    const e = expected[c];
    if (value === null || e === null || e === undefined) return;
    score += value === e ? 1 : -1;
  });
  const parts = row.slice(0, SECTION3_TOTAL_INDEX);
  const total = row[SECTION3_TOTAL_INDEX] ?? null;
  const partsSum = parts.reduce<number>((a, b) => a + (b ?? 0), 0);
  const lostParts = cells.slice(0, SECTION3_TOTAL_INDEX).some((c) => c === null);
  if (total !== null && !lostParts) score += partsSum === total ? 2 : -2;
  if (total !== null && lostParts && partsSum > total) score -= 2;
  return score;
}
