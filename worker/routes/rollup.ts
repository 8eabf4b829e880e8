import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../app-env";
import { rollup } from "../db/queries/rollup";
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
import { SECTION3_COLUMNS } from "../report/templates";

/**
 * Whole-region reports already contain their agencies' figures, so a rollup sums one
 * scope at a time (agencies' own reports by default) and never mixes the two.
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
    const figures: Record<string, number | null> = Object.fromEntries(
      Object.entries(result.figures).map(([k, v]) => [k, v.sum]),
    );
    for (const [row, cells] of Object.entries(result.section3)) {
      SECTION3_COLUMNS.forEach((column, i) => {
        figures[`section3.${row}.${column.key}`] = cells[i] ?? null;
      });
    }
    const indicators = INDICATORS.map((indicator) =>
      computeIndicator(indicator, (figure) => figures[figure] ?? null),
    );
    const counts = { included: 0, pending: 0, missing: 0 };
    for (const agency of result.agencies) counts[agency.status]++;
    return c.json(
      {
        year: query.year,
        scope: query.scope,
        basis: query.basis,
        counts,
        section3: { rows: result.section3 },
        figures,
        indicators,
        agencies: result.agencies.map((a) => presentLedgerEntry(a, workflow)),
      },
      200,
    );
  },
);
