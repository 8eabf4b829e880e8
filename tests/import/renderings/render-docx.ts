/**
 * A fixture's rendering model as a Word .docx: a minimal WordprocessingML package written the way
 * Word writes Chinese government reports — digits in their own runs with a Latin font and numbers
 * split across runs, merged table cells as w:gridSpan and w:vMerge, blank cells as empty
 * paragraphs, the leading all-label rows of a table marked as repeating header rows.
 */

import { strToU8, zipSync } from "fflate";
import type { Block, RenderingModel, TableCell } from "./fixture-model";

const W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
/** A fixed date keeps the package byte-for-byte reproducible. */
const ZIP_DATE = new Date("2024-01-01T00:00:00Z");
const PAGE_TEXT_WIDTH = 8_800;

const CONTENT_TYPES = `${XML_HEAD}
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
</Types>`;

const PACKAGE_RELS = `${XML_HEAD}
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>`;

const DOCUMENT_RELS = `${XML_HEAD}
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>`;

const STYLES = `${XML_HEAD}
<w:styles xmlns:w="${W_NS}">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/><w:lang w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:rPr><w:rFonts w:eastAsia="楷体_GB2312"/></w:rPr></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders>
<w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/>
<w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/>
<w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/>
</w:tblBorders></w:tblPr></w:style>
</w:styles>`;

function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) =>
    c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;",
  );
}

/** Control characters have no place in w:t (XML 1.0 forbids most); a tab becomes Word's w:tab. */
function textElements(text: string): string {
  return [...text]
    .filter((c) => c === "\t" || c.charCodeAt(0) >= 0x20)
    .join("")
    .split("\t")
    .map((part) => (part === "" ? "" : `<w:t xml:space="preserve">${escapeXml(part)}</w:t>`))
    .join("<w:tab/>");
}

interface RunStyle {
  bold?: boolean;
  latin?: boolean;
}

function run(text: string, style: RunStyle, rsid: string): string {
  const props = [
    style.latin ? '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>' : "",
    style.bold ? "<w:b/>" : "",
  ].join("");
  return `<w:r w:rsidR="${rsid}">${props ? `<w:rPr>${props}</w:rPr>` : ""}${textElements(text)}</w:r>`;
}

/**
 * Word's runs for a piece of text: Chinese and Latin/digit stretches apart (each with its font),
 * and every number of two or more digits split in two runs with a proofing mark between, as
 * editing sessions (rsids) and spell-check leave them.
 */
function runs(text: string, bold = false): string {
  const out: string[] = [];
  for (const [piece] of text.matchAll(/[0-9A-Za-z.,%-]+|[^0-9A-Za-z.,%-]+/g)) {
    if (!/[0-9A-Za-z]/.test(piece)) {
      out.push(run(piece, { bold }, "00A1B2C3"));
      continue;
    }
    const digits = /^\d{2,}/.exec(piece)?.[0];
    if (!digits) {
      out.push(run(piece, { bold, latin: true }, "00A1B2C3"));
      continue;
    }
    const cut = Math.floor(digits.length / 2);
    out.push(run(piece.slice(0, cut), { bold, latin: true }, "00A1B2C3"));
    out.push('<w:proofErr w:type="gramStart"/>');
    out.push(run(piece.slice(cut), { bold, latin: true }, "00D4E5F6"));
    out.push('<w:proofErr w:type="gramEnd"/>');
  }
  return out.join("");
}

function paragraph(text: string, props = "", bold = false): string {
  return `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ""}${runs(text, bold)}</w:p>`;
}

