import { createRoute } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppEnv } from "../app-env";
import { getAgency } from "../db/queries/agencies";
import { agencyYears, regionYears, type PublicRegion } from "../db/queries/public-figures";
import { csvVariant } from "../http/csv";
import { ApiError, notFound } from "../http/errors";
import { format, id, regionPrefix, scope, year, yearList } from "../http/params";
import { cached, errors, jsonOrCsvAnswer, NOT_MODIFIED, PUBLIC } from "../openapi/contract";
import { indicatorsSchema, rollupSchema, seriesSchema } from "../openapi/bodies/public";
import { routeGroup } from "../openapi/route-group";
import { computeIndicator, indicatorFigures, INDICATORS } from "../report/indicators";
import { isFigureKey } from "../report/figures";
import { LICENCE_COMMENTS } from "../public/licence";
import { publicEnvelope } from "./public-agencies";

const MAX_YEARS = 12;

const subject = {
  /** One agency's own report. */
  agency: id.optional(),
  /** A region: an agency's subtree … */
  under: id.optional(),
  /** … or a region-code prefix ("41" 河南, "4103" 洛阳). */
  region: regionPrefix.optional(),
  scope: scope.default("self").meta({
    description:
      "地区合计时：self 合计各机构本身的报告（默认），region 合计全地区汇总的报告。For a region: sum agencies' own reports (self, default) or whole-region reports (region).",
  }),
};

const oneSubject = <T extends { agency?: number; under?: number; region?: string }>(
  query: T,
  ctx: z.RefinementCtx,
) => {
  const named = [query.agency, query.under, query.region].filter((v) => v !== undefined).length;
  if (named > 1)
    ctx.addIssue({ code: "custom", path: ["agency"], message: "agency、under、region 只能选一个" });
};

const publicRollupQuery = z
  .strictObject({
    year,
    under: subject.under,
    region: subject.region,
    scope: subject.scope,
    format,
  })
  .superRefine(oneSubject);

const publicIndicatorsQuery = z
  .strictObject({ ...subject, years: yearList, format })
  .superRefine((query, ctx) => {
    oneSubject(query, ctx);
    if (query.years.length > MAX_YEARS)
      ctx.addIssue({ code: "custom", path: ["years"], message: `最多 ${MAX_YEARS} 个年份` });
  });

const publicSeriesQuery = z
  .strictObject({
    ...subject,
    years: yearList,
    figure: z
      .string()
      .refine((key) => isFigureKey(key), { message: "未知的指标（应为表格单元格或登记的指标）" }),
    format,
  })
  .superRefine(oneSubject);

/** Where a question about "the figures of X" reads: an agency's report or a region's sums. */
async function yearsOf(
  db: AppEnv["Variables"]["db"],
  query: { agency?: number; under?: number; region?: string; scope: "self" | "region" },
  figures: string[],
  years: number[],
) {
  if (query.agency !== undefined) {
    if (!(await getAgency(db, query.agency))) throw notFound("机构", "Agency");
    return agencyYears(db, query.agency, figures, years);
  }
  if (query.under !== undefined && !(await getAgency(db, query.under)))
    throw notFound("上级机构", "Agency");
  const region: PublicRegion =
    query.under !== undefined ? { under: query.under } : { region: query.region ?? "" };
  return regionYears(db, region, query.scope, years);
}

const rollupRoute = createRoute({
  method: "get",
  path: "/rollup",
  operationId: "getPublicRollup",
  summary: "地区合计",
  description:
    "Every figure of a year's published reports summed over a region: an agency's subtree (under) or a region-code prefix (region); at most one of the two.",
  tags: ["aggregates"],
  ...PUBLIC,
  request: { query: publicRollupQuery },
  middleware: [
    csvVariant<{ year: number; figures: Record<string, number | null> }>(
      (body) => `rollup-${body.year}.csv`,
      (body) => ({
        header: ["year", "figure", "value"],
        rows: Object.entries(body.figures).map(([figure, value]) => [body.year, figure, value]),
      }),
      LICENCE_COMMENTS,
    ),
  ] as const,
  responses: {
    200: cached(jsonOrCsvAnswer("The sums.", rollupSchema)),
    304: NOT_MODIFIED,
    ...errors(400, 404),
  },
});

