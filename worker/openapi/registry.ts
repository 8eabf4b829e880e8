/**
 * Every documented operation, with the very zod schemas its route validates with: the
 * OpenAPI document (`document.ts`) is made from this list and nothing else.
 */

import { z } from "zod";
import { regionPrefix } from "../http/params";
import { embedQuery } from "../routes/embed";
import {
  publicAgenciesQuery,
  publicAgencyPath,
  publicReportPath,
  publicReportQuery,
} from "../routes/public-agencies";
import {
  publicIndicatorsQuery,
  publicRollupQuery,
  publicSeriesQuery,
} from "../routes/public-aggregates";
import { packagePath } from "../routes/public-bulk";
import {
  agencyDetailSchema,
  agencyListSchema,
  correctionsSchema,
  dataPackageSchema,
  errorBodySchema,
  indicatorsSchema,
  publicReportSchema,
  rollupSchema,
  seriesSchema,
} from "./responses";

/** A JSON Schema written by hand, for bodies zod does not describe (CSV, HTML, scripts). */
export type JsonSchema = z.core.JSONSchema.BaseSchema;

export interface HeaderSpec {
  description: string;
  schema: JsonSchema;
}

export interface ResponseSpec {
  description: string;
  /** Media type → the body: a zod schema (made into JSON Schema) or a JSON Schema. */
  content?: Record<string, z.ZodType | JsonSchema>;
  headers?: Record<string, HeaderSpec>;
}

export interface Operation {
  method: "get";
  /** OpenAPI style: `/api/public/agencies/{id}`. */
  path: string;
  operationId: string;
  /** Chinese. */
  summary: string;
  /** English. */
  description: string;
  tags: string[];
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** A parameter's text where it differs from `PARAMETER_TEXT` (the same name, another meaning). */
  parameterText?: Record<string, string>;
  responses: Record<number, ResponseSpec>;
}

export const TAGS = [
  { name: "agencies", description: "机构及其已公开的报告。Agencies and their published reports." },
  {
    name: "aggregates",
    description:
      "已公开数字的合计、序列与派生指标。Published figures summed, by year, and derived.",
  },
  { name: "bulk", description: "按年度的整批下载。The per-year bulk download." },
  {
    name: "embeds",
    description: "供其他网站嵌入的图表（HTML + SVG）。Charts other sites frame (HTML + SVG).",
  },
  { name: "meta", description: "本文档。This document." },
] as const;

type Tag = (typeof TAGS)[number]["name"];

/** The text of each parameter name, Chinese then English. */
export const PARAMETER_TEXT: Record<string, string> = {
  id: "机构编号。The agency's id.",
  year: "报告年度（4 位数字）。The report year (four digits).",
  code: "地区代码：6 位行政区划代码的前 2–6 位，如 41（河南）、4103（洛阳）。A region: a 2–6 digit prefix of the division code, e.g. 41 (Henan), 4103 (Luoyang).",
  level: "层级。Administrative level.",
  kind: "机构类型：government 政府，department 部门。Government or department.",
  scope:
    "报告范围：region 全地区汇总的报告，self 本机关的报告。Whole-region reports or agencies' own reports.",
  region:
    "地区代码前缀（2–6 位数字，如 41、4103）。A region-code prefix of 2–6 digits (41 Henan, 4103 Luoyang).",
  under: "某机构及其所有下级机构。An agency and its whole subtree.",
  agency: "某机构本身的报告。One agency's own report.",
  q: "机构名称包含的文字。Text the agency's name contains.",
  limit: "每页条数。Items per page.",
  offset: "跳过的条数。Items to skip.",
  format:
    "json（默认）或 csv（UTF-8 带 BOM 的 CSV 下载）。json (default) or csv: a download, UTF-8 with a BOM.",
  years:
    "年份列表：逗号分隔的年份或区间，如 2023、2021-2024、2022,2023（区间最长 50 年）。A year list: comma-separated years or ranges, e.g. 2023, 2021-2024, 2022,2023 (a range spans at most 50 years).",
  figure:
    "指标键：表格单元格（section3.new_received.total、section4.reconsideration.corrected）或登记的指标（metrics.website_visits）。A figure key: a table cell or a registered metric.",
};

const EMBED_TEXT: Record<string, string> = {
  metric:
    "显示的指标：表格单元格、登记的指标或派生指标（indicator.disclosure_rate）。The figure shown: a table cell (section3.new_received.total), a registered metric (metrics.website_visits) or a derived indicator (indicator.disclosure_rate).",
  years: `${PARAMETER_TEXT.years} 默认为截至去年的 6 年。Default: the six years up to last year.`,
  kind: "图表类型。The chart: a card, bars, a trend line or the outcome mix.",
  theme: "配色；auto 随读者系统设置。Colours; auto follows the reader's system setting.",
  transparent:
    "透明背景：true/false（也接受 1/0、yes/no、on/off）。Transparent background: true or false (1/0, yes/no, on/off too); default false.",
  lang: "界面语言。The language of labels.",
  scope:
    "地区嵌入时：self 合计各机构本身的报告，region 合计全地区汇总的报告。For a region: sum agencies' own reports (self) or whole-region reports (region).",
  v: "固定的数据版本（页脚的 v…）；省略则为最新。Pin a data version (the footer's v…); latest without it.",
};

