import { createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
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
import { authorize } from "../middleware/actor";
import { errors, jsonOrCsvAnswer } from "../openapi/contract";
import { compareSchema } from "../openapi/bodies/dashboards";
import { routeGroup } from "../openapi/route-group";
import { requireRootWhenEmpty, scopeAggregate } from "../services/aggregate-scope";
import { isFigureKey } from "../report/figures";
import { computeIndicator, type IndicatorResult } from "../report/indicators";
import { compareCsv } from "../services/compare-csv";
import { comparePage, indicatorByKey, rankReason } from "../services/compare-page";

const BASIS_TEXT =
  "published：已公开的版本（默认）；current：最新保存的版本，仅管理员及本地区审核员可用。The approved revisions (default), or the latest saves: admins, and reviewers in their region, only.";

/** Comma-separated figure keys and `indicator.<key>`s; at most 32 at once (the outcome mix is 22). */
const figureList = commaList(
  z.string().refine((key) => isFigureKey(key) || indicatorByKey.has(key), {
    message: "未知的指标（应为表格单元格、登记的指标或派生指标）",
  }),
  32,
);

const compareQuery = z.strictObject({
  figure: figureList.meta({
    description:
      "逗号分隔的指标键，最多 32 个：表格单元格、登记的指标或派生指标（indicator.disclosure_rate）；排名与排序按第一个。Comma-separated keys, at most 32: table cells, registered metrics or derived indicators (indicator.<key>); the first is ranked and sorted on.",
  }),
  years: yearList,
  ...agencyFilter,
  basis: basis.meta({ description: BASIS_TEXT }),
  /** Page size of the JSON answer; the CSV (`format=csv`) is every matching report, unpaged. */
  limit: limit(20000, 5000).meta({
    description:
      "JSON 每页条数（CSV 总是全部匹配的报告）。Items per JSON page; the CSV is every matching report.",
  }),
  offset,
  /** Rank the agencies on the first figure, within each year (see `report/ranking.ts`). */
  rank: flag.meta({
    description:
      "true：按第一个指标在各年度内排名（默认 false）。true ranks the agencies on the first key within each year.",
  }),
  pick: flag.meta({
    description:
      "true：排名会混合不同范围（比率）或不同类机构（原始数量）时，不再拒绝，而是只排名单个机构的报告或报告最多的一类，并在 picked 中说明。true ranks, in place of a refused mix, single agencies' reports (a rate) or the peer group with the most reports (a raw count), and says which in `picked`.",
  }),
  /**
   * `path`: by region and agency, then year (no ranking needed). `rank`, `value` (of the first
   * figure) and `agency` (name) order every matching report before the page is cut.
   */
  sort: z.enum(["path", "rank", "value", "agency"]).default("path").meta({
    description:
      "排序：path 按地区与机构（默认），rank 按名次，value 按第一个指标的值，agency 按机构名称。The order: by region and agency (default), rank, the first key's value, or agency name.",
  }),
  dir: z
    .enum(["asc", "desc"])
    .default("asc")
    .meta({ description: "升序（默认）或降序。Ascending (default) or descending." }),
  format: format.meta({
    description:
      "json（默认）或 csv：全部匹配的报告，不分页。json (default) or csv: every matching report, unpaged.",
  }),
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
 * at a page size.
 */
async function csvDownload(c: Context<AppEnv>, asked: z.output<typeof compareQuery>) {
  const query = await scopeAggregate(c.var.db, c.var.actor, asked);
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
}

const compareRoute = createRoute({
  method: "get",
  path: "/",
  operationId: "compareReports",
  summary: "比较各机构的数字",
  description:
    "Figures and derived indicators of the matching agencies' reports for the years asked, a page at a time, optionally ranked on the first key within each year (rank 1 is the best). A ranking mixes neither scopes nor, for a raw count, peer groups (400 mixed_scope, mixed_peers). With format=csv, every matching report, streamed.",
  tags: ["dashboards"],
  middleware: [authorize("report.read_published")],
  request: { query: compareQuery },
  responses: {
    200: jsonOrCsvAnswer("The comparison.", compareSchema),
    ...errors(400, 403, 404),
  },
});

export const compareRoutes = routeGroup().openapi(compareRoute, async (c) => {
  if (c.req.valid("query").format === "csv") return csvDownload(c, c.req.valid("query"));
  const query = await scopeAggregate(c.var.db, c.var.actor, c.req.valid("query"));
  const answer = await comparePage(c.var.db, {
    ...query,
    keys: query.figure,
    figures: figuresOf(query.figure),
    rank: query.rank || query.sort === "rank",
    pick: query.pick,
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
      ...(answer.picked ? { picked: answer.picked } : {}),
    },
    200,
  );
});
