/**
 * Shaping a parsed published report for the import dialog: the values beside their source lines,
 * and the document the import leaves in the form.
 */

import type { MetricNote, ReportDocument } from "../../worker/report/document";
import {
  flattenFigures,
  figureDef,
  type FigureKey,
  type FigureTable,
} from "../../worker/report/figures";
import type { ParseResult, Provenance } from "../../worker/import/parse-report";
import { sameAgency } from "../../worker/import/agency-match";

export type ParsedReport = Extract<ParseResult, { ok: true }>;

export interface ParsedValue {
  key: FigureKey;
  table: FigureTable;
  /** null: a cell the text leaves blank. */
  value: number | null;
  source: Provenance | null;
  /** How the text printed a narrative figure (约数, its words as printed). */
  note: MetricNote | null;
}

/** Every figure the parsed document holds, in printed order, with the line it was read from. */
export function parsedValues(parsed: Pick<ParsedReport, "document" | "provenance">): ParsedValue[] {
  const notes: Record<string, MetricNote | undefined> = parsed.document.metric_notes ?? {};
  return [...flattenFigures(parsed.document)].map(([key, value]) => ({
    key,
    table: figureDef(key).table,
    value,
    source: parsed.provenance[key] ?? null,
    note: key.startsWith("metrics.") ? (notes[key.slice("metrics.".length)] ?? null) : null,
  }));
}

/** What differs between the report a text is and the report being edited. */
export interface IdentityMismatch {
  agency: boolean;
  year: boolean;
}

/**
 * Whether the text is another agency's or another year's report than the one being edited
 * (淮安市人民政府's 2024 report pasted into 吉江市人民政府's 2025 draft); null when it is the
 * same, or when the text does not say. Names match across 简称 and 办公厅/办公室 (`sameAgency`).
 */
export function identityMismatch(
  parsed: Pick<ParsedReport, "agency" | "year">,
  editing: { agency: string | null; year: number },
): IdentityMismatch | null {
  const agency =
    parsed.agency !== null && editing.agency !== null && !sameAgency(parsed.agency, editing.agency);
  const year = parsed.year !== null && parsed.year !== editing.year;
  return agency || year ? { agency, year } : null;
}

/** Whether the document holds anything an import could overwrite: a figure or some text. */
export function hasContent(doc: ReportDocument | null): boolean {
  if (!doc) return false;
  for (const value of flattenFigures(doc).values()) if (value !== null) return true;
  return Object.values(doc.text ?? {}).some((text) => text !== undefined && text.trim() !== "");
}

function present<T>(value: T | null | undefined): value is T {
  return value !== null && value !== undefined;
}

function withoutUndefined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}

/**
 * The document an import leaves in the form, for the report's `year` (the server accepts no
 * other). What the text held replaces the draft's — a whole table, a metric with its note, a
 * narrative section — and what it did not hold is kept, so a report whose table 四 was lost in
 * the PDF does not wipe the 表四 typed by hand. The explanations of findings are kept too.
 * The report stays `agency`'s, when given, whatever agency the text names.
 */
export function importedDocument(
  current: ReportDocument | null,
  parsed: ReportDocument,
  year: number,
  agency?: string | null,
): ReportDocument {
  if (!current) return withoutUndefined({ ...parsed, year, agency: agency ?? parsed.agency });
  const metrics = { ...current.metrics };
  const notes = { ...current.metric_notes };
  for (const [key, value] of Object.entries(parsed.metrics ?? {})) {
    // A metric the text left blank is not one it found.
    if (value === undefined || value === null) continue;
    const metric = key as keyof typeof metrics;
    metrics[metric] = value;
    delete notes[metric];
  }
  Object.assign(notes, parsed.metric_notes);
  const text = { ...current.text };
  for (const [key, value] of Object.entries(parsed.text ?? {})) {
    if (value !== undefined && value.trim() !== "") text[key as keyof typeof text] = value;
  }
  const sameTemplate = current.template === parsed.template;
  return withoutUndefined({
    ...parsed,
    year,
    agency: agency ?? parsed.agency ?? current.agency,
    // Table 二 of the other template has no place in this one.
    section2: present(parsed.section2)
      ? parsed.section2
      : sameTemplate
        ? current.section2
        : undefined,
    section3: present(parsed.section3) ? parsed.section3 : current.section3,
    section4: present(parsed.section4) ? parsed.section4 : current.section4,
    metrics: Object.keys(metrics).length > 0 ? metrics : undefined,
    metric_notes: Object.keys(notes).length > 0 ? notes : undefined,
    text: Object.keys(text).length > 0 ? text : undefined,
    explanations: parsed.explanations ?? current.explanations,
  } as ReportDocument);
}
