/**
 * 按明细计算合计: each table-三 row's 总计 from its six applicant columns, （七）总计 from the
 * outcome rows, and each table-四 group's 总计 from its four results. Blank totals are filled; a
 * typed total that differs is never overwritten here but returned as a conflict, for the person
 * filling in the form to decide.
 */

import { section3Variant, type ReportDocument } from "../../../worker/report/document";
import { readFigure, writeFigure, type FigureKey } from "../../../worker/report/figures";
import {
  OUTCOME_ROW_KEYS,
  SECTION3_APPLICANT_COLUMN_COUNT,
  SECTION3_COLUMNS,
  SECTION4_GROUPS,
  SECTION4_TOTAL_INDEX,
  section3RowKeys,
} from "../../../worker/report/templates";

export interface TotalConflict {
  figure: FigureKey;
  typed: number;
  computed: number;
}

export interface TotalsResult {
  /** Blank totals filled, typed ones kept (保留原值). */
  kept: ReportDocument;
  /** Every total as computed (全部替换). */
  replaced: ReportDocument;
  filled: FigureKey[];
  conflicts: TotalConflict[];
}

type Part = number | null | undefined;

export function computeTotals(doc: ReportDocument): TotalsResult {
  let kept = doc;
  let replaced = doc;
  const filled: FigureKey[] = [];
  const conflicts: TotalConflict[] = [];

  // Parts are read from `replaced`, so that a total built on other totals ((七)'s 总计) agrees
  // with them once everything is replaced.
  function settle(figure: FigureKey, parts: readonly Part[]) {
    if (parts.every((p) => p === null || p === undefined)) return;
    const computed = parts.reduce<number>((sum, p) => sum + (p ?? 0), 0);
    const typed = readFigure(doc, figure);
    if (typed === null) {
      kept = writeFigure(kept, figure, computed);
      filled.push(figure);
    } else if (typed !== computed) {
      conflicts.push({ figure, typed, computed });
    }
    replaced = writeFigure(replaced, figure, computed);
  }

  const rows = () => replaced.section3?.rows;
  if (doc.section3) {
    const variant = section3Variant(doc);
    for (const key of section3RowKeys(variant)) {
      const cells = rows()?.[key];
      if (key === "total_processed" || !cells) continue;
      settle(`section3.${key}.total`, cells.slice(0, SECTION3_APPLICANT_COLUMN_COUNT));
    }
    const outcomes = OUTCOME_ROW_KEYS(variant);
    SECTION3_COLUMNS.slice(0, SECTION3_APPLICANT_COLUMN_COUNT).forEach((column, c) => {
      settle(
        `section3.total_processed.${column.key}`,
        outcomes.map((key) => rows()?.[key]?.[c]),
      );
    });
    const processed = rows()?.total_processed;
    if (processed) {
      settle("section3.total_processed.total", processed.slice(0, SECTION3_APPLICANT_COLUMN_COUNT));
    }
  }
  for (const group of SECTION4_GROUPS) {
    const cells = replaced.section4?.[group.key];
    if (cells) settle(`section4.${group.key}.total`, cells.slice(0, SECTION4_TOTAL_INDEX));
  }
  return { kept, replaced, filled, conflicts };
}
