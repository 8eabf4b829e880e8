import { compareAll, type CompareQuery, type CompareRow } from "../db/queries/compare";
import type { Database } from "../db/client";
import { csvLine } from "../http/csv";
import { computeIndicator } from "../report/indicators";
import { indicatorByKey } from "./compare-page";

/** Reports per D1 query of a download: a page of 32 figures is a few hundred kilobytes. */
export const COMPARE_CSV_PAGE_SIZE = 1000;

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
  const encoder = new TextEncoder();
  // Without a first page there is only the header to send.
  const empty = first.done === true;
  let page: CompareRow[] | null = first.done ? [] : first.value;
  let head = true;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (page === null) {
        // The status line has gone out: a failure now can only cut the file short, and the
        // app's error handler never sees it, so it is logged here.
        const next = await pages.next().catch((error: unknown) => {
          console.error(error);
          throw error;
        });
        if (next.done) return controller.close();
        page = next.value;
      }
      let text = head ? `\uFEFF${csvLine([...HEADER, ...request.keys])}\r\n` : "";
      head = false;
      for (const row of page) text += `${line(row, request.keys)}\r\n`;
      controller.enqueue(encoder.encode(text));
      page = null;
      if (empty) controller.close();
    },
    async cancel() {
      await pages.return();
    },
  });
  return { empty, stream };
}
