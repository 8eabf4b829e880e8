import { createRoute } from "@hono/zod-openapi";
import { z } from "zod";
import {
  BULK_PAGE_SIZE,
  BULK_TABLE_LABELS,
  BULK_TABLES,
  publishedYear,
  publishedYearPages,
  type BulkReport,
  type FigureSlot,
} from "../db/queries/bulk";
import { AGENCY_KINDS, AGENCY_LEVELS, AGENCY_SCOPES } from "../db/schema";
import { attachment, csvLine, pagedCsvStream } from "../http/csv";
import { notFound } from "../http/errors";
import { year } from "../http/params";
import { validate } from "../http/validate";
import { cached, errors, jsonAnswer, NOT_MODIFIED, PUBLIC, textAnswer } from "../openapi/contract";
import { dataPackageSchema } from "../openapi/bodies/public";
import { routeGroup } from "../openapi/route-group";
import { EDGE_STORE_HEADER } from "../middleware/public-cache";
import { LICENCE, LICENCE_LINK } from "../public/licence";
import { TEMPLATES } from "../report/templates";

type FieldType = "integer" | "number" | "string";

interface Field {
  name: string;
  type: FieldType;
  title: string;
  description: string;
  constraints?: { required?: boolean; enum?: readonly string[]; pattern?: string };
}

const tableConvention = BULK_TABLES.map((t) => `${t} = ${BULK_TABLE_LABELS[t]}`).join("; ");

/**
 * The columns of the bulk CSV, in order: the CSV header and the datapackage's schema are both
 * made from this list, so they cannot drift apart.
 */
const BULK_FIELDS: readonly Field[] = [
  {
    name: "agency_id",
    type: "integer",
    title: "机构编号",
    description: "年报平台的机构编号。Agency id on Nianbao; stable across years.",
    constraints: { required: true },
  },
  {
    name: "agency_name",
    type: "string",
    title: "机构名称",
    description: "发布报告的机构。The reporting agency's name.",
    constraints: { required: true },
  },
  {
    name: "region_code",
    type: "string",
    title: "行政区划代码",
    description:
      "机构所在地区的 6 位行政区划代码。The 6-digit administrative division code of the agency's region.",
    constraints: { required: true, pattern: "[0-9]{6}" },
  },
  {
    name: "level",
    type: "string",
    title: "层级",
    description:
      "province 省、city 设区的市、county 县（县级市、区）、township 乡镇（街道）。The agency's administrative level.",
    constraints: { required: true, enum: AGENCY_LEVELS },
  },
  {
    name: "kind",
    type: "string",
    title: "机构类型",
    description: "government 政府（办公厅、办公室）或 department 部门。Government or department.",
    constraints: { required: true, enum: AGENCY_KINDS },
  },
  {
    name: "scope",
    type: "string",
    title: "报告范围",
    description:
      "region 全地区汇总的报告或 self 本机关的报告；两者不可互相比较。A whole-region report or the agency's own; never compare the one with the other.",
    constraints: { required: true, enum: AGENCY_SCOPES },
  },
  {
    name: "year",
    type: "integer",
    title: "报告年度",
    description: "报告所述年度。The year the report covers.",
    constraints: { required: true },
  },
  {
    name: "template",
    type: "string",
    title: "报告格式",
    description:
      "2021：国办公开办函〔2021〕30号格式；2019：国办公开办函〔2019〕60号试行格式（表二不同）。The report format: 2021 national format, or the 2019 trial format with its own table 2.",
    constraints: { required: true, enum: TEMPLATES },
  },
  {
    name: "table",
    type: "string",
    title: "表",
    description: `数字所在的表，即指标键的第一段：${tableConvention}（其他指标为正文中的数字）。The table the figure is printed in, the first segment of its key; metrics are figures from the narrative.`,
    constraints: { required: true },
  },
  {
    name: "table_label",
    type: "string",
    title: "表名",
    description: "表的中文名称。The table's Chinese name.",
  },
  {
    name: "row",
    type: "string",
    title: "行",
    description: "行的键，如 new_received、reconsideration、website_visits。The row key.",
    constraints: { required: true },
  },
  {
    name: "row_label",
    type: "string",
    title: "行名称",
    description:
      "按官方格式印制的行名称（表三、表四带上级栏目）；平台不认识的指标为空。The row as printed in the official format, with its heading; empty for figures the platform does not know.",
  },
  {
    name: "column",
    type: "string",
    title: "列",
    description:
      "列的键，如 natural_person、total、corrected；只有一个数字的行（表二的行政许可等、其他指标）为空。The column key; empty where the row holds a single figure.",
  },
  {
    name: "column_label",
    type: "string",
    title: "列名称",
    description:
      "按官方格式印制的列名称（表二只有一列的行也给出该列的名称）。The column heading as printed (given for table 2's single-figure rows too).",
  },
  {
    name: "unit",
    type: "string",
    title: "单位",
    description:
      "件、万元、元、次等。The figure's unit: fees in table 2 are in 10,000 yuan (万元).",
  },
  {
    name: "value",
    type: "number",
    title: "数值",
    description:
      "报告公开的数字，空表示报告中该格为空（不是 0）。The figure as published; empty where the report left the cell blank, which is not zero.",
  },
];

