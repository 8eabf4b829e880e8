import { sql, type SQL } from "drizzle-orm";
import type { ReportDocument } from "../report/document";
import { effectiveTotal } from "../report/effective-total";
import { flattenFigures } from "../report/figures";
import { SECTION3_COLUMNS, SECTION3_ROW_KEYS } from "../report/templates";

/** Column names of `section3_cells`, in the printed order of table 三's columns. */
export const SECTION3_CELL_COLUMNS = SECTION3_COLUMNS.map((column) => column.key);

export type Section3CellRow = [rowKey: string, ...cells: (number | null)[]];
export type FigureValueRow = [figure: string, value: number | null];

/** The SQL-friendly figures of one document, as printed: table 三 wide, every other figure long. */
export function documentCells(document: ReportDocument): {
  section3: Section3CellRow[];
  figures: FigureValueRow[];
} {
  const section3: Section3CellRow[] = Object.entries(document.section3?.rows ?? {}).map(
    ([rowKey, cells]) => [rowKey, ...cells],
  );
  const figures: FigureValueRow[] = [];
  for (const [figure, value] of flattenFigures(document)) {
    if (!figure.startsWith("section3.")) figures.push([figure, value]);
  }
  return { section3, figures };
}

const APPLICANT_COLUMNS = SECTION3_CELL_COLUMNS.filter((column) => column !== "total");

/**
 * A `section3_cells` row's effective 总计 in SQL, the same number as `effectiveTotal`: cells keep
 * the total as printed (a blank stays blank in the bulk download), and every sum reads this.
 */
const anyApplicantSql = (alias: string) =>
  APPLICANT_COLUMNS.map((c) => `${alias}.${c} IS NOT NULL`).join(" OR ");

function effectiveTotalSql(alias: string): SQL {
  const anyApplicant = anyApplicantSql(alias);
  const applicantSum = APPLICANT_COLUMNS.map((c) => `COALESCE(${alias}.${c}, 0)`).join(" + ");
  return sql.raw(`COALESCE(${alias}.total, CASE WHEN ${anyApplicant} THEN ${applicantSum} END)`);
}

/** 1 where the row's printed 总计 is blank and its effective total was derived, else 0. */
export function derivedTotalSql(alias: string): SQL {
  return sql.raw(`(${alias}.total IS NULL AND (${anyApplicantSql(alias)}))`);
}

/**
 * A cell column of `section3_cells` as sums read it: the applicant columns as stored, 总计 as
 * its effective value.
 */
export const summedCellSql = (alias: string, column: string): SQL =>
  column === "total" ? effectiveTotalSql(alias) : sql.raw(`${alias}.${column}`);

/** Column names of `section3_totals`: table 三's printed rows. */
export const SECTION3_TOTAL_COLUMNS = SECTION3_ROW_KEYS;

/**
 * The effective 总计 of each printed row (report/effective-total.ts), in
 * `SECTION3_TOTAL_COLUMNS` order (null where the row is absent or wholly blank); null for a
 * document without table 三, which gets no row, as it gets no cells.
 */
export function documentTotals(document: ReportDocument): (number | null)[] | null {
  const rows = document.section3?.rows as Record<string, (number | null)[]> | undefined;
  if (!rows || Object.keys(rows).length === 0) return null;
  return SECTION3_TOTAL_COLUMNS.map((key) => {
    const row = rows[key];
    return row ? effectiveTotal(row).value : null;
  });
}
