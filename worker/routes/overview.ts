import { createRoute } from "@hono/zod-openapi";
import { z } from "zod";
import { overview } from "../db/queries/dashboard";
import { flattenSums } from "../db/queries/rollup";
import { basis, id, regionPrefix, scope, year } from "../http/params";
import { authorize } from "../middleware/actor";
import { errors, jsonAnswer } from "../openapi/contract";
import { overviewSchema } from "../openapi/bodies/dashboards";
import { routeGroup } from "../openapi/route-group";
import {
  publicStatus,
  requireRootWhenEmpty,
  scopeAggregate,
  seesWorkflow,
} from "../services/aggregate-scope";
import { computeIndicator, INDICATORS } from "../report/indicators";
import { KEY_FIGURES } from "../report/key-figures";

const STATES = ["approved", "submitted", "returned", "draft", "missing"] as const;

const overviewQuery = z.strictObject({
  year,
  under: id.optional(),
  region: regionPrefix.optional(),
  /** Which reports the figures sum; completeness always counts every agency. */
  scope: scope.default("self").meta({
    description:
      "数字合计哪一种报告：self 各机构本身的报告（默认），region 全地区汇总的报告；完成情况总是计全部机构。Which reports the figures sum: agencies' own (self, default) or whole-region reports; completeness counts every agency.",
  }),
  basis: basis.meta({
    description:
      "published：已公开的版本（默认）；current：最新保存的版本，仅管理员及本地区审核员可用。The approved revisions (default), or the latest saves: admins, and reviewers in their region, only.",
  }),
  limit: z.coerce.number<string>().int().min(1).max(1000).default(100).meta({
    description:
      "未报机构与未通过硬性规则的报告各列出的上限。How many missing agencies and failing reports to list.",
  }),
});

type OverviewBody = z.output<typeof overviewSchema>;

const overviewRoute = createRoute({
  method: "get",
  path: "/",
  operationId: "getOverview",
  summary: "概览：完成情况、主要数字与问题报告",
  description:
    "The dashboard's first screen for a subtree (under) or region-code prefix (region) and a year: who has reported (by level and state; review states and lateness only for viewers who may see them), the first missing agencies, the key figures and indicators summed, and the reports breaking hard rules.",
  tags: ["dashboards"],
  middleware: [authorize("report.read_published")],
  request: { query: overviewQuery },
  responses: {
    200: jsonAnswer("The overview.", overviewSchema),
    ...errors(400, 403, 404),
  },
});

/**
 * The provincial dashboard's first screen for a subtree and year: who has reported, the summed
 * key figures and indicators, and which reports break hard rules.
 */
export const overviewRoutes = routeGroup().openapi(overviewRoute, async (c) => {
  const query = await scopeAggregate(c.var.db, c.var.actor, c.req.valid("query"));
  const workflow = await seesWorkflow(c.var.db, c.var.actor, query.under);
  const result = await overview(c.var.db, query);
  await requireRootWhenEmpty(c.var.db, query.under, result.completeness.length === 0);

  const levels: Record<string, Record<(typeof STATES)[number], number> & { late: number }> = {};
  const totals = { approved: 0, submitted: 0, returned: 0, draft: 0, missing: 0, late: 0 };
  for (const row of result.completeness) {
    const level = (levels[row.level] ??= {
      approved: 0,
      submitted: 0,
      returned: 0,
      draft: 0,
      missing: 0,
      late: 0,
    });
    const state = row.state as (typeof STATES)[number];
    level[state] += row.agencies;
    level.late += row.late;
    totals[state] += row.agencies;
    totals.late += row.late;
  }

  const figures = flattenSums(result.sums);
  return c.json(
    {
      year: query.year,
      basis: query.basis,
      scope: query.scope,
      completeness: {
        by_level: Object.fromEntries(
          Object.entries(levels).map(([level, counts]) => [level, outsideView(counts, workflow)]),
        ),
        totals: {
          ...outsideView(totals, workflow),
          agencies: STATES.reduce((n, s) => n + totals[s], 0),
        },
        // The rows' level and status columns are read as text; they hold only the schema's values.
        missing: {
          items: result.missing as OverviewBody["completeness"]["missing"]["items"],
          total: totals.missing,
        },
      },
      figures: Object.fromEntries(
        KEY_FIGURES.map((key) => [key, figures[key] ?? null]),
      ) as OverviewBody["figures"],
      indicators: INDICATORS.map((indicator) =>
        computeIndicator(indicator, (figure) => figures[figure] ?? null),
      ),
      failing_reports: {
        items: result.failing.rows.map(
          (row) =>
            ({
              ...row,
              status: publicStatus(row.status, workflow),
            }) as OverviewBody["failing_reports"]["items"][number],
        ),
        total: result.failing.total,
      },
    },
    200,
  );
});

/**
 * Counts as a viewer without review rights may see them: published, not yet published (draft,
 * submitted and returned together), missing; lateness is a review matter.
 */
function outsideView<T extends Record<(typeof STATES)[number] | "late", number>>(
  counts: T,
  workflow: boolean,
) {
  if (workflow) return counts;
  return {
    approved: counts.approved,
    pending: counts.draft + counts.submitted + counts.returned,
    missing: counts.missing,
  };
}
