import { createRoute } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppEnv } from "../app-env";
import { getAgency, listAgencies, type AgencyRow } from "../db/queries/agencies";
import { findReport, loadPublished, reportsOfAgency } from "../db/queries/reports";
import { explanationsOfRevision, listPublications } from "../db/queries/review-events";
import { columns, csvVariant } from "../http/csv";
import { notFound } from "../http/errors";
import { agencyFilter, format, id, pagination, year } from "../http/params";
import {
  cached,
  errors,
  jsonAnswer,
  jsonOrCsvAnswer,
  NOT_MODIFIED,
  PUBLIC,
} from "../openapi/contract";
import {
  agencyDetailSchema,
  agencyListSchema,
  correctionsSchema,
  publicReportSchema,
} from "../openapi/bodies/public";
import { routeGroup } from "../openapi/route-group";
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

const publicAgenciesQuery = z.strictObject({
  ...agencyFilter,
  q: z.string().trim().min(1).max(50).optional(),
  ...pagination,
  format,
});
const publicAgencyPath = z.object({ id });
const publicReportPath = z.object({ id, year });
const publicReportQuery = z.strictObject({ format });

/** The licence and the data version travel with every public answer. */
async function envelope(db: AppEnv["Variables"]["db"]) {
  const version = await currentDataVersion(db);
  return { data_version: version.publication, licence: LICENCE };
}

const agenciesRoute = createRoute({
  method: "get",
  path: "/",
  operationId: "listPublicAgencies",
  summary: "机构列表",
  description:
    "Agencies, filtered by level, kind, scope, region-code prefix or subtree, and by name; paged.",
  tags: ["agencies"],
  ...PUBLIC,
  request: { query: publicAgenciesQuery },
  middleware: [
    csvVariant<{ items: ReturnType<typeof presentPublicAgency>[] }>(
      () => "agencies.csv",
      (body) =>
        columns(["id", "name", "level", "kind", "scope", "region_code", "parent_id"], body.items),
      LICENCE_COMMENTS,
    ),
  ] as const,
  responses: {
    200: cached(jsonOrCsvAnswer("A page of agencies.", agencyListSchema)),
    304: NOT_MODIFIED,
    ...errors(400, 404),
  },
});

const agencyRoute = createRoute({
  method: "get",
  path: "/{id}",
  operationId: "getPublicAgency",
  summary: "机构及其已公开的年度报告",
  description:
    "One agency, its parent and the years it has a published report for; unpublished years are not mentioned.",
  tags: ["agencies"],
  ...PUBLIC,
  request: { params: publicAgencyPath },
  responses: {
    200: cached(jsonAnswer("The agency.", agencyDetailSchema)),
    304: NOT_MODIFIED,
    ...errors(400, 404),
  },
});

const reportRoute = createRoute({
  method: "get",
  path: "/{id}/reports/{year}",
  operationId: "getPublicReport",
  summary: "已公开的年度报告",
  description:
    "The published (approved) revision of an agency's report for a year, as the canonical report document, with its publication dates, the number of corrections, the rules' findings on it and the agency's explanations sent with its submission. A correction under review (and what its submission explains) is not shown until approved.",
  tags: ["agencies"],
  ...PUBLIC,
  request: { params: publicReportPath, query: publicReportQuery },
  middleware: [
    csvVariant<{ document: Parameters<typeof reportTable>[0]; agency: { name: string } }>(
      (body) => `${body.agency.name}-${body.document.year}.csv`,
      (body) => reportTable(body.document),
      LICENCE_COMMENTS,
    ),
  ] as const,
  responses: {
    200: cached(jsonOrCsvAnswer("The published report.", publicReportSchema)),
    304: NOT_MODIFIED,
    ...errors(400, 404),
  },
});

const correctionsRoute = createRoute({
  method: "get",
  path: "/{id}/reports/{year}/corrections",
  operationId: "listPublicReportCorrections",
  summary: "报告的更正记录",
  description:
    "Every correction published after the report's first publication, with its reason and the changed figures and fields.",
  tags: ["agencies"],
  ...PUBLIC,
  request: { params: publicReportPath },
  responses: {
    200: cached(jsonAnswer("The correction log.", correctionsSchema)),
    304: NOT_MODIFIED,
    ...errors(400, 404),
  },
});

/**
 * `/api/public/agencies`: agencies and their published reports, for anyone, with no session.
 * Only approved revisions ever appear; an agency's unpublished years are not mentioned.
 */
export const publicAgencyRoutes = routeGroup()
  .openapi(agenciesRoute, async (c) => {
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
  })
  .openapi(agencyRoute, async (c) => {
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
  .openapi(reportRoute, async (c) => {
    const path = c.req.valid("param");
    const agency = await getAgency(c.var.db, path.id);
    const stored = agency ? await loadPublished(c.var.db, path.id, path.year) : null;
    if (!agency || !stored) throw notFound(`${path.year} 年度已公开的报告`, "The published report");
    const [publications, explanations] = await Promise.all([
      listPublications(c.var.db, stored.report.id),
      explanationsOfRevision(c.var.db, stored.report.id, stored.revision.number),
    ]);
    return c.json(
      {
        agency: presentPublicAgency(agency),
        year: path.year,
        revision: stored.revision.number,
        published_at: publications.at(-1)?.publishedAt ?? null,
        first_published_at: publications[0]?.publishedAt ?? null,
        corrections: publications.length - 1,
        document: stored.document,
        findings: stored.findings,
        explanations,
        ...(await envelope(c.var.db)),
      },
      200,
    );
  })
  .openapi(correctionsRoute, async (c) => {
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
          changes: JSON.parse(p.changes) as z.infer<
            typeof correctionsSchema
          >["items"][number]["changes"],
        })),
        ...(await envelope(c.var.db)),
      },
      200,
    );
  });

export { envelope as publicEnvelope };
