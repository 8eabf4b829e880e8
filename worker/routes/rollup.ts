import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../app-env";
import { flattenSums, rollup } from "../db/queries/rollup";
import { csvVariant } from "../http/csv";
import { agencyFilter, basis, format, scope, year } from "../http/params";
import { validate } from "../http/validate";
import { authorize } from "../middleware/actor";
import {
  presentLedgerEntry,
  requireRootWhenEmpty,
  scopeAggregate,
  seesWorkflow,
} from "../services/aggregate-scope";
import { computeIndicator, INDICATORS } from "../report/indicators";
import { countInclusions } from "../report/region-coverage";
import { regionCrossCheck } from "../services/region-cross-check";

/**
 * Whole-region reports already contain their agencies' figures, so a rollup sums one
 * scope at a time (agencies' own reports by default) and never mixes the two; with
 * `scope=region` only the topmost whole-region reports are summed (README, "Scope").
 */
const rollupQuery = z.strictObject({
  ...agencyFilter,
  scope: scope.default("self"),
  year,
  basis,
  format,
});

export const rollupRoutes = new Hono<AppEnv>().get(
  "/",
  authorize("report.read_published"),
  validate("query", rollupQuery),
  csvVariant<{ year: number; figures: Record<string, number | null> }>(
    (body) => `rollup-${body.year}.csv`,
    (body) => ({
      header: ["figure", "value"],
      rows: Object.entries(body.figures).sort(([a], [b]) => a.localeCompare(b)),
    }),
  ),
  async (c) => {
    const query = await scopeAggregate(c, c.req.valid("query"));
    const workflow = await seesWorkflow(c, query.under);
    const result = await rollup(c.var.db, query);
    await requireRootWhenEmpty(c, query.under, result.agencies.length === 0);
    const figures = flattenSums(result);
    const indicators = INDICATORS.map((indicator) =>
      computeIndicator(indicator, (figure) => figures[figure] ?? null),
    );
    const counts = countInclusions(result.agencies.map((agency) => agency.status));
    return c.json(
      {
        year: query.year,
        scope: query.scope,
        basis: query.basis,
        counts,
        section3: { rows: result.section3, derived_totals: result.derivedTotals },
        figures,
        indicators,
        cross_check: query.scope === "region" ? await regionCrossCheck(c.var.db, query) : null,
        agencies: result.agencies.map((a) => presentLedgerEntry(a, workflow)),
      },
      200,
    );
  },
);
