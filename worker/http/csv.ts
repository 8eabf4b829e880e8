import type { AppEnv } from "../app-env";
import { createMiddleware } from "hono/factory";

/**
 * RFC 4180 CSV with a BOM, so that Excel and WPS open the Chinese text correctly. `comments`
 * come first as `# ` lines (open data states its licence in the file itself).
 */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly unknown[])[],
  comments: readonly string[] = [],
): string {
  const lines = [...comments.map((c) => `# ${c}`), ...[header, ...rows].map(csvLine)];
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}

/** One record of `toCsv`'s quoting, without its line break: for CSV written in pieces (streams). */
export function csvLine(row: readonly unknown[]): string {
  return row.map(csvField).join(",");
}

function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text =
    typeof value === "number" || typeof value === "boolean" || typeof value === "bigint"
      ? String(value)
      : inert(typeof value === "string" ? value : JSON.stringify(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Text that a spreadsheet would run as a formula (an agency named `=HYPERLINK(…)`) gets a
 * leading `'`, as OWASP advises for CSV injection; a plain number such as `-3` is left as it is.
 */
export function inert(text: string): string {
  if (!/^[=+\-@\t\r]/.test(text) || /^[+-]?\d+(\.\d+)?$/.test(text)) return text;
  return `'${text}`;
}

export interface CsvTable {
  header: readonly string[];
  rows: readonly (readonly unknown[])[];
}

/**
 * The CSV variant of a JSON route (`?format=csv`): the handler answers JSON as always and
 * this turns a successful answer into a download. Keeping one response type per handler
 * keeps the typed client's view of the route exact.
 */
export const csvVariant = <Body>(
  filename: (body: Body) => string,
  table: (body: Body) => CsvTable,
  comments: readonly string[] = [],
) =>
  createMiddleware<AppEnv>(async (c, next) => {
    await next();
    if (c.req.query("format") !== "csv" || c.res.status !== 200) return;
    const body = (await c.res.json()) as Body;
    const { header, rows } = table(body);
    c.res = new Response(toCsv(header, rows, comments), {
      status: 200,
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": attachment(filename(body)),
      },
    });
  });

/** A table of the given columns of each item. */
export const columns = <T>(
  header: readonly (keyof T & string)[],
  items: readonly T[],
): CsvTable => ({
  header,
  rows: items.map((item) => header.map((key) => item[key])),
});

/** A Content-Disposition for a download whose name may be Chinese (RFC 6266 / 5987). */
export function attachment(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/**
 * A CSV streamed page by page, for answers too large to hold: `preamble` (comments, header) and
 * the first page's lines go out first; the next page is read only when the reader has taken the
 * last one's. The first page is read by the caller before the answer starts, so that a failure
 * there is still an error status.
 */
export function pagedCsvStream<T>(
  first: readonly T[],
  rest: AsyncGenerator<T[], void, undefined>,
  write: { preamble: string; item: (item: T) => string },
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let page: readonly T[] | null = first;
  let preamble = true;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (page === null) {
        // The status line has gone out: a failure now can only cut the file short, and the
        // app's error handler never sees it, so it is logged here.
        const next = await rest.next().catch((error: unknown) => {
          console.error(error);
          throw error;
        });
        if (next.done) return controller.close();
        page = next.value;
      }
      if (preamble) {
        controller.enqueue(encoder.encode(write.preamble));
        preamble = false;
      }
      for (const item of page) controller.enqueue(encoder.encode(write.item(item)));
      page = null;
    },
    async cancel() {
      await rest.return();
    },
  });
}