const AGGREGATE_TEXT: Record<string, string> = {
  scope:
    "地区合计时：self 合计各机构本身的报告（默认），region 合计全地区汇总的报告。For a region: sum agencies' own reports (self, default) or whole-region reports (region).",
};

const JSON_TYPE = "application/json";
const CSV = { type: "string", description: "RFC 4180 CSV, UTF-8 with a BOM." } as const;
const HTML = { type: "string", description: "A complete HTML page with inline SVG." } as const;

/** The headers of every cached public answer (`worker/middleware/public-cache.ts`). */
const CACHED: Record<string, HeaderSpec> = {
  ETag: {
    description:
      "随数据版本变化；带 If-None-Match 请求得 304。Changes with the data version; send it back as If-None-Match for a 304.",
    schema: { type: "string" },
  },
  "Cache-Control": { description: "Browser caching of the answer.", schema: { type: "string" } },
  Link: {
    description: '使用条款：<https://creativecommons.org/licenses/by/4.0/>; rel="license".',
    schema: { type: "string" },
  },
};

const ok = (
  description: string,
  content: Record<string, z.ZodType | JsonSchema>,
): ResponseSpec => ({
  description,
  content,
  headers: CACHED,
});

const json = (description: string, schema: z.ZodType) => ok(description, { [JSON_TYPE]: schema });
const jsonOrCsv = (description: string, schema: z.ZodType) =>
  ok(`${description} (CSV with format=csv)`, { [JSON_TYPE]: schema, "text/csv": CSV });

const notModified: ResponseSpec = {
  description: "If-None-Match 与当前 ETag 相同。The If-None-Match matched: nothing changed.",
};
const error = (description: string): ResponseSpec => ({
  description,
  content: { [JSON_TYPE]: errorBodySchema },
});
const invalid = error("参数无效（validation_failed，逐项列出）。Invalid parameters, each listed.");
const missing = (what: string) => error(`${what}不存在（not_found）。Not found.`);

const tags = (...names: Tag[]) => names;

const embedRegionPath = z.object({ code: regionPrefix });

/** Both embed routes of one subject: the page and its figures as CSV. */
function embedPair(subject: "agency" | "region"): Operation[] {
  const param = subject === "agency" ? "{id}" : "{code}";
  const params = subject === "agency" ? publicAgencyPath : embedRegionPath;
  const who = subject === "agency" ? "机构" : "地区";
  const whoEn = subject === "agency" ? "an agency" : "a region";
  const name = subject === "agency" ? "Agency" : "Region";
  const shared = {
    method: "get" as const,
    tags: tags("embeds"),
    params,
    query: embedQuery,
    parameterText: EMBED_TEXT,
  };
  const errors = {
    400: invalid,
    404: missing(who),
    410: error(
      "固定的版本之后数据已更新（version_superseded）。The figures changed after the pinned version v.",
    ),
  };
  return [
    {
      ...shared,
      path: `/embed/${subject}/${param}`,
      operationId: `get${name}Embed`,
      summary: `${who}图表嵌入页`,
      description: `A chart of ${whoEn}'s published figures as an HTML page with inline SVG, made to be framed by other sites (framing allowed, no cookie); its one script, resize.js, only reports the page's height.`,
      responses: {
        200: ok("The embed page.", { "text/html": HTML }),
        304: notModified,
        ...errors,
      },
    },
    {
      ...shared,
      path: `/embed/${subject}/${param}/data.csv`,
      operationId: `get${name}EmbedCsv`,
      summary: `${who}图表的数据（CSV）`,
      description: `The figures behind ${whoEn}'s embed, for the same query, as CSV.`,
      responses: {
        200: ok("The embed's figures.", { "text/csv": CSV }),
        304: notModified,
        ...errors,
      },
    },
  ];
}

const SCRIPT = { type: "string", description: "JavaScript." } as const;

