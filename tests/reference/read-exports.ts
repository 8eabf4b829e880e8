/**
 * Reading the downloads back as plain values, so that the property test can hold a CSV or an
 * XLSX workbook against the reference: an RFC 4180 reader (comment lines before the header
 * skipped) and a minimal SpreadsheetML reader (sheets by name, inline strings and numbers).
 */

import { strFromU8, unzipSync } from "fflate";

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

/** Every sheet of an .xlsx by name: rows of cells (blank cells null). */
export function readWorkbook(bytes: Uint8Array): Map<string, SheetCell[][]> {
  const files = unzipSync(bytes);
  const text = (name: string) => {
    const file = files[name];
    if (!file) throw new Error(`the workbook has no ${name}`);
    return strFromU8(file);
  };
  const targets = new Map<string, string>();
  for (const [, attrs] of text("xl/_rels/workbook.xml.rels").matchAll(
    /<Relationship\b([^>]*)\/?>/g,
  )) {
    const id = /\bId="([^"]+)"/.exec(attrs!)?.[1];
    const target = /\bTarget="([^"]+)"/.exec(attrs!)?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?(xl\/)?/, "xl/"));
  }
  const sheets = new Map<string, SheetCell[][]>();
  for (const [, attrs] of text("xl/workbook.xml").matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const name = unescapeXml(/\bname="([^"]+)"/.exec(attrs!)?.[1] ?? "");
    const id = /\br:id="([^"]+)"/.exec(attrs!)?.[1];
    sheets.set(name, readSheet(text(targets.get(id ?? "") ?? "")));
  }
  return sheets;
}

function readSheet(xml: string): SheetCell[][] {
  const rows: SheetCell[][] = [];
  for (const [, number, body] of xml.matchAll(/<row\b[^>]*?\br="(\d+)"[^>]*>(.*?)<\/row>/gs)) {
    const cells: SheetCell[] = [];
    for (const [, column, attrs, inner = ""] of body!.matchAll(
      /<c\b[^>]*?\br="([A-Z]+)\d+"([^>]*?)(?:\/>|>(.*?)<\/c>)/gs,
    )) {
      const index = [...column!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      const inline = /<t[^>]*>(.*?)<\/t>/s.exec(inner)?.[1];
      const value = /<v>(.*?)<\/v>/s.exec(inner)?.[1];
      cells[index] = /t="inlineStr"/.test(attrs!)
        ? unescapeXml(inline ?? "")
        : value !== undefined
          ? Number(value)
          : null;
    }
    rows[Number(number) - 1] = Array.from(cells, (c) => c ?? null);
  }
  return Array.from(rows, (r) => r ?? []);
}

const unescapeXml = (text: string) =>
  text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, "&");
