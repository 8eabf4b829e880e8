import { strToU8, zipSync, type Zippable } from "fflate";

export const XLSX_CONTENT_TYPE =
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A cell: text, a number, or null for a blank cell. */
export type XlsxCell = string | number | null;

/** Cells merged into one, as an HTML table's rowSpan/colSpan; the top-left cell holds the value. */
export interface XlsxMerge {
  /** Row and column of the top-left cell, from 0. */
  row: number;
  column: number;
  rowSpan?: number;
  colSpan?: number;
}

export interface XlsxSheet {
  /** 1–31 characters, none of `: \ / ? * [ ]`, unique in the workbook. */
  name: string;
  rows: readonly (readonly XlsxCell[])[];
  /** Indexes (from 0) of the rows set in bold: header and heading rows. */
  boldRows?: readonly number[];
  /** Widths in characters by column index; a column left out gets a width fitted to its text. */
  columnWidths?: readonly (number | undefined)[];
  /** How many rows at the top stay in view while scrolling. */
  frozenRows?: number;
  merges?: readonly XlsxMerge[];
}

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Style indexes into cellXfs of STYLES. */
const NORMAL = 0;
const BOLD = 1;

/** Zip entries carry a date: a fixed one keeps the module pure and its output reproducible. */
const ZIP_MTIME = new Date("2000-01-01T12:00:00Z");

const MIN_WIDTH = 8;
const MAX_WIDTH = 100;

/**
 * An Office Open XML workbook (.xlsx) of the given sheets, in order: strings as inline strings,
 * numbers as numeric cells, null as a blank cell.
 *
 * @example
 * const bytes = xlsxWorkbook([
 *   { name: "表三", rows: [["项目", "总计"], ["一、本年新收政府信息公开申请数量", 190]],
 *     boldRows: [0], frozenRows: 1 },
 * ]);
 */
