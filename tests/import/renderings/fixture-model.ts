/**
 * What a published page of a fixture report shows, independent of markup: its title, the
 * narrative as headings and paragraphs (from the fixture's text), and tables 二/三/四 in the
 * official printed layout with the values of its expected.json. The HTML, DOCX and PDF renderings
 * are all drawn from this one model, so each must read back to the same expected.json.
 */

import { reflowProse } from "../../../worker/import/narrative-text";
import { findSections, type SectionMap } from "../../../worker/import/report-sections";
import { readSourceLines, type SourceLine } from "../../../worker/import/source-lines";
import type { ReportFixture } from "../report-fixtures";
import { table2Rows, table3Rows, table4Rows } from "./report-tables";

export interface TableCell {
  text: string;
  /** A label (column heading or row label) rather than a figure. */
  header?: boolean;
  rowspan?: number;
  colspan?: number;
}

export type Block =
  { kind: "heading" | "paragraph"; text: string } | { kind: "table"; rows: TableCell[][] };

export interface RenderingModel {
  /** The report's title as the page prints it; "" when the text has none. */
  title: string;
  /** The agency as expected.json names it; null where the transcription only guesses (某…). */
  agency: string | null;
  year: number;
  blocks: Block[];
}

type TableId = "table2" | "table3" | "table4";
const TABLE_IDS: readonly TableId[] = ["table2", "table3", "table4"];

/** A title ends in 报告, is short and is not a sentence. */
const TITLE_END = /报告$/;
const TITLE_SEARCH_LINES = 6;
const TITLE_MAX_LENGTH = 50;
const SENTENCE_MARK = /[。，,；;:：]/;
/** A title line that does not open with the agency (2024年…报告, 年度报告): its agency is the line above. */
const TITLE_WITHOUT_AGENCY = /^(?:(?:19|20)\d{2}|年度|信息公开|政府信息)/;
const SECTION_HEADING =
  /^(?:第?[一二三四五六七八九十]{1,3}(?:部分)?[、.．]|[（(][一二三四五六七八九十]{1,3}[)）])/;
const HEADING_MAX_LENGTH = 40;

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" ? (value as Record<string, unknown>) : {};
}

function isTitleLine(line: SourceLine): boolean {
  return (
    TITLE_END.test(line.compact) &&
    line.compact.length <= TITLE_MAX_LENGTH &&
    !SENTENCE_MARK.test(line.compact)
  );
}

/** The indexes of the title's lines (one, or two when the title is wrapped after the agency). */
function titleLines(lines: readonly SourceLine[]): number[] {
  const end = lines.slice(0, TITLE_SEARCH_LINES).findIndex(isTitleLine);
  if (end < 0) return [];
  const last = lines[end];
  const above = lines[end - 1];
  const wrapped =
    last !== undefined &&
    above !== undefined &&
    TITLE_WITHOUT_AGENCY.test(last.compact) &&
    above.compact.length <= 30 &&
    !SENTENCE_MARK.test(above.compact) &&
    !SECTION_HEADING.test(above.compact);
  return wrapped ? [end - 1, end] : [end];
}

function titleText(lines: readonly SourceLine[], indexes: readonly number[]): string {
  // As printed (full-width marks kept), without the spaces a PDF puts around digits.
  return indexes.map((i) => (lines[i]?.raw ?? "").replace(/\s+/g, "")).join("");
}

function isHeading(text: string): boolean {
  return (
    SECTION_HEADING.test(text) && text.length <= HEADING_MAX_LENGTH && !SENTENCE_MARK.test(text)
  );
}

/** A run of narrative lines as paragraphs, the PDF's line wraps joined as a web page would. */
function narrativeBlocks(run: readonly SourceLine[]): Block[] {
  if (run.length === 0) return [];
  return reflowProse(run)
    .split("\n")
    .filter((text) => text !== "")
    .map((text) => ({ kind: isHeading(text) ? "heading" : "paragraph", text }));
}

function tableOf(id: TableId, expected: Record<string, unknown>): Block | null {
  const rows =
    id === "table2"
      ? table2Rows(expected)
      : id === "table3"
        ? table3Rows(expected)
        : table4Rows(expected);
  return rows ? { kind: "table", rows } : null;
}

function tableStartingAt(index: number, sections: SectionMap): TableId | null {
  return TABLE_IDS.find((id) => sections[id]?.start === index) ?? null;
}

function inTable(index: number, sections: SectionMap): boolean {
  return TABLE_IDS.some((id) => {
    const range = sections[id];
    return range !== undefined && index >= range.start && index < range.end;
  });
}

function agencyOf(expected: Record<string, unknown>): string | null {
  const printed = String(expected.agency ?? "").split(" (")[0] ?? "";
  // The transcriber's placeholder (某…部门) marks a name that the excerpt never prints.
  return printed === "" || printed.includes("某") ? null : printed;
}

/**
 * The page model of a text fixture: the text's narrative in order, each table the text holds
 * replaced by the official table carrying expected.json's values (only the rows and cells it
 * holds; a table expected.json lacks is left out).
 *
 * @example
 * const model = renderingModel(readReportFixture("00_luoyang_shi_bgs_2022"));
 * renderHtml(model, "word");
 */
export function renderingModel(fixture: ReportFixture): RenderingModel {
  const expected = asRecord(fixture.expected);
  const lines = readSourceLines(fixture.text);
  const sections = findSections(lines);
  const title = titleLines(lines);
  const blocks: Block[] = [];
  const placed = new Set<TableId>();
  let run: SourceLine[] = [];
  lines.forEach((line, index) => {
    const starting = tableStartingAt(index, sections);
    if (starting) {
      blocks.push(...narrativeBlocks(run));
      run = [];
      const table = tableOf(starting, expected);
      if (table) blocks.push(table);
      placed.add(starting);
    }
    if (inTable(index, sections) || title.includes(index)) return;
    run.push(line);
  });
  blocks.push(...narrativeBlocks(run));
  for (const id of TABLE_IDS) {
    const table = placed.has(id) ? null : tableOf(id, expected);
    if (table) blocks.push(table);
  }
  return {
    title: titleText(lines, title),
    agency: agencyOf(expected),
    year: Number(expected.year),
    blocks,
  };
}
