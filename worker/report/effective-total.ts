/**
 * The 总计 that sums and indicators read (README, "effective totals"). The 2019 trial table
 * leaves 总计 blank on outcome rows (fixture 05): read as blank, those outcomes would vanish
 * from every numerator while the denominator kept them. Where the printed 总计 is blank and
 * some applicant column is not, the total is the sum of the six applicant columns. The document
 * keeps what was printed; only what is summed and compared uses this.
 */

import type { ReportDocument } from "./document";
import { flattenFigures, type FigureKey } from "./figures";
import { SECTION3_APPLICANT_COLUMN_COUNT, SECTION3_TOTAL_INDEX } from "./templates";

export interface EffectiveTotal {
  value: number | null;
  /** True when the printed 总计 was blank and `value` is the applicant columns' sum. */
  derived: boolean;
}

export function effectiveTotal(cells: readonly (number | null | undefined)[]): EffectiveTotal {
  const printed = cells[SECTION3_TOTAL_INDEX] ?? null;
  if (printed !== null) return { value: printed, derived: false };
  let sum: number | null = null;
  for (let i = 0; i < SECTION3_APPLICANT_COLUMN_COUNT; i++) {
    const cell = cells[i] ?? null;
    if (cell !== null) sum = (sum ?? 0) + cell;
  }
  return { value: sum, derived: sum !== null };
}

/** Every figure of a document as sums read it: `flattenFigures` with effective 总计s. */
export function summedFigures(doc: ReportDocument): Map<FigureKey, number | null> {
  const figures = flattenFigures(doc);
  const rows = (doc.section3?.rows ?? {}) as Record<string, (number | null)[] | undefined>;
  for (const [row, cells] of Object.entries(rows)) {
    if (cells) figures.set(`section3.${row}.total` as FigureKey, effectiveTotal(cells).value);
  }
  return figures;
}
