/**
 * The text of a PDF as the report importer reads it, from what pdf.js gives of each page: one line
 * per printed line (cells apart by a tab), the rows of a table with figures as `|` rows that keep
 * its blank cells, pages apart by a form feed on a line of its own. Pure: the browser
 * (web/lib/pdf-text.ts) and the CLI (scripts/import/read-pdf.ts) load pdf.js and call this.
 */

import { ruleSegments, type PdfJsOperatorList, type PdfJsOps, type Rule } from "./pdf-rules";
import { alignedRows } from "./pdf-aligned-rows";
import { lineCells, linesOf, piecesOf, type Line, type PositionedText } from "./pdf-runs";
import { joinRowAcrossPages, pipeRow, ruledTables, type RuledTable } from "./pdf-table-rows";

/** One page as pdf.js gives it: its text runs and the ruling lines it draws. */
interface PdfPage {
  items: readonly PositionedText[];
  rules?: readonly Rule[];
}

/** What this module reads of a pdf.js `TextItem` (`page.getTextContent().items`). */
interface PdfJsTextItem {
  str: string;
  transform: readonly unknown[];
  width: number;
  height: number;
}

/** What this module reads of a pdf.js `PDFDocumentProxy`. */
interface PdfJsDocument {
  numPages: number;
  getPage(pageNumber: number): Promise<{
    getTextContent(): Promise<{ items: readonly object[] }>;
    getOperatorList(): Promise<PdfJsOperatorList>;
    cleanup(): unknown;
  }>;
}

/** Between two pages' text. */
const PAGE_BREAK = "\n\f\n";

/** A page's content in reading order: its lines, and its ruled tables already written as rows. */
type Entry = { line: Line } | RuledTable;

function pageEntries(page: PdfPage): Entry[] {
  const pieces = piecesOf(page.items);
  const tables = ruledTables(page.rules ?? [], pieces);
  const inTable = new Set(tables.flatMap((table) => [...table.pieces]));
  const entries: Entry[] = [];
  let next = 0;
  for (const line of linesOf(pieces.filter((piece) => !inTable.has(piece)))) {
    while (tables[next] && tables[next]!.top > line.y) entries.push(tables[next++]!);
    entries.push({ line });
  }
  entries.push(...tables.slice(next));
  return entries;
}

/** The lines between ruled tables (across pages), each run rewritten where it holds an unruled table. */
function lineTexts(entries: readonly Entry[]): Map<Line, string> {
  const out = new Map<Line, string>();
  let run: Line[] = [];
  const flush = () => {
    const rows = alignedRows(run);
    run.forEach((line, i) => out.set(line, rows.get(i) ?? lineCells(line).join("\t")));
    run = [];
  };
  for (const entry of entries) {
    if ("line" in entry) run.push(entry.line);
    else flush();
  }
  flush();
  return out;
}

/**
 * The text of a document's pages: lines top to bottom, each read left to right, a gap of a font
 * height or more between two runs written as a tab so that the cells of a table stay apart. A
 * ruled table with figures is written as one `|` row per row of its grid (pdf-table-rows.ts), and
 * the rows of an unruled one whose columns are clear as `|` rows too (pdf-aligned-rows.ts): either
 * way a blank cell is an empty one.
 *
 * @example
 * pdfPagesText([{ items: [
 *   { str: "行政许可", x: 72, y: 700, height: 12, width: 48 },
 *   { str: "447228", x: 300, y: 700, height: 12, width: 36 },
 * ] }]) // "行政许可\t447228"
 */
export function pdfPagesText(pages: readonly PdfPage[]): string {
  const perPage = pages.map(pageEntries);
  const isTable = (entry: Entry): entry is RuledTable => "rows" in entry;
  perPage.forEach((entries, page) => {
    const above = entries.findLast(isTable);
    const below = perPage[page + 1]?.find(isTable);
    if (above && below) joinRowAcrossPages(above, below);
  });
  const texts = lineTexts(perPage.flat());
  return perPage
    .map((entries) =>
      entries
        .map((entry) =>
          "line" in entry ? texts.get(entry.line) : entry.rows.map(pipeRow).join("\n"),
        )
        .join("\n"),
    )
    .join(PAGE_BREAK);
}

/** The positioned text runs of one page's `getTextContent().items` (marked-content markers left out). */
function positionedItems(items: readonly object[]): PositionedText[] {
  return items
    .filter((item): item is PdfJsTextItem => "str" in item)
    .map((item) => ({
      str: item.str,
      x: typeof item.transform[4] === "number" ? item.transform[4] : 0,
      y: typeof item.transform[5] === "number" ? item.transform[5] : 0,
      height: item.height,
      width: item.width,
    }));
}

/**
 * The text of a document pdf.js has opened (`await getDocument(…).promise`), as `pdfPagesText`
 * writes it; `ops` is pdf.js's `OPS`. The caller loads pdf.js: the browser with its bundled
 * worker, Node with the legacy build.
 */
export async function pdfDocumentText(pdf: PdfJsDocument, ops: PdfJsOps): Promise<string> {
  const pages: PdfPage[] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const page = await pdf.getPage(number);
    const items = positionedItems((await page.getTextContent()).items);
    // A page whose drawing pdf.js cannot read still has its text: only its tables stay unruled.
    const rules = await page.getOperatorList().then(
      (list) => ruleSegments(list, ops),
      (): Rule[] => [],
    );
    pages.push({ items, rules });
    page.cleanup();
  }
  return pdfPagesText(pages);
}
