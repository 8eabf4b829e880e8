/**
 * Differences between two versions of a report, cell by cell: figure keys for numbers, dotted
 * paths (`text.overview`, `metric_notes.website_visits`, `explanations`) for the rest.
 * A value the document does not hold at all (absent row, section or field) is `undefined`;
 * a blank cell is `null`.
 */

import type { ReportDocument } from "./document";
import { flattenFigures, listFigures, type FigureKey } from "./figures";
import { METRIC_KEYS } from "./metrics";

export interface DocumentChange {
  path: string;
  before: unknown;
  after: unknown;
}

const TEXT_KEYS = ["overview", "problems", "other"] as const;

/** Structural equality for JSON values; object key order does not matter. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const key of keys) {
    if (!sameJson(ra[key], rb[key])) return false;
  }
  return true;
}

const EMPTY: Partial<ReportDocument> = {};

/**
 * Changes in a stable order: header fields, figures in printed order, notes, texts, explanations.
 * `null` stands for no document (a first version, a deletion): everything the other holds changes.
 */
export function diffDocuments(
  before: ReportDocument | null,
  after: ReportDocument | null,
): DocumentChange[] {
  const changes: DocumentChange[] = [];
  const push = (path: string, was: unknown, now: unknown) => {
    if (!sameJson(was, now)) changes.push({ path, before: was, after: now });
  };

  const a = before ?? EMPTY;
  const b = after ?? EMPTY;
  push("template", a.template, b.template);
  push("year", a.year, b.year);
  push("agency", a.agency, b.agency);

  const figuresBefore = before ? flattenFigures(before) : new Map<FigureKey, number | null>();
  const figuresAfter = after ? flattenFigures(after) : new Map<FigureKey, number | null>();
  // Both templates' table 二 are listed, so a template change shows every table-二 figure moving.
  for (const { key } of listFigures()) {
    push(key, figuresBefore.get(key), figuresAfter.get(key));
  }

  for (const key of METRIC_KEYS) {
    push(`metric_notes.${key}`, a.metric_notes?.[key], b.metric_notes?.[key]);
  }
  for (const key of TEXT_KEYS) {
    push(`text.${key}`, a.text?.[key], b.text?.[key]);
  }
  push("explanations", a.explanations, b.explanations);
  return changes;
}
