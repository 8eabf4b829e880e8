/**
 * An archive often holds one report several times (the page, its PDF attachment, a Word copy).
 * Readings of the same agency (by `sameAgency`) and year are grouped, and the surest one is kept:
 * higher confidence, then more figures read, then the more structured format.
 */

import { sameAgency } from "./agency-match";
import type { Confidence } from "./import-confidence";
import type { ReportFormat } from "./report-file";

export interface Reading {
  source: string;
  format: ReportFormat;
  agency: string;
  year: number;
  confidence: Confidence;
  /** How many figures the reading holds. */
  figures: number;
}

export interface DuplicateGroup<T extends Reading> {
  kept: T;
  skipped: T[];
}

const CONFIDENCE_RANK: Record<Confidence, number> = { high: 0, medium: 1, low: 2 };
const FORMAT_RANK: Record<ReportFormat, number> = { html: 0, docx: 1, text: 2, pdf: 3 };

function better(a: Reading, b: Reading): number {
  return (
    CONFIDENCE_RANK[a.confidence] - CONFIDENCE_RANK[b.confidence] ||
    b.figures - a.figures ||
    FORMAT_RANK[a.format] - FORMAT_RANK[b.format]
  );
}

/** The readings to import, one per agency and year, and what each kept reading stood in for. */
export function chooseAmongDuplicates<T extends Reading>(
  readings: readonly T[],
): DuplicateGroup<T>[] {
  const groups: T[][] = [];
  for (const reading of readings) {
    const group = groups.find(
      ([first]) =>
        first !== undefined &&
        first.year === reading.year &&
        sameAgency(first.agency, reading.agency),
    );
    if (group) group.push(reading);
    else groups.push([reading]);
  }
  return groups.map((group) => {
    // A stable sort keeps the first-listed file among equals.
    const [kept, ...skipped] = [...group].sort(better);
    return { kept: kept!, skipped };
  });
}
