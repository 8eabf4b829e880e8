import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../app-env";
import { compareFigures } from "../db/queries/compare";
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

/** Comma-separated figure keys and `indicator.<key>`s; at most 12 at once. */
const figureList = commaList(
  z.string().refine((key) => isFigureKey(key) || indicatorByKey.has(key), {
    message: "未知的指标（应为表格单元格、登记的指标或派生指标）",
  }),
  12,
);

const compareQuery = z.strictObject({
  figure: figureList,
  years: yearList,
  ...agencyFilter,
  basis,
  limit: z.coerce.number().int().min(1).max(20000).default(5000),
  /** Rank the agencies on the first figure, within each year (see `report/ranking.ts`). */
  rank: z.stringbool().default(false),
  format,
});

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
    const rows = await compareFigures(c.var.db, { ...query, figures: [...figures] });
    await requireRootWhenEmpty(c, query.under, rows.length === 0);
    // Each agency is described once; items refer to it by id (a province over five years is
    // thousands of items, and repeating names and codes in each tripled the answer's size).
    const agencies = new Map<number, (typeof agencyRows)[number]>();
    const agencyRows = rows.map((row) => ({
      id: row.agencyId,
      name: row.agencyName,
      level: row.level,
      kind: row.kind,
      scope: row.scope,
      region_code: row.regionCode,
    }));
    for (const agency of agencyRows) agencies.set(agency.id, agency);
    const items = rows.map((row) => {
      const values: Record<string, unknown> = {};
      for (const key of query.figure) {
        const indicator = indicatorByKey.get(key);
        values[key] = indicator
          ? computeIndicator(indicator, (figure) => row.values[figure] ?? null)
          : row.values[key];
      }
      return { agency_id: row.agencyId, year: row.year, status: row.status, values };
    });
    const ranking = query.rank ? rankOnFirst(query.figure[0]!, query.scope, rows, items) : null;
    return c.json(
      {
        figures: query.figure,
        years: query.years,
        basis: query.basis,
        agencies: [...agencies.values()],
        items,
        ...(ranking ? { ranking } : {}),
      },
      200,
    );
  },
);

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
  agencies: { id: number; name: string; level: string; scope: string; region_code: string }[];
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
