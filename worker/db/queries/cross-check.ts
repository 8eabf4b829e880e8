import { and, sql } from "drizzle-orm";
import type { CoveredReport } from "../../report/cross-check";
import { CROSS_CHECK_FIGURES } from "../../report/cross-check";
import type { Database } from "../client";
import { agencies, reports } from "../schema";
import { agencyConditions, type AgencyFilter } from "./agencies";
import { revisionColumn, type Basis } from "./compare";

/**
 * The figures 自报 vs 汇总 compares, for every report of a region and year on the basis, with
 * each agency's path and scope: table 三's totals from their wide row, table 四's from the
 * long figures.
 */
export async function crossCheckReports(
  db: Database,
  query: Pick<AgencyFilter, "under" | "region"> & { year: number; basis: Basis },
): Promise<CoveredReport[]> {
  const revision = revisionColumn(query.basis);
  const columns = CROSS_CHECK_FIGURES.map((figure) => {
    const [table, row] = figure.split(".");
    return table === "section3"
      ? sql`${sql.raw(`t.${row}`)} AS ${sql.identifier(figure)}`
      : sql`(SELECT f.value FROM figure_values f WHERE f.revision_id = ${revision}
            AND f.figure = ${figure}) AS ${sql.identifier(figure)}`;
  });
  const where = and(...agencyConditions({ under: query.under, region: query.region })) ?? sql`1`;
  const rows = await db.all<Record<string, unknown>>(sql`
    SELECT agencies.id, agencies.name, agencies.path, agencies.scope, ${sql.join(columns, sql`, `)}
    FROM ${agencies} CROSS JOIN ${reports}
      ON reports.agency_id = agencies.id AND reports.year = ${query.year}
    LEFT JOIN section3_totals t ON t.revision_id = ${revision}
    WHERE ${where} AND ${revision} IS NOT NULL`);
  return rows.map((row) => ({
    agencyId: row.id as number,
    name: row.name as string,
    path: row.path as string,
    scope: row.scope as string,
    values: Object.fromEntries(
      CROSS_CHECK_FIGURES.map((figure) => [figure, (row[figure] as number | null) ?? null]),
    ),
  }));
}
