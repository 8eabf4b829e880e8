import { and, asc, desc, eq, gt, gte, lt, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Reach } from "../../auth/policy";
import type { Database } from "../client";
import { agencies, reportRevisions, reports, type ReportStatus } from "../schema";
import { subtreeConditions, type AgencyFilter } from "./agencies";

type FindingsFilter = "errors" | "warnings" | "any" | "none";

export interface ReportListFilter extends Omit<AgencyFilter, "limit" | "offset" | "parentId"> {
  year?: number;
  status?: ReportStatus;
  hasFindings?: FindingsFilter;
  late?: boolean;
  /** `agency`: the directory's order; `submitted`: newest submission first (the review queue). */
  sort: "agency" | "submitted";
  /** Where the viewer may read drafts; elsewhere only published reports are listed, as published. */
  drafts: Reach;
  limit: number;
  offset: number;
}

const published = alias(reportRevisions, "published");

function draftCondition(reach: Reach): SQL {
  switch (reach.kind) {
    case "everywhere":
      return sql`1`;
    case "nowhere":
      return sql`0`;
    case "subtree":
      return and(gte(agencies.path, reach.rootPath), lt(agencies.path, reach.rootPath + "\uffff"))!;
    case "agency":
      return eq(agencies.path, reach.agencyPath);
  }
}

/** A column of the current revision where drafts are visible, else of the published one. */
const visible = <T>(draft: SQL, current: unknown, ofPublished: unknown, fallback: unknown) =>
  sql<T>`CASE WHEN ${draft} THEN ${current} ELSE ${ofPublished ?? fallback} END`;

export async function listReports(db: Database, filter: ReportListFilter) {
  const conditions = await subtreeConditions(db, filter);
  if (!conditions) return null;
  const draft = draftCondition(filter.drafts);
  const status = visible<ReportStatus>(draft, reports.status, sql`'approved'`, null);
  const errorCount = visible<number>(draft, reports.errorCount, published.errorCount, null);
  const warningCount = visible<number>(draft, reports.warningCount, published.warningCount, null);
  conditions.push(or(draft, sql`${reports.publishedRevisionId} IS NOT NULL`)!);
  if (filter.year !== undefined) conditions.push(eq(reports.year, filter.year));
  if (filter.status) conditions.push(sql`${status} = ${filter.status}`);
  if (filter.late !== undefined) conditions.push(eq(reports.late, filter.late));
  if (filter.hasFindings) {
    conditions.push(
      {
        errors: gt(errorCount, 0),
        warnings: gt(warningCount, 0),
        any: sql`(${errorCount} + ${warningCount}) > 0`,
        none: sql`(${errorCount} + ${warningCount}) = 0`,
      }[filter.hasFindings],
    );
  }
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
        status,
        revision: visible<number>(draft, reports.currentRevision, published.number, null),
        published: sql<boolean>`${reports.publishedRevisionId} IS NOT NULL`,
        errorCount,
        warningCount,
        late: reports.late,
        submittedAt: reports.submittedAt,
        updatedAt: reports.updatedAt,
      })
      .from(reports)
      .innerJoin(agencies, eq(agencies.id, reports.agencyId))
      .leftJoin(published, eq(published.id, reports.publishedRevisionId))
      .where(where)
      .orderBy(
        ...(filter.sort === "submitted"
          ? [sql`${reports.submittedAt} IS NULL`, desc(reports.submittedAt)]
          : []),
        asc(agencies.path),
        asc(reports.year),
      )
      .limit(filter.limit)
      .offset(filter.offset),
    db
      .select({ total: sql<number>`count(*)` })
      .from(reports)
      .innerJoin(agencies, eq(agencies.id, reports.agencyId))
      .leftJoin(published, eq(published.id, reports.publishedRevisionId))
      .where(where),
  ]);
  return {
    rows: rows.map((row) => ({
      ...row,
      published: Boolean(row.published),
      late: Boolean(row.late),
    })),
    total: count?.total ?? 0,
  };
}
