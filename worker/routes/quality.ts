import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../app-env";
import { compareFigures } from "../db/queries/compare";
import { reportsWithFindings } from "../db/queries/dashboard";
import { basis, id, regionPrefix, scope, year, commaList } from "../http/params";
import { validate } from "../http/validate";
import { authorize } from "../middleware/actor";
import {
  publicStatus,
  requireRootWhenEmpty,
  scopeAggregate,
  seesWorkflow,
} from "../services/aggregate-scope";
import { isFigureKey } from "../report/figures";
import { findOutliers } from "../report/outliers";

const DEFAULT_FIGURES = ["section3.new_received.total", "metrics.website_visits"];
/** History reaches this many years either side of the asked one. */
const HISTORY_SPAN = 10;

const figureList = commaList(
  z.string().refine(isFigureKey, { message: "未知的指标（应为表格单元格或登记的指标）" }),
  6,
);

const qualityQuery = z.strictObject({
  year,
  under: id.optional(),
  region: regionPrefix.optional(),
  scope: scope.optional(),
  basis,
  figure: figureList.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

/**
 * Data quality for a subtree and year: reports breaking hard rules, reports with soft findings
 * only (each with the submitter's explanations), and values far outside the agency's own history
 * or its peers'.
 */
export const qualityRoutes = new Hono<AppEnv>().get(
  "/",
  authorize("report.read_published"),
  validate("query", qualityQuery),
  async (c) => {
    const query = await scopeAggregate(c, c.req.valid("query"));
    const workflow = await seesWorkflow(c, query.under);
    const figures = query.figure ?? DEFAULT_FIGURES;
    const years = Array.from(
      { length: 2 * HISTORY_SPAN + 1 },
      (_, i) => query.year - HISTORY_SPAN + i,
    );
    const [findings, { rows: values }] = await Promise.all([
      reportsWithFindings(c.var.db, { ...query, scope: query.scope ?? "self" }),
      compareFigures(c.var.db, {
        under: query.under,
        region: query.region,
        scope: query.scope,
        basis: query.basis,
        figures,
        years,
        limit: 100_000,
      }),
    ]);
    await requireRootWhenEmpty(c, query.under, values.length === 0);
    return c.json(
      {
        year: query.year,
        basis: query.basis,
        figures,
        hard: withPublicStatus(findings.hard, workflow),
        soft: withPublicStatus(findings.soft, workflow),
        outliers: findOutliers(values, figures, query.year),
      },
      200,
    );
  },
);

const withPublicStatus = <T extends { status: string }>(
  list: { items: T[]; total: number },
  workflow: boolean,
) => ({
  ...list,
  items: list.items.map((item) => ({ ...item, status: publicStatus(item.status, workflow) })),
});
