/** The （六） 其他处理 total of a summed table 三, which no single printed row carries. */

import { SECTION3_COLUMNS, SPLIT_OTHER_ROW_KEYS } from "./templates";

/** A row of table 三, one value per column; null where no report gave the cell. */
export type Cells = (number | null)[];

/** The （六） total: the three split rows and the single-layout row, column by column. */
const OTHER_PROCESSING_ROWS = [...SPLIT_OTHER_ROW_KEYS, "other_processing"] as const;

/** Rows added column by column; a column that none of them gives stays blank, not 0. */
const sumCells = (rows: (Cells | undefined)[], width: number): Cells =>
  Array.from({ length: width }, (_, i) => {
    const values = rows.flatMap((row) => (row?.[i] == null ? [] : [row[i]]));
    return values.length ? values.reduce((a, b) => a + b, 0) : null;
  });

/**
 * The （六） total of table 三 rows summed over reports of either layout.
 *
 * @example otherProcessingTotal({ other_processing: [1, null, …] })
 */
export const otherProcessingTotal = (rows: Record<string, Cells | undefined>): Cells =>
  sumCells(
    OTHER_PROCESSING_ROWS.map((key) => rows[key]),
    SECTION3_COLUMNS.length,
  );
