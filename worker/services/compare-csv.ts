import { compareAll, type CompareQuery, type CompareRow } from "../db/queries/compare";
import type { Database } from "../db/client";
import { csvLine, pagedCsvStream } from "../http/csv";
import { computeIndicator } from "../report/indicators";
import { indicatorByKey } from "./compare-page";

/** Reports per D1 query of a download: a page of 32 figures is a few hundred kilobytes. */
const COMPARE_CSV_PAGE_SIZE = 1000;

export interface CsvRequest extends Omit<CompareQuery, "limit" | "offset" | "countAll"> {
  /** The asked keys, in the CSV's column order: figures and `indicator.<key>`s. */
  keys: string[];
}

const HEADER = ["agency_id", "agency_name", "region_code", "level", "scope", "year"];

/** One line per agency-year; an indicator's cell is its value (blank below the minimum count). */
function line(row: CompareRow, keys: readonly string[]): string {
  return csvLine([
    row.agencyId,
    row.agencyName,
    row.regionCode,
    row.level,
    row.scope,
    row.year,
    ...keys.map((key) => {
      const indicator = indicatorByKey.get(key);
      return indicator
        ? computeIndicator(indicator, (figure) => row.values[figure] ?? null).value
        : row.values[key];
    }),
  ]);
}

/**
 * The comparison as a CSV of every matching report in region order, streamed: the first page is
 * read before the answer starts (so a failure is still an error status, and `empty` can tell an
 * unknown region apart), the next only when the reader has taken the last. Never cut at a page
 * size: a download holds all of it or fails.
 */
export async function compareCsv(
  db: Database,
  request: CsvRequest,
  pageSize = COMPARE_CSV_PAGE_SIZE,
): Promise<{ empty: boolean; stream: ReadableStream<Uint8Array> }> {
  const pages = compareAll(db, request, pageSize);
  const first = await pages.next();
  return {
    empty: first.done === true,
    stream: pagedCsvStream(first.done ? [] : first.value, pages, {
      preamble: `\uFEFF${csvLine([...HEADER, ...request.keys])}\r\n`,
      item: (row) => `${line(row, request.keys)}\r\n`,
    }),
  };
}