export const OPERATIONS: readonly Operation[] = [
  {
    method: "get",
    path: "/api/public/agencies",
    operationId: "listPublicAgencies",
    summary: "机构列表",
    description:
      "Agencies, filtered by level, kind, scope, region-code prefix or subtree, and by name; paged.",
    tags: tags("agencies"),
    query: publicAgenciesQuery,
    responses: {
      200: jsonOrCsv("A page of agencies.", agencyListSchema),
      304: notModified,
      400: invalid,
      404: missing("上级机构（under）"),
    },
  },
  {
    method: "get",
    path: "/api/public/agencies/{id}",
    operationId: "getPublicAgency",
    summary: "机构及其已公开的年度报告",
    description:
      "One agency, its parent and the years it has a published report for; unpublished years are not mentioned.",
    tags: tags("agencies"),
    params: publicAgencyPath,
    responses: {
      200: json("The agency.", agencyDetailSchema),
      304: notModified,
      400: invalid,
      404: missing("机构"),
    },
  },
  {
    method: "get",
    path: "/api/public/agencies/{id}/reports/{year}",
    operationId: "getPublicReport",
    summary: "已公开的年度报告",
    description:
      "The published (approved) revision of an agency's report for a year, as the canonical report document, with its publication dates and the number of corrections. A correction under review is not shown until approved.",
    tags: tags("agencies"),
    params: publicReportPath,
    query: publicReportQuery,
    responses: {
      200: jsonOrCsv("The published report.", publicReportSchema),
      304: notModified,
      400: invalid,
      404: missing("该年度已公开的报告"),
    },
  },
  {
    method: "get",
    path: "/api/public/agencies/{id}/reports/{year}/corrections",
    operationId: "listPublicReportCorrections",
    summary: "报告的更正记录",
    description:
      "Every correction published after the report's first publication, with its reason and the changed figures and fields.",
    tags: tags("agencies"),
    params: publicReportPath,
    responses: {
      200: json("The correction log.", correctionsSchema),
      304: notModified,
      400: invalid,
      404: missing("该年度已公开的报告"),
    },
  },
  {
    method: "get",
    path: "/api/public/rollup",
    operationId: "getPublicRollup",
    summary: "地区合计",
    description:
      "Every figure of a year's published reports summed over a region: an agency's subtree (under) or a region-code prefix (region); at most one of the two.",
    tags: tags("aggregates"),
    query: publicRollupQuery,
    parameterText: AGGREGATE_TEXT,
    responses: {
      200: jsonOrCsv("The sums.", rollupSchema),
      304: notModified,
      400: invalid,
      404: missing("上级机构（under）"),
    },
  },
  {
    method: "get",
    path: "/api/public/indicators",
    operationId: "getPublicIndicators",
    summary: "派生指标（按年度）",
    description:
      "The derived indicators (disclosure rate, denial rate, …) per year, of one agency (agency) or of a region (under or region): name exactly one. At most 12 years.",
    tags: tags("aggregates"),
    query: publicIndicatorsQuery,
    parameterText: AGGREGATE_TEXT,
    responses: {
      200: jsonOrCsv("The indicators per year.", indicatorsSchema),
      304: notModified,
      400: invalid,
      404: missing("机构"),
    },
  },
  {
    method: "get",
    path: "/api/public/series",
    operationId: "getPublicSeries",
    summary: "单项数字的年度序列",
    description:
      "One figure over the years, of one agency (agency) or of a region (under or region): name exactly one. Years without a published report are left out.",
    tags: tags("aggregates"),
    query: publicSeriesQuery,
    parameterText: AGGREGATE_TEXT,
    responses: {
      200: jsonOrCsv("The series.", seriesSchema),
      304: notModified,
      400: invalid,
      404: missing("机构"),
    },
  },
  {
    method: "get",
    path: "/api/public/bulk/{year}.csv",
    operationId: "getBulkCsv",
    summary: "年度全部数字（CSV）",
    description:
      "Every figure of every published report of the year, one line per figure, streamed. The licence comes first as '#' comment lines; the columns are described by the year's datapackage.json.",
    tags: tags("bulk"),
    params: packagePath,
    responses: {
      200: ok("The year's figures.", { "text/csv": CSV }),
      304: notModified,
      400: invalid,
      404: missing("该年度已公开的报告"),
    },
  },
  {
    method: "get",
    path: "/api/public/bulk/{year}/datapackage.json",
    operationId: "getBulkDataPackage",
    summary: "年度数据包说明（datapackage.json）",
    description:
      "The Frictionless Tabular Data Package describing the year's CSV: its columns, licence and version.",
    tags: tags("bulk"),
    params: packagePath,
    responses: {
      200: json("The data package.", dataPackageSchema),
      304: notModified,
      400: invalid,
      404: missing("该年度已公开的报告"),
    },
  },
  ...embedPair("agency"),
  ...embedPair("region"),
  {
    method: "get",
    path: "/embed/loader.js",
    operationId: "getEmbedLoader",
    summary: "嵌入加载脚本",
    description:
      "The optional script a host page includes to size its embed frames to their content.",
    tags: tags("embeds"),
    responses: { 200: { description: "The script.", content: { "text/javascript": SCRIPT } } },
  },
  {
    method: "get",
    path: "/embed/resize.js",
    operationId: "getEmbedResize",
    summary: "嵌入页尺寸脚本",
    description: "The script inside an embed page that reports its height to the loader.",
    tags: tags("embeds"),
    responses: { 200: { description: "The script.", content: { "text/javascript": SCRIPT } } },
  },
  {
    method: "get",
    path: "/api/openapi.json",
    operationId: "getOpenApiDocument",
    summary: "OpenAPI 文档",
    description: "This OpenAPI 3.1 document.",
    tags: tags("meta"),
    responses: {
      200: { description: "The document.", content: { [JSON_TYPE]: { type: "object" } } },
    },
  },
];
