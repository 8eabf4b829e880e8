/** A printed cell as a count: blank → null, a dash or 无 → 0, anything else unreadable → null. */

import { isAmount, isCount, roundAmount } from "../report/format";
import type { CellValue } from "./cell-tokens";

export type CellIssue = "blank" | "dash" | "unreadable";

/** What each issue means, in Chinese and English, for the warnings. */
export const CELL_ISSUE_TEXT: Record<CellIssue, readonly [string, string]> = {
  blank: ["空白，记为空值（null）", "blank, kept as null"],
  dash: ["印作“/”“—”或“无”，记为0", "printed as a dash or 无, read as 0"],
  unreadable: [
    "无法识别为非负整数或金额，记为空值",
    "not a readable count or amount, kept as null",
  ],
};

export interface ReadCount {
  value: number | null;
  issue: CellIssue | null;
}

export function countOf(cell: CellValue): ReadCount {
  switch (cell.kind) {
    case "blank":
      return { value: null, issue: "blank" };
    case "dash":
      return { value: 0, issue: "dash" };
    case "number": {
      const v = cell.value;
      if (v === null || !isCount(v)) return { value: null, issue: "unreadable" };
      return { value: v, issue: null };
    }
  }
}

/** A decimal amount (万元 or 元) rounded to the four places the document keeps. */
export function amountOf(cell: CellValue, unit: "万元" | "元"): ReadCount & { converted: boolean } {
  if (cell.kind !== "number") return { ...countOf(cell), converted: false };
  const v = cell.value;
  if (v === null || !isAmount(v)) {
    return { value: null, issue: "unreadable", converted: false };
  }
  let value = v;
  let converted = false;
  if (cell.unit !== "" && cell.unit !== unit) {
    value = cell.unit === "万元" ? v * 10_000 : v / 10_000;
    converted = true;
  }
  return { value: roundAmount(value), issue: null, converted };
}
