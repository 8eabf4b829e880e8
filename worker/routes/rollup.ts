import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../app-env";
import { flattenSums, ledgerPage, rollup } from "../db/queries/rollup";
import { csvVariant } from "../http/csv";
import { agencyFilter, basis, format, limit, offset, scope, year } from "../http/params";
import { validate } from "../http/validate";
import { authorize } from "../middleware/actor";
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
const rollupQuery = z.strictObject({
  ...agencyFilter,
  scope: scope.default("self"),
  year,
  basis,
  format,
});

/** The ledger's agencies a page at a time, optionally of one inclusion only. */
const ledgerQuery = z.strictObject({
  ...agencyFilter,
  scope: scope.default("self"),
  year,
  basis,
  state: z.enum(INCLUSIONS).optional(),
  limit: limit(500, 50),
  offset,
});

export const rollupRoutes = new Hono<AppEnv>()
  .get(
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
    },
  )
  .get("/ledger", authorize("report.read_published"), validate("query", ledgerQuery), async (c) => {
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
        items: page.items.map((a) => ({
          ...presentLedgerEntry(a, workflow),
          template: a.template,
        })),
      },
      200,
    );
  });