export const BULK_HEADER = BULK_FIELDS.map((f) => f.name);

/** The licence as CSV comment lines (the datapackage declares `commentChar: "#"`). */
const PREAMBLE = `# ${LICENCE.statement}\r\n# ${LICENCE.statementEn}\r\n${csvLine(BULK_HEADER)}\r\n`;

/** One report's lines; the columns each slot and each report share are quoted once. */
function reportLines(report: BulkReport, slotText: (slot: FigureSlot) => string): string {
  const prefix = csvLine([
    report.agencyId,
    report.agencyName,
    report.regionCode,
    report.level,
    report.kind,
    report.scope,
    report.year,
    report.template,
  ]);
  let text = "";
  for (const { slot, value } of report.figures)
    text += `${prefix},${slotText(slot)},${value === null ? "" : String(value)}\r\n`;
  return text;
}

function slotTexts() {
  const cache = new Map<string, string>();
  return (slot: FigureSlot) => {
    let text = cache.get(slot.key);
    if (text === undefined) {
      text = csvLine([
        slot.table,
        slot.tableLabel,
        slot.row,
        slot.rowLabel,
        slot.column,
        slot.columnLabel,
        slot.unit,
      ]);
      cache.set(slot.key, text);
    }
    return text;
  };
}

/** The year out of a path segment; anything but four digits is a 400 naming `year`. */
const yearIn = (segment: RegExp) =>
  z
    .string()
    .regex(segment, "年份须为 4 位数字")
    .transform((text, ctx) => {
      // `year` takes any input (it coerces), so it cannot be the target of a string pipe.
      const parsed = year.safeParse(text.slice(0, 4));
      if (parsed.success) return parsed.data;
      ctx.addIssue({ code: "custom", message: parsed.error.issues[0]?.message ?? "年份无效" });
      return z.NEVER;
    });

const csvPath = z.object({ year: yearIn(/^[0-9]{4}\.csv$/) });
const packagePath = z.object({ year: yearIn(/^[0-9]{4}$/) });

const notPublished = (y: number) =>
  notFound(`${y} 年度已公开的报告`, `A published report for ${y}`);

const csvRoute = createRoute({
  method: "get",
  path: "/{year}.csv",
  operationId: "getBulkCsv",
  summary: "年度全部数字（CSV）",
  description:
    "Every figure of every published report of the year, one line per figure, streamed. The licence comes first as '#' comment lines; the columns are described by the year's datapackage.json.",
  tags: ["bulk"],
  ...PUBLIC,
  request: { params: z.object({ year: yearIn(/^[0-9]{4}$/) }) },
  responses: {
    200: cached(textAnswer("The year's figures.", "text/csv", "RFC 4180 CSV, UTF-8 with a BOM.")),
    304: NOT_MODIFIED,
    ...errors(400, 404),
  },
});

