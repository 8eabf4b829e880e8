import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../app-env";
import { getAgency, listAgencies, type AgencyRow } from "../db/queries/agencies";
import { findReport, loadPublished, reportsOfAgency } from "../db/queries/reports";
import { listPublications } from "../db/queries/review-events";
import { columns, csvVariant } from "../http/csv";
import { notFound } from "../http/errors";
import { agencyFilter, format, id, pagination, year } from "../http/params";
import { validate } from "../http/validate";
import { currentDataVersion } from "../db/data-version-memo";
import { LICENCE, LICENCE_COMMENTS } from "../public/licence";
import { reportTable } from "../services/report-table";

/** What the public sees of an agency: no timestamps of internal edits, no materialized path. */
export const presentPublicAgency = (a: AgencyRow) => ({
  id: a.id,
  name: a.name,
  level: a.level,
  kind: a.kind,
  scope: a.scope,
  region_code: a.regionCode,
  parent_id: a.parentId,
});

export const publicAgenciesQuery = z.strictObject({
  ...agencyFilter,
  q: z.string().trim().min(1).max(50).optional(),
  ...pagination,
  format,
});
export const publicAgencyPath = z.object({ id });
export const publicReportPath = z.object({ id, year });
export const publicReportQuery = z.strictObject({ format });

/** The licence and the data version travel with every public answer. */
async function envelope(db: AppEnv["Variables"]["db"]) {
  const version = await currentDataVersion(db);
  return { data_version: version.publication, licence: LICENCE };
}

/**
 * `/api/public/agencies`: agencies and their published reports, for anyone, with no session.
 * Only approved revisions ever appear; an agency's unpublished years are not mentioned.
 */
export const publicAgencyRoutes = new Hono<AppEnv>()
  .get(
    "/",
    validate("query", publicAgenciesQuery),
    csvVariant<{ items: ReturnType<typeof presentPublicAgency>[] }>(
      () => "agencies.csv",
      (body) =>
        columns(["id", "name", "level", "kind", "scope", "region_code", "parent_id"], body.items),
      LICENCE_COMMENTS,
    ),
    async (c) => {
      const query = c.req.valid("query");
      const result = await listAgencies(c.var.db, query);
      if (!result) throw notFound("上级机构", "Agency");
      return c.json(
        {
          items: result.rows.map(presentPublicAgency),
          total: result.total,
          limit: query.limit,
          offset: query.offset,
          ...(await envelope(c.var.db)),
        },
        200,
      );
    },
  )
  .get("/:id", validate("param", publicAgencyPath), async (c) => {
    const agency = await getAgency(c.var.db, c.req.valid("param").id);
    if (!agency) throw notFound("机构", "Agency");
    const parent = agency.parentId ? await getAgency(c.var.db, agency.parentId) : undefined;
    const reports = (await reportsOfAgency(c.var.db, agency.id)).filter(
      (r) => r.publishedRevisionId !== null,
    );
    return c.json(
      {
        agency: {
          ...presentPublicAgency(agency),
          parent: parent ? { id: parent.id, name: parent.name } : null,
        },
        reports: reports.map((r) => ({ year: r.year, template: r.template })),
        ...(await envelope(c.var.db)),
      },
      200,
    );
  })
  .get(
    "/:id/reports/:year",
    validate("param", publicReportPath),
    validate("query", publicReportQuery),
    csvVariant<{ document: Parameters<typeof reportTable>[0]; agency: { name: string } }>(
      (body) => `${body.agency.name}-${body.document.year}.csv`,
      (body) => reportTable(body.document),
      LICENCE_COMMENTS,
    ),
    async (c) => {
      const path = c.req.valid("param");
      const agency = await getAgency(c.var.db, path.id);
      const stored = agency ? await loadPublished(c.var.db, path.id, path.year) : null;
      if (!agency || !stored)
        throw notFound(`${path.year} 年度已公开的报告`, "The published report");
      const publications = await listPublications(c.var.db, stored.report.id);
      return c.json(
        {
          agency: presentPublicAgency(agency),
          year: path.year,
          revision: stored.revision.number,
          published_at: publications.at(-1)?.publishedAt ?? null,
          first_published_at: publications[0]?.publishedAt ?? null,
          corrections: publications.length - 1,
          document: stored.document,
          ...(await envelope(c.var.db)),
        },
        200,
      );
    },
  )
  .get("/:id/reports/:year/corrections", validate("param", publicReportPath), async (c) => {
    const path = c.req.valid("param");
    const report = await findReport(c.var.db, path.id, path.year);
    const publications = report ? await listPublications(c.var.db, report.id) : [];
    if (publications.length === 0)
      throw notFound(`${path.year} 年度已公开的报告`, "The published report");
    return c.json(
      {
        first_published_at: publications[0]!.publishedAt,
        items: publications.slice(1).map((p) => ({
          revision: p.revision,
          published_at: p.publishedAt,
          reason: p.reason,
          changes: JSON.parse(p.changes) as unknown[],
        })),
        ...(await envelope(c.var.db)),
      },
      200,
    );
  });

export { envelope as publicEnvelope };