export function xlsxWorkbook(sheets: readonly XlsxSheet[]): Uint8Array<ArrayBuffer> {
  if (sheets.length === 0) throw new Error("a workbook needs at least one sheet");
  checkSheetNames(sheets.map((s) => s.name));
  const files: Zippable = {
    "[Content_Types].xml": xml(contentTypes(sheets.length)),
    "_rels/.rels": xml(
      `<Relationships xmlns="${PACKAGE_REL_NS}">` +
        `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
        `</Relationships>`,
    ),
    "xl/workbook.xml": xml(workbook(sheets)),
    "xl/_rels/workbook.xml.rels": xml(workbookRels(sheets.length)),
    "xl/styles.xml": xml(STYLES),
  };
  sheets.forEach((sheet, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = xml(worksheet(sheet, i === 0));
  });
  // fflate allocates a plain ArrayBuffer; its types say ArrayBufferLike, which a Response refuses.
  return zipSync(files, { level: 6, mtime: ZIP_MTIME });
}

/** Column letters of a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

const cellRef = (row: number, column: number) => `${columnName(column)}${row + 1}`;

/** Text safe inside XML elements and attributes; characters XML 1.0 cannot hold are dropped. */
function escapeXml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- these control characters are what XML 1.0 forbids
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&apos;")
  );
}

const xml = (body: string) => strToU8(XML_DECLARATION + body);

function checkSheetNames(names: readonly string[]) {
  const seen = new Set<string>();
  for (const name of names) {
    if (name.length < 1 || name.length > 31 || /[:\\/?*[\]]/.test(name))
      throw new Error(`invalid sheet name: ${JSON.stringify(name)}`);
    // Excel compares sheet names case-insensitively.
    const folded = name.toLowerCase();
    if (seen.has(folded)) throw new Error(`duplicate sheet name: ${JSON.stringify(name)}`);
    seen.add(folded);
  }
}

function contentTypes(sheetCount: number): string {
  const sheets = Array.from(
    { length: sheetCount },
    (_, i) =>
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ` +
      `ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ).join("");
  return (
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ` +
    `ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
    `<Override PartName="/xl/styles.xml" ` +
    `ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
    sheets +
    `</Types>`
  );
}

function workbook(sheets: readonly XlsxSheet[]): string {
  const entries = sheets
    .map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join("");
  return (
    `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<bookViews><workbookView activeTab="0"/></bookViews>` +
    `<sheets>${entries}</sheets></workbook>`
  );
}

function workbookRels(sheetCount: number): string {
  const sheets = Array.from(
    { length: sheetCount },
    (_, i) =>
      `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  ).join("");
  return (
    `<Relationships xmlns="${PACKAGE_REL_NS}">${sheets}` +
    `<Relationship Id="rId${sheetCount + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>` +
    `</Relationships>`
  );
}

/** Two cell formats: normal, and bold headings centred and wrapped (as the printed tables are). */
const STYLES =
  `<styleSheet xmlns="${MAIN_NS}">` +
  `<fonts count="2">` +
  `<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>` +
  `<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>` +
  `</fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill>` +
  `<fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="2">` +
  `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
  `<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1">` +
  `<alignment horizontal="center" vertical="center" wrapText="1"/></xf>` +
  `</cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
  `</styleSheet>`;

function worksheet(sheet: XlsxSheet, selected: boolean): string {
  const bold = new Set(sheet.boldRows ?? []);
  const width = Math.max(1, ...sheet.rows.map((r) => r.length));
  const height = Math.max(1, sheet.rows.length);
  const frozen = sheet.frozenRows ?? 0;
  const pane =
    frozen > 0
      ? `<pane ySplit="${frozen}" topLeftCell="A${frozen + 1}" activePane="bottomLeft" state="frozen"/>` +
        `<selection pane="bottomLeft" activeCell="A${frozen + 1}" sqref="A${frozen + 1}"/>`
      : "";
  const views =
    `<sheetViews><sheetView${selected ? ' tabSelected="1"' : ""} workbookViewId="0">` +
    `${pane}</sheetView></sheetViews>`;
  const widths = columnWidths(sheet, width);
  const cols = `<cols>${widths
    .map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`)
    .join("")}</cols>`;
  const rows = sheet.rows
    .map((row, r) => {
      const style = bold.has(r) ? BOLD : NORMAL;
      const cells = row.map((value, c) => cell(cellRef(r, c), value, style)).join("");
      return `<row r="${r + 1}">${cells}</row>`;
    })
    .join("");
  const merges = sheet.merges ?? [];
  const mergeCells = merges.length
    ? `<mergeCells count="${merges.length}">${merges.map(mergeRef).join("")}</mergeCells>`
    : "";
  return (
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<dimension ref="A1:${cellRef(height - 1, width - 1)}"/>` +
    views +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    cols +
    `<sheetData>${rows}</sheetData>` +
    mergeCells +
    `</worksheet>`
  );
}

function cell(ref: string, value: XlsxCell, style: number): string {
  const s = style === NORMAL ? "" : ` s="${style}"`;
  if (value === null || value === "") return style === NORMAL ? "" : `<c r="${ref}"${s}/>`;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError(`cell ${ref}: ${value} is not a number`);
    return `<c r="${ref}"${s}><v>${value}</v></c>`;
  }
  const space = /^\s|\s$/.test(value) ? ' xml:space="preserve"' : "";
  return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${escapeXml(value)}</t></is></c>`;
}

function mergeRef(merge: XlsxMerge): string {
  const last = cellRef(
    merge.row + (merge.rowSpan ?? 1) - 1,
    merge.column + (merge.colSpan ?? 1) - 1,
  );
  return `<mergeCell ref="${cellRef(merge.row, merge.column)}:${last}"/>`;
}

/** The given widths, else the widest text of the column (a CJK character counts two). */
function columnWidths(sheet: XlsxSheet, count: number): number[] {
  const spanned = new Set(
    (sheet.merges ?? []).filter((m) => (m.colSpan ?? 1) > 1).map((m) => cellRef(m.row, m.column)),
  );
  return Array.from({ length: count }, (_, c) => {
    const given = sheet.columnWidths?.[c];
    if (given !== undefined) return given;
    let widest = 0;
    sheet.rows.forEach((row, r) => {
      const value = row[c];
      if (value == null || spanned.has(cellRef(r, c))) return;
      widest = Math.max(widest, displayWidth(String(value)));
    });
    return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2));
  });
}

function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += char.codePointAt(0)! >= 0x2e80 ? 2 : 1;
  return width;
}