/** "一、…" is a first-level heading, "（一）…" a second-level one. */
function headingLevel(text: string): 1 | 2 {
  return /^[（(]/.test(text) ? 2 : 1;
}

/** A cell's paragraphs: one per line of its text, an empty one for a blank cell. */
function cellParagraphs(cell: TableCell): string {
  return cell.text
    .split("\n")
    .map((line) => paragraph(line, '<w:jc w:val="center"/>', cell.header === true))
    .join("");
}

function cellXml(
  cell: TableCell | null,
  span: number,
  merge: "restart" | "continue" | null,
): string {
  const props = [
    span > 1 ? `<w:gridSpan w:val="${span}"/>` : "",
    merge === "restart" ? '<w:vMerge w:val="restart"/>' : merge === "continue" ? "<w:vMerge/>" : "",
    '<w:vAlign w:val="center"/>',
  ].join("");
  return `<w:tc><w:tcPr>${props}</w:tcPr>${cell ? cellParagraphs(cell) : "<w:p/>"}</w:tc>`;
}

interface OpenMerge {
  rowsLeft: number;
  colspan: number;
}

/**
 * The table's rows as Word stores them: a cell covered by a rowspan from above is written again
 * in every row it covers, as a vMerge continuation with the spanning cell's gridSpan.
 */
function tableRowsXml(rows: readonly TableCell[][]): { xml: string[]; columns: number } {
  const open = new Map<number, OpenMerge>();
  const xml: string[] = [];
  let columns = 0;
  rows.forEach((cells, r) => {
    const out: string[] = [];
    let column = 0;
    let next = 0;
    const isHeaderRow = cells.every((cell) => cell.header === true);
    const leadingHeader =
      isHeaderRow && rows.slice(0, r).every((row) => row.every((c) => c.header));
    const coveredFrom = (at: number) => [...open.keys()].some((start) => start >= at);
    while (next < cells.length || coveredFrom(column)) {
      const covering = open.get(column);
      if (covering) {
        out.push(cellXml(null, covering.colspan, "continue"));
        if (--covering.rowsLeft === 0) open.delete(column);
        column += covering.colspan;
        continue;
      }
      const cell = cells[next++];
      if (!cell) break;
      const colspan = cell.colspan ?? 1;
      const rowspan = cell.rowspan ?? 1;
      if (rowspan > 1) open.set(column, { rowsLeft: rowspan - 1, colspan });
      out.push(cellXml(cell, colspan, rowspan > 1 ? "restart" : null));
      column += colspan;
    }
    columns = Math.max(columns, column);
    const rowProps = leadingHeader ? "<w:trPr><w:tblHeader/></w:trPr>" : "";
    xml.push(`<w:tr>${rowProps}${out.join("")}</w:tr>`);
  });
  return { xml, columns };
}

function tableXml(rows: readonly TableCell[][]): string {
  const { xml, columns } = tableRowsXml(rows);
  const width = Math.floor(PAGE_TEXT_WIDTH / Math.max(columns, 1));
  const grid = Array.from({ length: columns }, () => `<w:gridCol w:w="${width}"/>`).join("");
  return (
    `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="5000" w:type="pct"/>` +
    `<w:jc w:val="center"/></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${xml.join("")}</w:tbl>` +
    // Word never lets a table end the body or touch the next table: a paragraph follows it.
    "<w:p/>"
  );
}

function blockXml(block: Block): string {
  if (block.kind === "table") return tableXml(block.rows);
  if (block.kind === "heading") {
    return paragraph(block.text, `<w:pStyle w:val="Heading${headingLevel(block.text)}"/>`);
  }
  return paragraph(block.text, '<w:ind w:firstLineChars="200" w:firstLine="640"/>');
}

function documentXml(model: RenderingModel): string {
  const title = model.title
    ? paragraph(model.title, '<w:jc w:val="center"/><w:spacing w:after="240"/>', true)
    : "";
  const body = model.blocks.map(blockXml).join("");
  const section =
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>' +
    '<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>';
  return `${XML_HEAD}\n<w:document xmlns:w="${W_NS}"><w:body>${title}${body}${section}</w:body></w:document>`;
}

/**
 * The model as the bytes of a .docx file.
 *
 * @example
 * const bytes = renderDocx(renderingModel(readReportFixture("00_luoyang_shi_bgs_2022")));
 * const html = await docxToHtml(bytes);
 */
export function renderDocx(model: RenderingModel): Uint8Array {
  const part = (xml: string): [Uint8Array, { mtime: Date }] => [strToU8(xml), { mtime: ZIP_DATE }];
  return zipSync({
    "[Content_Types].xml": part(CONTENT_TYPES),
    "_rels/.rels": part(PACKAGE_RELS),
    "word/document.xml": part(documentXml(model)),
    "word/_rels/document.xml.rels": part(DOCUMENT_RELS),
    "word/styles.xml": part(STYLES),
  });
}
