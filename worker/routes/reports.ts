import { createRoute } from "@hono/zod-openapi";
import { z } from "zod";
import { listReports } from "../db/queries/report-list";
import { REPORT_STATUSES } from "../db/schema";
import { columns, csvVariant } from "../http/csv";
import { notFound } from "../http/errors";
import { agencyFilter, format, pagination, year } from "../http/params";
import { errors, jsonOrCsvAnswer } from "../openapi/contract";
import { reportListSchema } from "../openapi/bodies/reports";
import { routeGroup } from "../openapi/route-group";
import { reachOf } from "../auth/policy";
import { authorize } from "../middleware/actor";

const listQuery = z.strictObject({
  ...agencyFilter,
  year: year.optional(),
  status: z.enum(REPORT_STATUSES).optional().meta({
    description:
      "审核状态（不能查看草稿者只见 approved）。The review status (approved only, to those who may not read drafts).",
  }),
  has_findings: z.enum(["errors", "warnings", "any", "none"]).optional().meta({
    description:
      "按检查结果筛选：有错误、有警告、有任一、均无。Reports with errors, with warnings, with either, or with none.",
  }),
  late: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional()
    .meta({ description: "是否逾期提交。Submitted after the deadline or not." }),
  q: z.string().max(100).optional(),
  sort: z.enum(["agency", "submitted"]).default("agency").meta({
    description:
      "排序：agency 按机构层级（默认），submitted 按提交时间、最新在前。By agency (default) or by submission time, newest first.",
  }),
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

const listRoute = createRoute({
  method: "get",
  path: "/",
  operationId: "listReports",
  summary: "报告列表",
  description:
    "Reports across agencies, filtered by agency (level, kind, scope, region, subtree, name), year, status, findings and lateness; paged. Where the caller may read drafts each report is shown as its current revision, elsewhere only published reports appear, as published.",
  tags: ["reports"],
  middleware: [
    authorize("report.read_published"),
    csvVariant<{ items: Record<(typeof CSV_HEADER)[number], unknown>[] }>(
      () => "reports.csv",
      (body) => columns(CSV_HEADER, body.items),
    ),
  ],
  request: { query: listQuery },
  responses: {
    200: jsonOrCsvAnswer("A page of reports.", reportListSchema),
    ...errors(400, 404),
  },
});

export const reportRoutes = routeGroup().openapi(listRoute, async (c) => {
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
});
