import { and, sql } from "drizzle-orm";
import { runBatch } from "../batch";
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
}

/** One agency's published figures for each year it has a published report. */
export async function agencyYears(
  db: Database,
  agencyId: number,
  figures: string[],
  years: number[],
): Promise<YearFigures[]> {
  const [result] = await runBatch(db, [agencyYearsStatement(agencyId, figures, years)]);
  return readAgencyYears(result, agencyId, figures);
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
      return { year, values, reported: reported ?? 0 };
    })
    .filter((entry) => entry.reported > 0);
}
