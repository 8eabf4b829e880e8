import { and, asc, eq, gt, sql, type SQL } from "drizzle-orm";
import type { Database } from "../client";
import { agencies, reports, type ReportStatus } from "../schema";
import { subtreeConditions, type AgencyFilter } from "./agencies";

export type FindingsFilter = "errors" | "warnings" | "any" | "none";

export interface ReportListFilter extends Omit<AgencyFilter, "limit" | "offset" | "parentId"> {
  year?: number;
  status?: ReportStatus;
  hasFindings?: FindingsFilter;
  limit: number;
  offset: number;
}

const findingsCondition: Record<FindingsFilter, SQL> = {
  errors: gt(reports.errorCount, 0)!,
  warnings: gt(reports.warningCount, 0)!,
  any: sql`(${reports.errorCount} + ${reports.warningCount}) > 0`,
  none: sql`(${reports.errorCount} + ${reports.warningCount}) = 0`,
};

export async function listReports(db: Database, filter: ReportListFilter) {
  const conditions = await subtreeConditions(db, filter);
  if (!conditions) return null;
  if (filter.year !== undefined) conditions.push(eq(reports.year, filter.year));
  if (filter.status) conditions.push(eq(reports.status, filter.status));
  if (filter.hasFindings) conditions.push(findingsCondition[filter.hasFindings]);
  const where = and(...conditions);
  const [rows, [count]] = await Promise.all([
    db
      .select({
        id: reports.id,
        agencyId: reports.agencyId,
        agencyName: agencies.name,
        level: agencies.level,
        kind: agencies.kind,
        scope: agencies.scope,
        regionCode: agencies.regionCode,
        year: reports.year,
        template: reports.template,
        status: reports.status,
        revision: reports.currentRevision,
        published: sql<boolean>`${reports.publishedRevisionId} IS NOT NULL`,
        errorCount: reports.errorCount,
        warningCount: reports.warningCount,
        updatedAt: reports.updatedAt,
      })
      .from(reports)
      .innerJoin(agencies, eq(agencies.id, reports.agencyId))
      .where(where)
      .orderBy(asc(agencies.path), asc(reports.year))
      .limit(filter.limit)
      .offset(filter.offset),
    db
      .select({ total: sql<number>`count(*)` })
      .from(reports)
      .innerJoin(agencies, eq(agencies.id, reports.agencyId))
      .where(where),
  ]);
  return {
    rows: rows.map((row) => ({ ...row, published: Boolean(row.published) })),
    total: count?.total ?? 0,
  };
}
