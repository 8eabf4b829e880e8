import type { ReportDocument } from "../report/document";
import { flattenFigures } from "../report/figures";
import { SECTION3_COLUMNS, SECTION3_ROW_KEYS } from "../report/templates";

/** Column names of `section3_cells`, in the printed order of table 三's columns. */
export const SECTION3_CELL_COLUMNS = SECTION3_COLUMNS.map((column) => column.key);

export type Section3CellRow = [rowKey: string, ...cells: (number | null)[]];
export type FigureValueRow = [figure: string, value: number | null];

/** The SQL-friendly figures of one document: table 三 wide, every other figure long. */
export function documentCells(document: ReportDocument): {
  section3: Section3CellRow[];
  figures: FigureValueRow[];
} {
  const section3: Section3CellRow[] = Object.entries(document.section3?.rows ?? {}).map(
    ([rowKey, cells]) => [rowKey, ...(cells as (number | null)[])],
  );
  const figures: FigureValueRow[] = [];
  for (const [figure, value] of flattenFigures(document)) {
    if (!figure.startsWith("section3.")) figures.push([figure, value]);
  }
  return { section3, figures };
}

/** Column names of `section3_totals`: table 三's printed rows. */
export const SECTION3_TOTAL_COLUMNS = SECTION3_ROW_KEYS;

/**
 * The 总计 of each printed row, in `SECTION3_TOTAL_COLUMNS` order (null where the row is absent
 * or blank); null for a document without table 三, which gets no row, as it gets no cells.
 */
export function documentTotals(document: ReportDocument): (number | null)[] | null {
  const rows = document.section3?.rows as Record<string, (number | null)[]> | undefined;
  if (!rows || Object.keys(rows).length === 0) return null;
  const total = SECTION3_CELL_COLUMNS.indexOf("total");
  return SECTION3_TOTAL_COLUMNS.map((key) => rows[key]?.[total] ?? null);
}
