import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../app-env";
import { compareFigures, type CompareRow } from "../db/queries/compare";
import { csvVariant } from "../http/csv";
import { agencyFilter, basis, format, yearList, commaList } from "../http/params";
import { validate } from "../http/validate";
import { authorize } from "../middleware/actor";
import { requireRootWhenEmpty, scopeAggregate } from "../services/aggregate-scope";
import { isFigureKey } from "../report/figures";
import { computeIndicator, INDICATORS, type IndicatorResult } from "../report/indicators";
import { rankable } from "../report/ranking";
import { ApiError } from "../http/errors";

const INDICATOR_PREFIX = "indicator.";
const indicatorByKey = new Map(INDICATORS.map((i) => [`${INDICATOR_PREFIX}${i.key}`, i]));

/** Comma-separated figure keys and `indicator.<key>`s; at most 32 at once (the outcome mix is 22). */
const figureList = commaList(
  z.string().refine((key) => isFigureKey(key) || indicatorByKey.has(key), {
    message: "未知的指标（应为表格单元格、登记的指标或派生指标）",
  }),
  32,
);

/**
 * A ranking or a sort by value needs every matching report in memory; a province's year is
 * ≤ 15,000 (SCALE.md), a nation's ~30,000.
 */
const MAX_SORTED_ROWS = 50_000;

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
type RankEntry = ReturnType<typeof rankOnFirst>[number];

export const compareRoutes = new Hono<AppEnv>().get(
  "/",
  authorize("report.read_published"),
  validate("query", compareQuery),
  csvVariant<CompareBody>(() => "compare.csv", compareTable),
  async (c) => {
    const query = await scopeAggregate(c, c.req.valid("query"));
    const indicators = query.figure.flatMap((key) => indicatorByKey.get(key) ?? []);
    const figures = new Set(query.figure.filter((key) => !indicatorByKey.has(key)));
    for (const indicator of indicators) {
      for (const figure of [...indicator.numerator, ...indicator.denominator]) figures.add(figure);
    }
    // Ordered by path, SQLite cuts the page; any other order needs every row first.
    const byPath = query.sort === "path";
    const { rows, total } = await compareFigures(c.var.db, {
      ...query,
      figures: [...figures],
      limit: byPath ? query.limit : MAX_SORTED_ROWS + 1,
      offset: byPath ? query.offset : 0,
      countAll: byPath,
    });
    await requireRootWhenEmpty(c, query.under, total === 0);
    if (total > MAX_SORTED_ROWS) {
      throw new ApiError(
        400,
        "too_many_rows",
        `排序需要一次读取全部 ${total} 份报告，超过上限 ${MAX_SORTED_ROWS}；请缩小地区或年份范围`,
        `Sorting needs all ${total} reports at once, over the limit of ${MAX_SORTED_ROWS}; narrow the region or years`,
      );
    }
    const items: Item[] = rows.map((row) => {
      const values: Record<string, unknown> = {};
      for (const key of query.figure) {
        const indicator = indicatorByKey.get(key);
        values[key] = indicator
          ? computeIndicator(indicator, (figure) => row.values[figure] ?? null)
          : row.values[key];
      }
      return { agency_id: row.agencyId, year: row.year, status: row.status, values };
    });
    const ranked = query.rank || query.sort === "rank";
    const ranking = ranked ? rankOnFirst(query.figure[0]!, query.scope, rows, items) : null;
    const page = byPath
      ? items.map((_, i) => i)
      : pageOrder(query, rows, items, ranking).slice(query.offset, query.offset + query.limit);

    const agencies = new Map<number, CompareBody["agencies"][number]>();
    for (const i of page) {
      const row = rows[i]!;
      agencies.set(row.agencyId, {
        id: row.agencyId,
        name: row.agencyName,
        level: row.level,
        kind: row.kind,
        scope: row.scope,
        region_code: row.regionCode,
      });
    }
    return c.json(
      {
        figures: query.figure,
        years: query.years,
        basis: query.basis,
        total,
        offset: query.offset,
        limit: query.limit,
        sort: query.sort,
        dir: query.dir,
        agencies: [...agencies.values()],
        items: page.map((i) => items[i]!),
        ...(query.rank && ranking ? { ranking: page.map((i) => ranking[i]!) } : {}),
      },
      200,
    );
  },
);

const collator = new Intl.Collator("zh-CN");

/**
 * Indices of the rows in the asked order. Rows without a rank or a value (a rate below its
 * minimum count has none to sort by) go last whichever the direction — as the dashboard's
 * table sorts — and ties keep the path order.
 */
function pageOrder(
  query: { figure: string[]; sort: "rank" | "value" | "agency" | "path"; dir: "asc" | "desc" },
  rows: CompareRow[],
  items: Item[],
  ranking: RankEntry[] | null,
): number[] {
  const sign = query.dir === "asc" ? 1 : -1;
  const first = query.figure[0]!;
  const key = (i: number): number | string | null => {
    if (query.sort === "agency") return rows[i]!.agencyName;
    if (query.sort === "rank") return ranking![i]!.rank;
    const value = items[i]!.values[first];
    if (value === null || typeof value === "number") return value ?? null;
    const computed = value as IndicatorResult;
    return computed.status === "ok" ? computed.value : null;
  };
  const keys = rows.map((_, i) => key(i));
  return rows
    .map((_, i) => i)
    .sort((a, b) => {
      const x = keys[a]!;
      const y = keys[b]!;
      if (x === null || y === null) return x === y ? a - b : x === null ? 1 : -1;
      const order =
        typeof x === "string" ? collator.compare(x, y as string) : (x as number) - (y as number);
      return sign * order || a - b;
    });
}

/**
 * The ranking on one figure or indicator. Ranking whole-region reports against single agencies'
 * is refused (400 `mixed_scope`) unless the caller chose one scope.
 */
function rankOnFirst(
  key: string,
  scope: string | undefined,
  rows: { agencyId: number; year: number; scope: string }[],
  items: { values: Record<string, unknown> }[],
) {
  const indicator = indicatorByKey.get(key);
  const result = rankable(
    rows.map((row, i) => {
      const value = items[i]!.values[key];
      if (!indicator) {
        return {
          agency_id: row.agencyId,
          year: row.year,
          scope: row.scope,
          value: value as number | null,
        };
      }
      const computed = value as IndicatorResult;
      return {
        agency_id: row.agencyId,
        year: row.year,
        scope: row.scope,
        value: computed.value,
        denominator: computed.denominator,
      };
    }),
    { metricDefinitionKey: indicator?.key },
  );
  if (result.kind === "mixed_scope" && scope === undefined) {
    throw new ApiError(
      400,
      "mixed_scope",
      `不能把全地区报告与单个机构的报告放在一起排名（范围：${result.scopes.join("、")}），请指定 scope`,
      `Whole-region reports cannot be ranked with single agencies' (scopes: ${result.scopes.join(", ")}); choose one with scope=`,
      { scopes: result.scopes },
    );
  }
  return result.ranking.map((r) => ({
    agency_id: r.agency_id,
    year: r.year,
    rank: r.rank,
    reason: r.reason,
    value: r.value,
    denominator: r.denominator,
  }));
}

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
