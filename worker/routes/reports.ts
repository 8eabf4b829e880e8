import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../app-env";
import { listReports } from "../db/queries/report-list";
import { REPORT_STATUSES } from "../db/schema";
import { columns, csvVariant } from "../http/csv";
import { notFound } from "../http/errors";
import { agencyFilter, format, pagination, year } from "../http/params";
import { validate } from "../http/validate";
import { reachOf } from "../auth/policy";
import { authorize } from "../middleware/actor";

const listQuery = z.strictObject({
  ...agencyFilter,
  year: year.optional(),
  status: z.enum(REPORT_STATUSES).optional(),
  has_findings: z.enum(["errors", "warnings", "any", "none"]).optional(),
  late: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
  q: z.string().max(100).optional(),
  ...pagination,
  format,
});

const CSV_HEADER = [
  "id",
  "agency_id",
  "agency_name",
  "level",
  "kind",
  "scope",
  "region_code",
  "year",
  "template",
  "status",
  "revision",
  "published",
  "error_count",
  "warning_count",
  "late",
  "submitted_at",
  "updated_at",
] as const;

export const reportRoutes = new Hono<AppEnv>().get(
  "/",
  authorize("report.read_published"),
  validate("query", listQuery),
  csvVariant<{ items: Record<(typeof CSV_HEADER)[number], unknown>[] }>(
    () => "reports.csv",
    (body) => columns(CSV_HEADER, body.items),
  ),
  async (c) => {
    const query = c.req.valid("query");
    const result = await listReports(c.var.db, {
      ...query,
      hasFindings: query.has_findings,
      drafts: reachOf(c.var.actor, "report.read_draft"),
    });
    if (!result) throw notFound("上级机构", "Agency");
    const items = result.rows.map((r) => ({
      id: r.id,
      agency_id: r.agencyId,
      agency_name: r.agencyName,
      level: r.level,
      kind: r.kind,
      scope: r.scope,
      region_code: r.regionCode,
      year: r.year,
      template: r.template,
      status: r.status,
      revision: r.revision,
      published: r.published,
      error_count: r.errorCount,
      warning_count: r.warningCount,
      late: r.late,
      submitted_at: r.submittedAt,
      updated_at: r.updatedAt,
    }));
    return c.json({ items, total: result.total, limit: query.limit, offset: query.offset }, 200);
  },
);
