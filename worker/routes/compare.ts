import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import { z } from "zod";
import type { AppEnv } from "../app-env";
import { attachment } from "../http/csv";
import {
  agencyFilter,
  basis,
  commaList,
  flag,
  format,
  limit,
  offset,
  yearList,
} from "../http/params";
import { validate } from "../http/validate";
import { authorize } from "../middleware/actor";
import { requireRootWhenEmpty, scopeAggregate } from "../services/aggregate-scope";
import { isFigureKey } from "../report/figures";
import { computeIndicator, type IndicatorResult } from "../report/indicators";
import { compareCsv } from "../services/compare-csv";
import { comparePage, indicatorByKey, rankReason } from "../services/compare-page";

/** Comma-separated figure keys and `indicator.<key>`s; at most 32 at once (the outcome mix is 22). */
const figureList = commaList(
  z.string().refine((key) => isFigureKey(key) || indicatorByKey.has(key), {
    message: "未知的指标（应为表格单元格、登记的指标或派生指标）",
  }),
  32,
);

const compareQuery = z.strictObject({
  figure: figureList,
  years: yearList,
  ...agencyFilter,
  basis,
  /** Page size of the JSON answer; the CSV (`format=csv`) is every matching report, unpaged. */
  limit: limit(20000, 5000),
  offset,
  /** Rank the agencies on the first figure, within each year (see `report/ranking.ts`). */
  rank: flag,
  /**
   * `path`: by region and agency, then year (no ranking needed). `rank`, `value` (of the first
   * figure) and `agency` (name) order every matching report before the page is cut.
   */
  sort: z.enum(["path", "rank", "value", "agency"]).default("path"),
  dir: z.enum(["asc", "desc"]).default("asc"),
  format,
});

type Item = { agency_id: number; year: number; status: string; values: Record<string, unknown> };
type Agency = {
  id: number;
  name: string;
  level: string;
  kind: string;
  scope: string;
  region_code: string;
};

/** The figures to read: the asked ones and every figure of the asked indicators. */
function figuresOf(keys: readonly string[]): string[] {
  const figures = new Set(keys.filter((key) => !indicatorByKey.has(key)));
  for (const key of keys) {
    const indicator = indicatorByKey.get(key);
    for (const figure of [...(indicator?.numerator ?? []), ...(indicator?.denominator ?? [])])
      figures.add(figure);
  }
  return [...figures];
}

/**
 * `format=csv`: every matching report in region order, streamed page by page, whatever `limit`,
 * `offset` and `sort` say (they page and order the JSON answer): a download is never cut short
 * at a page size. Answered here, before the JSON handler, so the route keeps one response type.
 */
const csvDownload = createMiddleware<
  AppEnv,
  string,
  { out: { query: z.output<typeof compareQuery> } }
>(async (c, next) => {
  if (c.req.valid("query").format !== "csv") return next();
  const query = await scopeAggregate(c.var.db, c.var.actor, c.req.valid("query"));
  const csv = await compareCsv(c.var.db, {
    ...query,
    keys: query.figure,
    figures: figuresOf(query.figure),
  });
  await requireRootWhenEmpty(c.var.db, query.under, csv.empty);
  return c.body(csv.stream, 200, {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": attachment("compare.csv"),
  });
});

export const compareRoutes = new Hono<AppEnv>().get(
  "/",
  authorize("report.read_published"),
  validate("query", compareQuery),
  csvDownload,
  async (c) => {
    const query = await scopeAggregate(c.var.db, c.var.actor, c.req.valid("query"));
    const answer = await comparePage(c.var.db, {
      ...query,
      keys: query.figure,
      figures: figuresOf(query.figure),
      rank: query.rank || query.sort === "rank",
    });
    await requireRootWhenEmpty(c.var.db, query.under, answer.total === 0);
    const onPage = answer.page.map((i) => answer.rows[i]!);
    const items: Item[] = onPage.map((row) => {
      const values: Record<string, unknown> = {};
      for (const key of query.figure) {
        const indicator = indicatorByKey.get(key);
        values[key] = indicator
          ? computeIndicator(indicator, (figure) => row.values[figure] ?? null)
          : row.values[key];
      }
      return { agency_id: row.agencyId, year: row.year, status: row.status, values };
    });
    const agencies = new Map<number, Agency>();
    for (const row of onPage) {
      agencies.set(row.agencyId, {
        id: row.agencyId,
        name: row.agencyName,
        level: row.level,
        kind: row.kind,
        scope: row.scope,
        region_code: row.regionCode,
      });
    }
    const first = query.figure[0]!;
    const ranking =
      query.rank && answer.ranks
        ? items.map((item, i) => {
            const value = item.values[first];
            const reason = rankReason(value);
            const indicator = value !== null && typeof value === "object";
            return {
              agency_id: item.agency_id,
              year: item.year,
              rank: answer.ranks![answer.page[i]!] ?? null,
              reason,
              value: indicator
                ? (value as IndicatorResult).value
                : ((value as number | null) ?? null),
              denominator: indicator ? (value as IndicatorResult).denominator : null,
            };
          })
        : null;
    return c.json(
      {
        figures: query.figure,
        years: query.years,
        basis: query.basis,
        total: answer.total,
        offset: query.offset,
        limit: query.limit,
        sort: query.sort,
        dir: query.dir,
        agencies: [...agencies.values()],
        items,
        // Rank 1 is the best: the highest value, or the lowest where lower is better
        // (`better`, null for a raw count: the largest ranks 1 without being judged).
        ...(ranking && answer.order
          ? { ranking, direction: answer.order.direction, better: answer.order.better }
          : {}),
      },
      200,
    );
  },
);
