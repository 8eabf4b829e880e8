import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../client";
import { SECTION3_CELL_COLUMNS } from "../cells";
import { agencies, reports } from "../schema";
import { subtreeConditions, type AgencyFilter } from "./agencies";
import { revisionColumn, type Basis } from "./compare";

export interface RollupQuery extends Pick<
  AgencyFilter,
  "level" | "kind" | "scope" | "region" | "under"
> {
  year: number;
  basis: Basis;
}

export interface RollupResult {
  section3: Record<string, (number | null)[]>;
  figures: Record<string, { sum: number | null; reported: number }>;
  agencies: {
    id: number;
    name: string;
    level: string;
    kind: string;
    scope: string;
    regionCode: string;
    status: "included" | "pending" | "missing";
    reportStatus: string | null;
  }[];
}

/** Table figures summed over the reports of the matching agencies for one year. */
export async function rollup(db: Database, query: RollupQuery): Promise<RollupResult | null> {
  const conditions = await subtreeConditions(db, query);
  if (!conditions) return null;
  const revision = revisionColumn(query.basis);
  const where = and(...conditions, eq(reports.year, query.year));
  const sums = sql.raw(SECTION3_CELL_COLUMNS.map((c) => `SUM(c.${c}) AS ${c}`).join(", "));
  const [section3Rows, figureRows, agencyRows] = await Promise.all([
    db.all<Record<string, number | null>>(sql`
      SELECT c.row_key, ${sums}
      FROM ${agencies} JOIN ${reports} ON reports.agency_id = agencies.id
      JOIN section3_cells c ON c.revision_id = ${revision}
      WHERE ${where}
      GROUP BY c.row_key`),
    db.all<{ figure: string; sum: number | null; reported: number }>(sql`
      SELECT f.figure, SUM(f.value) AS sum, COUNT(f.value) AS reported
      FROM ${agencies} JOIN ${reports} ON reports.agency_id = agencies.id
      JOIN figure_values f ON f.revision_id = ${revision}
      WHERE ${where}
      GROUP BY f.figure`),
    db.all<Record<string, unknown>>(sql`
      SELECT agencies.id, agencies.name, agencies.level, agencies.kind, agencies.scope,
             agencies.region_code, reports.status AS report_status, ${revision} AS revision_id
      FROM ${agencies} LEFT JOIN ${reports}
        ON reports.agency_id = agencies.id AND reports.year = ${query.year}
      WHERE ${and(...conditions)}
      ORDER BY agencies.path`),
  ]);
  return {
    section3: Object.fromEntries(
      section3Rows.map((row) => [
        row.row_key as unknown as string,
        SECTION3_CELL_COLUMNS.map((c) => row[c] ?? null),
      ]),
    ),
    figures: Object.fromEntries(
      figureRows.map((row) => [row.figure, { sum: row.sum, reported: row.reported }]),
    ),
    agencies: agencyRows.map((row) => ({
      id: row.id as number,
      name: row.name as string,
      level: row.level as string,
      kind: row.kind as string,
      scope: row.scope as string,
      regionCode: row.region_code as string,
      status: row.revision_id != null ? "included" : row.report_status ? "pending" : "missing",
      reportStatus: (row.report_status as string | null) ?? null,
    })),
  };
}
