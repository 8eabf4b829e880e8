import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../app-env";
import { overview } from "../db/queries/dashboard";
import { flattenSums } from "../db/queries/rollup";
import { basis, id, regionPrefix, scope, year } from "../http/params";
import { validate } from "../http/validate";
import { authorize } from "../middleware/actor";
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
  scope: scope.default("self"),
  basis,
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

/**
 * The provincial dashboard's first screen for a subtree and year: who has reported, the summed
 * key figures and indicators, and which reports break hard rules.
 */
export const overviewRoutes = new Hono<AppEnv>().get(
  "/",
  authorize("report.read_published"),
  validate("query", overviewQuery),
  async (c) => {
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
          missing: { items: result.missing, total: totals.missing },
        },
        figures: Object.fromEntries(KEY_FIGURES.map((key) => [key, figures[key] ?? null])),
        indicators: INDICATORS.map((indicator) =>
          computeIndicator(indicator, (figure) => figures[figure] ?? null),
        ),
        failing_reports: {
          items: result.failing.rows.map((row) => ({
            ...row,
            status: publicStatus(row.status, workflow),
          })),
          total: result.failing.total,
        },
      },
      200,
    );
  },
);

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