const indicatorsRoute = createRoute({
  method: "get",
  path: "/indicators",
  operationId: "getPublicIndicators",
  summary: "派生指标（按年度）",
  description:
    "The derived indicators (disclosure rate, denial rate, …) per year, of one agency (agency) or of a region (under or region): name exactly one. At most 12 years.",
  tags: ["aggregates"],
  ...PUBLIC,
  request: { query: publicIndicatorsQuery },
  middleware: [
    csvVariant<{ items: { year: number; indicators: ReturnType<typeof computeIndicator>[] }[] }>(
      () => "indicators.csv",
      (body) => ({
        header: ["year", "indicator", "value", "numerator", "denominator", "status"],
        rows: body.items.flatMap((item) =>
          item.indicators.map((i) => [
            item.year,
            i.key,
            i.value,
            i.numerator,
            i.denominator,
            i.status,
          ]),
        ),
      }),
      LICENCE_COMMENTS,
    ),
  ] as const,
  responses: {
    200: cached(jsonOrCsvAnswer("The indicators per year.", indicatorsSchema)),
    304: NOT_MODIFIED,
    ...errors(400, 404),
  },
});

const seriesRoute = createRoute({
  method: "get",
  path: "/series",
  operationId: "getPublicSeries",
  summary: "单项数字的年度序列",
  description:
    "One figure over the years, of one agency (agency) or of a region (under or region): name exactly one. Years without a published report are left out.",
  tags: ["aggregates"],
  ...PUBLIC,
  request: { query: publicSeriesQuery },
  middleware: [
    csvVariant<{ figure: string; items: { year: number; value: number | null }[] }>(
      (body) => `${body.figure}.csv`,
      (body) => ({
        header: ["year", "figure", "value"],
        rows: body.items.map((item) => [item.year, body.figure, item.value]),
      }),
      LICENCE_COMMENTS,
    ),
  ] as const,
  responses: {
    200: cached(jsonOrCsvAnswer("The series.", seriesSchema)),
    304: NOT_MODIFIED,
    ...errors(400, 404),
  },
});

/** `/api/public/rollup`, `/indicators` and `/series`: published figures summed and derived. */
export const publicAggregateRoutes = routeGroup()
  .openapi(rollupRoute, async (c) => {
    const query = c.req.valid("query");
    const [entry] = await yearsOf(c.var.db, query, [], [query.year]);
    return c.json(
      {
        year: query.year,
        scope: query.scope,
        reports: entry?.reported ?? 0,
        figures: entry?.values ?? {},
        derived_totals: entry?.derivedTotals ?? {},
        ...(await publicEnvelope(c.var.db)),
      },
      200,
    );
  })
  .openapi(indicatorsRoute, async (c) => {
    const query = c.req.valid("query");
    requireSubject(query);
    const entries = await yearsOf(c.var.db, query, indicatorFigures(), query.years);
    return c.json(
      {
        items: entries.map((entry) => ({
          year: entry.year,
          indicators: INDICATORS.map((def) =>
            computeIndicator(def, (figure) => entry.values[figure] ?? null),
          ),
          derived_totals: entry.derivedTotals ?? {},
        })),
        ...(await publicEnvelope(c.var.db)),
      },
      200,
    );
  })
  .openapi(seriesRoute, async (c) => {
    const query = c.req.valid("query");
    requireSubject(query);
    const entries = await yearsOf(c.var.db, query, [query.figure], query.years);
    return c.json(
      {
        figure: query.figure,
        items: entries.map((entry) => ({
          year: entry.year,
          value: entry.values[query.figure] ?? null,
        })),
        ...(await publicEnvelope(c.var.db)),
      },
      200,
    );
  });

function requireSubject(query: { agency?: number; under?: number; region?: string }) {
  if (query.agency === undefined && query.under === undefined && query.region === undefined) {
    throw new ApiError(
      400,
      "subject_required",
      "请指定 agency、under 或 region",
      "Name agency, under or region",
      {},
      [
        {
          path: "agency",
          code: "required",
          message: "请指定 agency、under 或 region",
          message_en: "Name agency, under or region",
        },
      ],
    );
  }
}
