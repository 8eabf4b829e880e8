import { createRoute } from "@hono/zod-openapi";
import { z } from "zod";
import { flattenSums, ledgerPage, rollup } from "../db/queries/rollup";
import { csvVariant } from "../http/csv";
import { agencyFilter, basis, format, limit, offset, scope, year } from "../http/params";
import { authorize } from "../middleware/actor";
import { errors, jsonAnswer, jsonOrCsvAnswer } from "../openapi/contract";
import { dashboardRollupSchema, ledgerSchema } from "../openapi/bodies/dashboards";
import { routeGroup } from "../openapi/route-group";
import {
  presentLedgerEntry,
  requireRootWhenEmpty,
  scopeAggregate,
  seesWorkflow,
} from "../services/aggregate-scope";
import { computeIndicator, INDICATORS } from "../report/indicators";
import { INCLUSIONS } from "../report/region-coverage";
import { regionCrossCheck } from "../services/region-cross-check";

/**
 * Whole-region reports already contain their agencies' figures, so a rollup sums one
 * scope at a time (agencies' own reports by default) and never mixes the two; with
 * `scope=region` only the topmost whole-region reports are summed (README, "Scope").
 */
const BASIS_TEXT =
  "published：已公开的版本（默认）；current：最新保存的版本，仅管理员及本地区审核员可用。The approved revisions (default), or the latest saves: admins, and reviewers in their region, only.";
const SCOPE_TEXT =
  "合计哪一种报告：self 各机构本身的报告（默认），region 全地区汇总的报告（只计最上一级）。Which reports are summed: agencies' own (self, default) or whole-region reports (region; the topmost only).";

const rollupQuery = z.strictObject({
  ...agencyFilter,
  scope: scope.default("self").meta({ description: SCOPE_TEXT }),
  year,
  basis: basis.meta({ description: BASIS_TEXT }),
  format,
});

/** The ledger's agencies a page at a time, optionally of one inclusion only. */
const ledgerQuery = z.strictObject({
  ...agencyFilter,
  scope: scope.default("self").meta({ description: SCOPE_TEXT }),
  year,
  basis: basis.meta({ description: BASIS_TEXT }),
  state: z.enum(INCLUSIONS).optional().meta({
    description:
      "只列出一种计入情况的机构：included、contained、covered_by_parts、pending、missing。Only the agencies of one inclusion.",
  }),
  limit: limit(500, 50),
  offset,
});

type LedgerItem = z.output<typeof ledgerSchema>["items"][number];

const rollupRoute = createRoute({
  method: "get",
  path: "/",
  operationId: "getRollup",
  summary: "地区合计（含未公开数据）",
  description:
    "Every figure of a year's reports summed over the matching agencies, one scope at a time, with the derived indicators, the ledger's counts and (scope=region) the region's own report against the sum of its parts. basis=current sums the latest saves: admins everywhere, reviewers in their region.",
  tags: ["dashboards"],
  middleware: [
    authorize("report.read_published"),
    csvVariant<{ year: number; figures: Record<string, number | null> }>(
      (body) => `rollup-${body.year}.csv`,
      (body) => ({
        header: ["figure", "value"],
        rows: Object.entries(body.figures).sort(([a], [b]) => a.localeCompare(b)),
      }),
    ),
  ],
  request: { query: rollupQuery },
  responses: {
    200: jsonOrCsvAnswer("The sums.", dashboardRollupSchema),
    ...errors(400, 403, 404),
  },
});

const ledgerRoute = createRoute({
  method: "get",
  path: "/ledger",
  operationId: "getRollupLedger",
  summary: "合计的机构清单",
  description:
    "The rollup's agencies a page at a time, in region order, each with whether its report is summed (included), contained in a whole-region report above it, covered by its parts, pending or missing; the review state only for viewers who may see it.",
  tags: ["dashboards"],
  middleware: [authorize("report.read_published")],
  request: { query: ledgerQuery },
  responses: {
    200: jsonAnswer("A page of the ledger.", ledgerSchema),
    ...errors(400, 403, 404),
  },
});

export const rollupRoutes = routeGroup()
  .openapi(rollupRoute, async (c) => {
    const query = await scopeAggregate(c.var.db, c.var.actor, c.req.valid("query"));
    const result = await rollup(c.var.db, query);
    await requireRootWhenEmpty(c.var.db, query.under, result.ledger.total === 0);
    const figures = flattenSums(result);
    const indicators = INDICATORS.map((indicator) =>
      computeIndicator(indicator, (figure) => figures[figure] ?? null),
    );
    return c.json(
      {
        year: query.year,
        scope: query.scope,
        basis: query.basis,
        /** The ledger's summary; its agencies are paged by `GET /api/rollup/ledger`. */
        counts: result.ledger.counts,
        ledger_total: result.ledger.total,
        section3: { rows: result.section3, derived_totals: result.derivedTotals },
        figures,
        indicators,
        cross_check: query.scope === "region" ? await regionCrossCheck(c.var.db, query) : null,
      },
      200,
    );
  })
  .openapi(ledgerRoute, async (c) => {
    const { state, limit, offset, ...filters } = c.req.valid("query");
    const query = await scopeAggregate(c.var.db, c.var.actor, filters);
    const workflow = await seesWorkflow(c.var.db, c.var.actor, query.under);
    const page = await ledgerPage(c.var.db, query, { state, limit, offset });
    await requireRootWhenEmpty(c.var.db, query.under, page.summary.total === 0);
    return c.json(
      {
        year: query.year,
        scope: query.scope,
        basis: query.basis,
        state: state ?? null,
        counts: page.summary.counts,
        total: page.total,
        offset,
        limit,
        items: page.items.map(
          (a) =>
            // The ledger's columns are read as text; they hold only the schema's values.
            ({ ...presentLedgerEntry(a, workflow), template: a.template }) as LedgerItem,
        ),
      },
      200,
    );
  });
