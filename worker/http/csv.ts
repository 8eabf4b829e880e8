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
  const text = typeof value === "string" ? value : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
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
  createMiddleware(async (c, next) => {
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