const packageRoute = createRoute({
  method: "get",
  path: "/{year}/datapackage.json",
  operationId: "getBulkDataPackage",
  summary: "年度数据包说明（datapackage.json）",
  description:
    "The Frictionless Tabular Data Package describing the year's CSV: its columns, licence and version.",
  tags: ["bulk"],
  ...PUBLIC,
  request: { params: packagePath },
  responses: {
    200: cached(jsonAnswer("The data package.", dataPackageSchema)),
    304: NOT_MODIFIED,
    ...errors(400, 404),
  },
});

/**
 * The per-year open data: every figure of every published (approved) report as one long CSV,
 * and the Frictionless Data Package describing it. `pageSize` is the reports per D1 query.
 */
export const createPublicBulkRoutes = ({ pageSize = BULK_PAGE_SIZE } = {}) => {
  const routes = routeGroup();
  // A path parameter cannot be followed by text in its segment: the router takes the whole file
  // name and the schema reads the year out of it, so the declaration is registered beside it.
  routes.openAPIRegistry.registerPath(csvRoute);
  return routes
    .openapi(packageRoute, async (c) => {
      const { year } = c.req.valid("param");
      const published = await publishedYear(c.var.db, year);
      if (!published) throw notPublished(year);
      c.header("link", LICENCE_LINK);
      return c.json(dataPackage(year, published, c.req.url), 200);
    })
    .get("/:year{[^/]+\\.csv}", validate("param", csvPath), async (c) => {
      const { year } = c.req.valid("param");
      const pages = publishedYearPages(c.var.db, year, pageSize);
      const first = await pages.next();
      if (first.done) throw notPublished(year);
      const slotText = slotTexts();
      return c.body(
        pagedCsvStream(first.value, pages, {
          preamble: PREAMBLE,
          item: (report) => reportLines(report, slotText),
        }),
        200,
        {
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": attachment(`nianbao-${year}.csv`),
          link: LICENCE_LINK,
          // A nation's year is over a gigabyte: streamed to each reader, never held at the edge.
          [EDGE_STORE_HEADER]: "bypass",
        },
      );
    });
};

export const publicBulkRoutes = createPublicBulkRoutes();

/** https://specs.frictionlessdata.io/tabular-data-package/ (v1). */
function dataPackage(
  y: number,
  published: { version: number; publishedAt: string },
  requestUrl: string,
) {
  const csvUrl = new URL(`../${y}.csv`, requestUrl).toString();
  const title = `${y} 年度政府信息公开工作年度报告数据`;
  return {
    profile: "tabular-data-package",
    name: `nianbao-${y}`,
    title,
    description:
      `Every figure of every published (approved) ${y} annual open-government-information report on Nianbao, one line per figure: ` +
      `tables 2, 3 and 4 of the national format and the registered narrative metrics, with the official Chinese row and column labels. ` +
      `A figure the report left blank has an empty value. Corrections replace a report's figures once approved; "version" is the newest publication of the year.`,
    version: String(published.version),
    created: published.publishedAt,
    keywords: ["政府信息公开", "年度报告", "open government information", "annual report"],
    licenses: [{ name: LICENCE.name, path: LICENCE.url, title: LICENCE.title }],
    sources: [
      {
        title: "各机构公开发布的政府信息公开工作年度报告 (the agencies' published annual reports)",
        path: new URL("/", requestUrl).toString(),
      },
    ],
    resources: [
      {
        name: `nianbao-${y}`,
        path: csvUrl,
        profile: "tabular-data-resource",
        title,
        description: `${LICENCE.statement} ${LICENCE.statementEn}`,
        format: "csv",
        mediatype: "text/csv",
        encoding: "utf-8",
        licenses: [{ name: LICENCE.name, path: LICENCE.url, title: LICENCE.title }],
        dialect: {
          delimiter: ",",
          lineTerminator: "\r\n",
          quoteChar: '"',
          doubleQuote: true,
          header: true,
          commentChar: "#",
        },
        schema: {
          fields: BULK_FIELDS,
          missingValues: [""],
          primaryKey: ["agency_id", "year", "table", "row", "column"],
        },
      },
    ],
  };
}
