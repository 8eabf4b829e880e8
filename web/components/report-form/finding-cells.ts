/**
 * Which cells of the form a finding points at: the ones it colours and the one its link focuses.
 * Like `findingPath` (web/lib/finding-targets.ts), a row rule points at the row's 总计 and a
 * column rule of table 三 at the column's 三(七); unlike it, a blank-cell warning points at the
 * blank cells themselves, and a row-level finding of table 二 (which has no 总计) at the row.
 */

import type { ReportDocument } from "../../../worker/report/document";
import {
  isFigureKey,
  listFigures,
  readFigure,
  type FigureKey,
} from "../../../worker/report/figures";
import type { Finding, Severity } from "../../../worker/report/rules";
import type { Template } from "../../../worker/report/templates";
import type { Locale } from "../../i18n";

const SECTION_OF = { 二: "section2", 三: "section3", 四: "section4", metrics: "metrics" } as const;

const rowFiguresCache = new Map<Template, Map<string, FigureKey[]>>();

/** Figures by row prefix (`section3.granted`, `section2.regulations`), in printed order. */
function rowFigures(template: Template, prefix: string): FigureKey[] {
  let byRow = rowFiguresCache.get(template);
  if (!byRow) {
    byRow = new Map();
    for (const { key } of listFigures(template)) {
      const parts = key.split(".");
      if (parts.length !== 3) continue;
      const row = `${parts[0]}.${parts[1]}`;
      byRow.set(row, [...(byRow.get(row) ?? []), key]);
    }
    rowFiguresCache.set(template, byRow);
  }
  return byRow.get(prefix) ?? [];
}

function one(key: string): FigureKey[] {
  return isFigureKey(key) ? [key] : [];
}

/** The cells a finding is about, in printed order; empty for a whole-table finding. */
export function findingFigures(finding: Finding, doc: ReportDocument): FigureKey[] {
  const { table, row, column } = finding;
  if (table === null) return [];
  const section = SECTION_OF[table];
  if (row !== null && column !== null) return one(`${section}.${row}.${column}`);
  if (table === "三" && column !== null) return one(`section3.total_processed.${column}`);
  if (row === null) return [];
  const scalar = `${section}.${row}`;
  if (isFigureKey(scalar)) return [scalar];
  const cells = rowFigures(doc.template, scalar);
  if (finding.rule === "S-blank") return cells.filter((key) => readFigure(doc, key) === null);
  const total = cells.find((key) => key.endsWith(".total"));
  return total ? [total] : cells;
}

export interface CellMark {
  /** The worst finding on the cell; null when only highlighted. */
  severity: Severity | null;
  /** The findings' messages, one a line, in the reader's language. */
  note: string;
  highlighted: boolean;
  /** A reviewer's open comment on the cell, shown on it until the cell is changed. */
  comment?: string;
}

export type CellMarks = ReadonlyMap<string, CellMark>;

/**
 * Every marked cell: findings (an error outranks a warning), the caller's highlights and the
 * reviewer's open comments.
 */
export function cellMarks(
  findings: readonly Finding[],
  doc: ReportDocument,
  locale: Locale,
  highlight: readonly FigureKey[] = [],
  comments: readonly { path: string; text: string }[] = [],
): CellMarks {
  const marks = new Map<string, CellMark>();
  for (const finding of findings) {
    const message = locale === "zh" ? finding.message : finding.message_en;
    for (const key of findingFigures(finding, doc)) {
      const mark = marks.get(key);
      if (!mark) {
        marks.set(key, { severity: finding.severity, note: message, highlighted: false });
        continue;
      }
      if (finding.severity === "error") mark.severity = "error";
      mark.note = `${mark.note}\n${message}`;
    }
  }
  for (const key of highlight) {
    const mark = marks.get(key);
    if (mark) mark.highlighted = true;
    else marks.set(key, { severity: null, note: "", highlighted: true });
  }
  for (const { path, text } of comments) {
    const mark = marks.get(path) ?? { severity: null, note: "", highlighted: false };
    mark.highlighted = true;
    mark.comment = mark.comment ? `${mark.comment}\n${text}` : text;
    marks.set(path, mark);
  }
  return marks;
}
