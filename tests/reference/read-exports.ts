/**
 * Reading the downloads back as plain values, so that the property test can hold a CSV or an
 * XLSX workbook against the reference: an RFC 4180 reader (comment lines before the header
 * skipped) and, for workbooks, a maintained XLSX reader (read-excel-file).
 */

import readXlsxFile from "read-excel-file/universal";

export interface CsvTable {
  header: string[];
  rows: string[][];
}

/** Records of RFC 4180 text; `# ` lines before the header are the licence, not data. */
export function readCsv(text: string): CsvTable {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // Comment lines are written raw, not as CSV records: skipped as lines.
  while (text.startsWith("#", i)) {
    const end = text.indexOf("\n", i);
    i = end === -1 ? text.length : end + 1;
  }
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      record.push(field);
      field = "";
    } else if (ch === "\r" || ch === "\n") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      record.push(field);
      records.push(record);
      record = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || record.length > 0) records.push([...record, field]);
  const [header = [], ...rows] = records;
  return { header, rows };
}

/** A CSV field as a number, an empty field as null. */
export const csvNumber = (field: string | undefined): number | null =>
  field === undefined || field === "" ? null : Number(field);

export type SheetCell = string | number | null;

/**
 * Every sheet of an .xlsx by name, in workbook order: rows of cells (blank cells null, every row
 * as wide as the sheet's widest, trailing blank rows left out). Read by read-excel-file, not by
 * rules of our own, so a workbook only passes if another program reads what the writer meant.
 */
export async function readWorkbook(bytes: Uint8Array): Promise<Map<string, SheetCell[][]>> {
  // Copied so that the reader gets an ArrayBuffer holding exactly the file, whatever the view.
  const sheets = await readXlsxFile(bytes.slice().buffer, { trim: false });
  return new Map(
    sheets.map(({ sheet, data }) => [
      sheet,
      data.map((row) =>
        row.map((cell): SheetCell => {
          if (cell === null || typeof cell === "string" || typeof cell === "number") return cell;
          throw new Error(`sheet ${sheet}: a cell read as ${String(cell)}, not text or a number`);
        }),
      ),
    ]),
  );
}
