/**
 * The importer's entry point: the text of a published 政府信息公开工作年度报告 (copied from a web page
 * or extracted from a PDF) → the canonical report document, with where each figure was read, what
 * was doubtful, and the rules' findings. Pure: no I/O, and it never throws.
 */

import {
  describeIssues,
  reportDocumentSchema,
  type MetricNote,
  type ReportDocument,
} from "../report/document";
import type { MetricKey } from "../report/metrics";
import { checkReport, type Finding } from "../report/rules";
import type { Template } from "../report/templates";
import { ImportLog, type ImportWarning, type Provenance } from "./import-warnings";
import { readMetrics } from "./narrative-metrics";
import { joinNarrative, reflowProse } from "./narrative-text";
import { isTable2Layout2019, parseSection2 } from "./parse-section2";
import { parseSection3 } from "./parse-section3";
import { parseSection4 } from "./parse-section4";
import { findSections, type SectionId, type SectionMap } from "./report-sections";
import { readIdentity, type IdentityHints } from "./report-identity";
import { readSourceLines, type SourceLine } from "./source-lines";

/** What the caller knows from outside the text: see IdentityHints. */
export type ParseOptions = IdentityHints;

interface ParseError {
  code: string;
  message: string;
  message_en: string;
}

export type ParseResult =
  | {
      ok: true;
      document: ReportDocument;
      agency: string | null;
      year: number | null;
      /** Key: a figure key (figures.ts), "year" or "agency"; line is 1-based in the input. */
      provenance: Record<string, Provenance>;
      warnings: ImportWarning[];
      findings: Finding[];
    }
  | { ok: false; error: ParseError };

export type { Provenance };

/** Longer texts are refused rather than parsed slowly (a report is some 10–100 KB). */
const MAX_TEXT_LENGTH = 1_000_000;
const MAX_NARRATIVE = 100_000;
const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

function failure(code: string, message: string, messageEn: string): ParseResult {
  return { ok: false, error: { code, message, message_en: messageEn } };
}

function linesOf(lines: readonly SourceLine[], sections: SectionMap, id: SectionId): SourceLine[] {
  const range = sections[id];
  return range ? lines.slice(range.start, range.end) : [];
}

function narrativeLines(lines: readonly SourceLine[], sections: SectionMap): SourceLine[] {
  const tables = (["table2", "table3", "table4"] as const).flatMap((id) => {
    const r = sections[id];
    return r ? [r] : [];
  });
  return lines.filter((_, i) => !tables.some((r) => i >= r.start && i < r.end));
}

function proseOf(lines: readonly SourceLine[]): string | undefined {
  const text = reflowProse(lines).slice(0, MAX_NARRATIVE);
  return text === "" ? undefined : text;
}

function chooseTemplate(table2: readonly SourceLine[], year: number): Template {
  if (table2.length > 0) return isTable2Layout2019(table2) ? "2019" : "2021";
  return year <= 2020 ? "2019" : "2021";
}

function parse(input: string, options: ParseOptions): ParseResult {
  if (input.trim() === "") return failure("empty_text", "文本为空", "The text is empty");
  if (input.length > MAX_TEXT_LENGTH) {
    return failure(
      "text_too_large",
      `文本超过${MAX_TEXT_LENGTH}个字符`,
      `The text is longer than ${MAX_TEXT_LENGTH} characters`,
    );
  }
  const log = new ImportLog();
  const lines = readSourceLines(input);
  const sections = findSections(lines);
  const narrative = joinNarrative(narrativeLines(lines, sections));
  const identity = readIdentity(lines, narrative, options, log);
  const { year, agency } = identity;
  if (year === null) {
    return failure(
      "year_not_found",
      "未能识别报告年度（标题、统计期限和正文中均未写明），可提供年度提示",
      "The report's year was not found (not in the title, the reporting period or the body); pass a year hint",
    );
  }
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return failure("year_out_of_range", `年度${year}超出范围`, `The year ${year} is out of range`);
  }

  const table2Lines = linesOf(lines, sections, "table2");
  const template = chooseTemplate(table2Lines, year);
  const section2 = table2Lines.length > 0 ? parseSection2(table2Lines, template, log) : null;
  const table3Lines = linesOf(lines, sections, "table3");
  const section3 = table3Lines.length > 0 ? parseSection3(table3Lines, template, log) : null;
  const table4Lines = linesOf(lines, sections, "table4");
  const section4 = table4Lines.length > 0 ? parseSection4(table4Lines, log) : null;

  const other = linesOf(lines, sections, "other");
  const readings = readMetrics(narrative, other.length > 0 ? joinNarrative(other) : null);
  const metrics: Partial<Record<MetricKey, number>> = {};
  const notes: Partial<Record<MetricKey, MetricNote>> = {};
  for (const reading of readings) {
    metrics[reading.key] = reading.value;
    notes[reading.key] = reading.note;
    log.source(`metrics.${reading.key}`, { line: reading.line, text: reading.lineText });
  }

  const recognised =
    Object.keys(sections).length > 0 || readings.length > 0 || log.provenance.year !== undefined;
  if (!recognised) {
    return failure(
      "not_a_report",
      "文本中未找到年度报告的任何部分",
      "Nothing in the text looks like part of an annual report",
    );
  }

  const text: NonNullable<ReportDocument["text"]> = {};
  const overview = proseOf(linesOf(lines, sections, "overview"));
  const problems = proseOf(linesOf(lines, sections, "problems"));
  const otherText = proseOf(other);
  if (overview) text.overview = overview;
  if (problems) text.problems = problems;
  if (otherText) text.other = otherText;

  const draft: Record<string, unknown> = { template, year };
  if (agency) draft.agency = agency.slice(0, 200);
  if (section2 && section2.template === template) draft.section2 = section2.section2;
  if (section3) draft.section3 = section3.section3;
  if (section4) draft.section4 = section4;
  draft.metrics = metrics;
  if (readings.length > 0) draft.metric_notes = notes;
  if (Object.keys(text).length > 0) draft.text = text;

  const checked = reportDocumentSchema.safeParse(draft);
  if (!checked.success) {
    const first = describeIssues(checked.error, draft)[0];
    return failure(
      "invalid_document",
      `生成的文档未通过校验：${first?.message ?? ""}`,
      `The document read from the text does not validate: ${first?.message_en ?? ""}`,
    );
  }
  const document = checked.data;
  return {
    ok: true,
    document,
    agency,
    year,
    provenance: log.provenance,
    warnings: log.warnings,
    findings: checkReport(document),
  };
}

/**
 * Reads a report text into the canonical document. Never throws: an unreadable text (or an
 * unexpected failure inside) is `{ ok: false, error }`.
 *
 * @example
 * const result = parseReportText(text, { yearHint: 2022 });
 * if (result.ok) save(result.document);
 */
export function parseReportText(text: string, options: ParseOptions = {}): ParseResult {
  try {
    if (typeof text !== "string") {
      return failure("invalid_input", "输入不是文本", "The input is not text");
    }
    return parse(text, options ?? {});
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return failure("internal_error", `解析时出错：${detail}`, `The parser failed: ${detail}`);
  }
}
