import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../app-env";
import { csvVariant } from "../http/csv";
import { agencyFilter, basis, format, yearList, commaList } from "../http/params";
import { validate } from "../http/validate";
import { authorize } from "../middleware/actor";
import { requireRootWhenEmpty, scopeAggregate } from "../services/aggregate-scope";
import { isFigureKey } from "../report/figures";
import { computeIndicator, type IndicatorResult } from "../report/indicators";
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
  /** Page size; the CSV takes up to 20,000 rows at once. */
  limit: z.coerce.number().int().min(1).max(20000).default(5000),
  offset: z.coerce.number().int().min(0).default(0),
  /** Rank the agencies on the first figure, within each year (see `report/ranking.ts`). */
  rank: z.stringbool().default(false),
  /**
   * `path`: by region and agency, then year (no ranking needed). `rank`, `value` (of the first
   * figure) and `agency` (name) order every matching report before the page is cut.
   */
  sort: z.enum(["path", "rank", "value", "agency"]).default("path"),
  dir: z.enum(["asc", "desc"]).default("asc"),
  format,
});

type Item = { agency_id: number; year: number; status: string; values: Record<string, unknown> };

export const compareRoutes = new Hono<AppEnv>().get(
  "/",
  authorize("report.read_published"),
  validate("query", compareQuery),
  csvVariant<CompareBody>(() => "compare.csv", compareTable),
  async (c) => {
    const query = await scopeAggregate(c, c.req.valid("query"));
    const figures = new Set(query.figure.filter((key) => !indicatorByKey.has(key)));
    for (const key of query.figure) {
      const indicator = indicatorByKey.get(key);
      for (const figure of [...(indicator?.numerator ?? []), ...(indicator?.denominator ?? [])])
        figures.add(figure);
    }
    const answer = await comparePage(c.var.db, {
      ...query,
      keys: query.figure,
      figures: [...figures],
      rank: query.rank || query.sort === "rank",
    });
    await requireRootWhenEmpty(c, query.under, answer.total === 0);
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
    const agencies = new Map<number, CompareBody["agencies"][number]>();
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
        ...(ranking ? { ranking } : {}),
      },
      200,
    );
  },
);

interface CompareBody {
  figures: string[];
  agencies: {
    id: number;
    name: string;
    level: string;
    kind: string;
    scope: string;
    region_code: string;
  }[];
  items: { agency_id: number; year: number; values: Record<string, unknown> }[];
}

/** One line per agency-year; an indicator's cell is its value (blank below the minimum count). */
function compareTable(body: CompareBody) {
  const agencies = new Map(body.agencies.map((a) => [a.id, a]));
  return {
    header: ["agency_id", "agency_name", "region_code", "level", "scope", "year", ...body.figures],
    rows: body.items.map((item) => {
      const agency = agencies.get(item.agency_id)!;
      return [
        item.agency_id,
        agency.name,
        agency.region_code,
        agency.level,
        agency.scope,
        item.year,
        ...body.figures.map((key) => {
          const value = item.values[key];
          return typeof value === "object" && value !== null
            ? (value as { value: unknown }).value
            : value;
        }),
      ];
    }),
  };
}
