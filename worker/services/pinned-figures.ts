import type { SQL } from "drizzle-orm";
import type { Database } from "../db/client";
import {
  changedSinceDocuments,
  documentsPublishedAt,
  regionReportsPublishedBy,
} from "../db/queries/pinned-publications";
import type { YearFigures } from "../db/queries/public-figures";
import type { ReportDocument } from "../report/document";
import { summedFigures } from "../report/effective-total";
import { atDeclaredPrecision } from "../report/figures";
import { classifyCoverage } from "../report/region-coverage";

/** A report published again (or for the first time) after the pinned version. */
export interface ChangedReport {
  agencyId: number;
  year: number;
  /** Its figures as published now, and as published at the pinned version (null: not yet). */
  now: Map<string, number | null>;
  then: Map<string, number | null> | null;
}

/**
 * The reports among `within` (a condition on `agencies`) whose publication changed after
 * version `pinned`, with their figures now and then — read from the revisions' documents, since
 * only current and published revisions keep their figures in the cell tables. Usually few: the
 * figures as of a version are today's minus what changed since.
 */
export async function changedSince(
  db: Database,
  pinned: number,
  within: SQL,
  years: number[],
): Promise<ChangedReport[]> {
  const rows = await changedSinceDocuments(db, pinned, within, years);
  const figures = (document: string) =>
    summedFigures(JSON.parse(document) as ReportDocument) as Map<string, number | null>;
  return rows.map((row) => ({
    agencyId: row.agency_id,
    year: row.year,
    now: figures(row.now_document),
    then: row.then_document ? figures(row.then_document) : null,
  }));
}

/** One agency's years as they stood: each changed report replaced by its earlier publication. */
export function agencyYearsThen(
  current: YearFigures[],
  changed: ChangedReport[],
  figures: string[],
): YearFigures[] {
  const byYear = new Map(current.map((entry) => [entry.year, entry]));
  for (const report of changed) {
    if (report.then === null) byYear.delete(report.year);
    else
      byYear.set(report.year, {
        year: report.year,
        values: Object.fromEntries(figures.map((f) => [f, report.then!.get(f) ?? null])),
        reported: 1,
      });
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/** Sums as they stood: today's, less the changed reports' figures now, plus theirs then. */
export function regionYearsThen(
  current: YearFigures[],
  changed: ChangedReport[],
  figures: string[],
  years: number[],
): YearFigures[] {
  const byYear = new Map(current.map((entry) => [entry.year, entry]));
  const out: YearFigures[] = [];
  for (const year of years) {
    const entry = byYear.get(year);
    const reports = changed.filter((r) => r.year === year);
    const reported =
      (entry?.reported ?? 0) - reports.length + reports.filter((r) => r.then !== null).length;
    if (reported <= 0) continue;
    const values: Record<string, number | null> = {};
    for (const figure of figures) {
      let value = entry?.values[figure] ?? null;
      // How many reports gave the figure then: a sum of none is blank, not 0.
      let count = entry?.counts?.[figure] ?? (value === null ? 0 : Infinity);
      for (const report of reports) {
        const now = report.now.get(figure) ?? null;
        const then = report.then?.get(figure) ?? null;
        if (now !== null) {
          value = (value ?? 0) - now;
          count--;
        }
        if (then !== null) {
          value = (value ?? 0) + then;
          count++;
        }
      }
      values[figure] = value === null || count <= 0 ? null : atDeclaredPrecision(figure, value);
    }
    out.push({ year, values, reported });
  }
  return out;
}

/**
 * A region's whole-region sums as they stood at version `pinned`. Which reports are topmost
 * depends on which were published then (README, "Scope"), so they are chosen afresh among the
 * whole-region reports of `within` published at or before the pin, and summed from those
 * publications' documents.
 */
export async function topmostRegionYearsThen(
  db: Database,
  pinned: number,
  within: SQL,
  figures: string[],
  years: number[],
): Promise<YearFigures[]> {
  const held = await regionReportsPublishedBy(db, pinned, within, years);
  const topmost: number[] = [];
  for (const year of years) {
    const entries = held.filter((row) => row.year === year);
    const inclusion = classifyCoverage(
      entries.map((row) => ({ path: row.path, reported: true, inReview: false })),
      "region",
    );
    entries.forEach((row, i) => inclusion[i] === "included" && topmost.push(row.report_id));
  }
  if (topmost.length === 0) return [];
  const documents = await documentsPublishedAt(db, pinned, topmost);
  return years.flatMap((year) => {
    const reports = documents
      .filter((row) => row.year === year)
      .map((row) => summedFigures(JSON.parse(row.document) as ReportDocument));
    if (reports.length === 0) return [];
    const values: Record<string, number | null> = {};
    for (const figure of figures) {
      let sum: number | null = null;
      for (const report of reports) {
        const value = report.get(figure as never) ?? null;
        if (value !== null) sum = (sum ?? 0) + value;
      }
      values[figure] = sum === null ? null : atDeclaredPrecision(figure, sum);
    }
    return [{ year, values, reported: reports.length }];
  });
}
