import { and, sql } from "drizzle-orm";
import { runBatch } from "../batch";
import { derivedTotalSql } from "../cells";
import type { Database } from "../client";
import { agencies } from "../schema";
import { agencyConditions } from "./agencies";
import { compareStatement, readCompareRows } from "./compare";
import { flattenSums, sumsPlan, topmostRegionReports } from "./rollup";

/** A region as the public names it: an agency's subtree, or a region-code prefix. */
export type PublicRegion = { under: number } | { region: string };

export interface YearFigures {
  year: number;
  values: Record<string, number | null>;
  /** How many published reports the figures come from. */
  reported: number;
  /**
   * Per printed row of table 三, how many of those reports left 总计 blank, so that the effective
   * total (the applicant columns' sum) stands in (README, "Effective totals"); where read.
   */
  derivedTotals?: Record<string, number>;
  /** Per figure, how many of those reports give it a value (a sum of none is blank); where read. */
  counts?: Record<string, number>;
}

/** One agency's published figures for each year it has a published report. */
export async function agencyYears(
  db: Database,
  agencyId: number,
  figures: string[],
  years: number[],
): Promise<YearFigures[]> {
  const [result, derived] = await runBatch(db, [
    agencyYearsStatement(agencyId, figures, years),
    sql`SELECT r.year, c.row_key FROM reports r
        CROSS JOIN section3_cells c ON c.revision_id = r.published_revision_id
        WHERE r.agency_id = ${agencyId}
          AND r.year IN (SELECT value FROM json_each(${JSON.stringify(years)}))
          AND ${derivedTotalSql("c")}`,
  ]);
  const derivedRows = (derived?.results ?? []) as { year: number; row_key: string }[];
  return readAgencyYears(result, agencyId, figures).map((entry) => ({
    ...entry,
    derivedTotals: Object.fromEntries(
      derivedRows.filter((row) => row.year === entry.year).map((row) => [row.row_key, 1]),
    ),
  }));
}

/** `agencyYears`' statement, for callers that send it in a batch of their own. */
export function agencyYearsStatement(agencyId: number, figures: string[], years: number[]) {
  // The agency itself comes first in its subtree's path order, one row per year.
  return compareStatement({
    figures,
    years,
    under: agencyId,
    basis: "published",
    limit: years.length,
  });
}

export function readAgencyYears(
  result: D1Result | undefined,
  agencyId: number,
  figures: string[],
): YearFigures[] {
  return readCompareRows((result?.results ?? []) as Record<string, unknown>[], figures)
    .filter((row) => row.agencyId === agencyId)
    .map((row) => ({ year: row.year, values: row.values, reported: 1 }));
}

/**
 * A region's published sums of each figure for each year: the maintained sums where the
 * region keeps them, all years in one batch. A year without any published report is left out.
 */
export async function regionYears(
  db: Database,
  region: PublicRegion,
  scope: "self" | "region",
  years: number[],
): Promise<YearFigures[]> {
  const plans = await Promise.all(
    years.map((year) => sumsPlan(db, { ...region, year, scope, basis: "published" })),
  );
  // How many reports each year's sums hold: for whole-region reports, only the topmost.
  const counts = years.map((year) =>
    scope === "region"
      ? sql`${topmostRegionReports({ ...region, year, basis: "published" }).with}
          SELECT COUNT(*) AS reported FROM picked`
      : sql`SELECT COUNT(*) AS reported FROM ${agencies}
        CROSS JOIN reports ON reports.agency_id = agencies.id AND reports.year = ${year}
        WHERE ${and(...agencyConditions({ ...region, scope }))} AND reports.published_revision_id IS NOT NULL`,
  );
  const results = await runBatch(db, [...plans.flatMap((plan) => plan.statements), ...counts]);
  let at = 0;
  const sums = plans.map((plan) => {
    const read = plan.read(results.slice(at, at + plan.statements.length));
    at += plan.statements.length;
    return read;
  });
  return years
    .map((year, i) => {
      const values = flattenSums(sums[i]!);
      const reported = (results[at + i]?.results[0] as { reported: number } | undefined)?.reported;
      return {
        year,
        values,
        reported: reported ?? 0,
        derivedTotals: sums[i]!.derivedTotals,
        counts: sums[i]!.counts,
      };
    })
    .filter((entry) => entry.reported > 0);
}
