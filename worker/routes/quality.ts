import { createRoute } from "@hono/zod-openapi";
import { z } from "zod";
import type { Database } from "../db/client";
import { compareFigures, type CompareQuery, type CompareRow } from "../db/queries/compare";
import { reportsWithFindings } from "../db/queries/dashboard";
import { ApiError } from "../http/errors";
import { basis, id, regionPrefix, scope, year, commaList, pagination } from "../http/params";
import { authorize } from "../middleware/actor";
import { errors, jsonAnswer } from "../openapi/contract";
import { qualitySchema } from "../openapi/bodies/dashboards";
import { routeGroup } from "../openapi/route-group";
import {
  publicStatus,
  requireRootWhenEmpty,
  scopeAggregate,
  seesWorkflow,
} from "../services/aggregate-scope";
import { isFigureKey } from "../report/figures";
import { findOutliers } from "../report/outliers";
import { regionDifferences } from "../report/cross-check";
import { crossCheckReports } from "../db/queries/cross-check";

const DEFAULT_FIGURES = ["section3.new_received.total", "metrics.website_visits"];
/** History reaches this many years either side of the asked one. */
const HISTORY_SPAN = 10;
/**
 * Outliers are judged over every report of the subtree in those years, read at once; a subtree
 * larger than this is refused (never judged over a part: a cut would drop whole regions, which
 * the SQL order walks last). The largest province (10,447 agencies × 6 years) needs ~63,000.
 */
const MAX_OUTLIER_ROWS = 100_000;

const figureList = commaList(
  z.string().refine(isFigureKey, { message: "未知的指标（应为表格单元格或登记的指标）" }),
  6,
);

const qualityQuery = z.strictObject({
  year,
  under: id.optional(),
  region: regionPrefix.optional(),
  scope: scope.optional().meta({
    description:
      "异常值只在一种报告中判断：region 全地区汇总的报告，self 本机关的报告；省略则两种都看。Judge outliers among one kind of report only (whole-region or own); both when absent.",
  }),
  basis: basis.meta({
    description:
      "published：已公开的版本（默认）；current：最新保存的版本，仅管理员及本地区审核员可用。The approved revisions (default), or the latest saves: admins, and reviewers in their region, only.",
  }),
  figure: figureList.optional().meta({
    description:
      "逗号分隔的指标键（最多 6 个），检查其异常值；默认为新收申请数与网站访问量。Comma-separated figure keys (at most 6) to find outliers in; by default new applications and website visits.",
  }),
  limit: pagination.limit,
  /** Each list pages on its own: reports breaking hard rules, reports with warnings only. */
  hard_offset: pagination.offset.meta({
    description:
      "违反硬性规则的报告列表跳过的条数。Items to skip in the list of reports breaking hard rules.",
  }),
  soft_offset: pagination.offset.meta({
    description:
      "只有提示的报告列表跳过的条数。Items to skip in the list of reports with warnings only.",
  }),
});

type QualityBody = z.output<typeof qualitySchema>;

const qualityRoute = createRoute({
  method: "get",
  path: "/",
  operationId: "getQuality",
  summary: "数据质量",
  description:
    "Data quality for a subtree (under) or region-code prefix (region) and a year: reports breaking hard rules and reports with warnings only (each list paged on its own, with the submitters' explanations), values far outside the agency's own history or its peers', and whole-region reports far from the sum of the reports they contain. A region too large to judge outliers over is refused (400 too_many_rows).",
  tags: ["dashboards"],
  middleware: [authorize("report.read_published")],
  request: { query: qualityQuery },
  responses: {
    200: jsonAnswer("The findings.", qualitySchema),
    ...errors(400, 403, 404),
  },
});

/**
 * The figures the outliers are judged over: all of them, or a 400 naming the limit. The rows are
 * counted past the limit (a window over the rows the query reads anyway) so the refusal says how
 * many there are.
 */
export async function readOutlierRows(
  db: Database,
  query: Omit<CompareQuery, "limit" | "offset" | "countAll">,
  maxRows = MAX_OUTLIER_ROWS,
) {
  const { rows, total } = await compareFigures(db, {
    ...query,
    limit: maxRows + 1,
    countAll: true,
  });
  if (rows.length > maxRows) {
    throw new ApiError(
      400,
      "too_many_rows",
      `异常值检查需要一次读取该地区前后各${HISTORY_SPAN}年的全部 ${total} 份报告，超过上限 ${maxRows}；请选择较小的地区（under 或 region）`,
      `Finding outliers needs all ${total} reports of the region within ${HISTORY_SPAN} years either side at once, over the limit of ${maxRows}; choose a smaller region (under or region)`,
      { limit: maxRows, total },
    );
  }
  return rows;
}

/**
 * Data quality for a subtree and year: reports breaking hard rules, reports with soft findings
 * only (each with the submitter's explanations), two lists paged by `hard_offset` and
 * `soft_offset` with their `total`, and values far outside the agency's own history or its
 * peers', and whole-region reports far from the sum of the reports they contain (自报 vs 汇总).
 * Nothing is left out unsaid: a region too large to judge outliers over is refused.
 */
export const qualityRoutes = routeGroup().openapi(qualityRoute, async (c) => {
  const query = await scopeAggregate(c.var.db, c.var.actor, c.req.valid("query"));
  const workflow = await seesWorkflow(c.var.db, c.var.actor, query.under);
  const figures = query.figure ?? DEFAULT_FIGURES;
  const years = Array.from(
    { length: 2 * HISTORY_SPAN + 1 },
    (_, i) => query.year - HISTORY_SPAN + i,
  );
  const [values, findings, covered] = await Promise.all([
    readOutlierRows(c.var.db, {
      under: query.under,
      region: query.region,
      scope: query.scope,
      basis: query.basis,
      figures,
      years,
    }),
    reportsWithFindings(c.var.db, {
      ...query,
      scope: query.scope ?? "self",
      hardOffset: query.hard_offset,
      softOffset: query.soft_offset,
    }),
    crossCheckReports(c.var.db, query),
  ]);
  await requireRootWhenEmpty(c.var.db, query.under, values.length === 0);
  return c.json(
    {
      year: query.year,
      basis: query.basis,
      figures,
      // The rows' level, scope and status columns are read as text; they hold only the
      // schema's values.
      hard: withPublicStatus(findings.hard, workflow) as QualityBody["hard"],
      soft: withPublicStatus(findings.soft, workflow) as QualityBody["soft"],
      outliers: namedOutliers(values, figures, query.year),
      region_differences: regionDifferences(covered).map((d) => ({
        agency_id: d.agencyId,
        agency_name: d.name,
        parts_reports: d.partsReports,
        figures: d.figures,
      })),
    },
    200,
  );
});

const withPublicStatus = <T extends { status: string }>(
  list: { items: T[]; total: number; offset: number; limit: number },
  workflow: boolean,
) => ({
  ...list,
  items: list.items.map((item) => ({ ...item, status: publicStatus(item.status, workflow) })),
});

/** The outliers of the year, each with its agency's name (every row read names its agency). */
function namedOutliers(values: CompareRow[], figures: string[], year: number) {
  const names = new Map(values.map((row) => [row.agencyId, row.agencyName]));
  return findOutliers(values, figures, year).map((outlier) => ({
    ...outlier,
    agency_name: names.get(outlier.agency_id) ?? "",
  }));
}
