import { createRoute } from "@hono/zod-openapi";
import { createMiddleware } from "hono/factory";
import { z } from "zod";
import type { AppEnv } from "../app-env";
import { ledgerPage, rollup } from "../db/queries/rollup";
import {
  LEDGER_CSV_HEADER,
  ledgerRow,
  OTHER_PROCESSING_TOTAL,
  regionReportSheets,
} from "../export/region-report-workbook";
import { XLSX_CONTENT_TYPE, xlsxWorkbook } from "../export/xlsx";
import { attachment, toCsv } from "../http/csv";
import { agencyFilter, scope, year } from "../http/params";
import type { RegionReport } from "../http/region-report-body";
import { authorize } from "../middleware/actor";
import { errors, jsonAnswer, textAnswer } from "../openapi/contract";
import { regionReportSchema } from "../openapi/bodies/dashboards";
import { routeGroup } from "../openapi/route-group";
import { otherProcessingTotal } from "../report/other-processing";
import { regionCrossCheck } from "../services/region-cross-check";
import { summedFindings } from "../services/summed-findings";
import { getAgency } from "../db/queries/agencies";
import {
  presentLedgerEntry,
  requireRootWhenEmpty,
  seesWorkflow,
} from "../services/aggregate-scope";
import {
  SECTION3_COLUMNS,
  SECTION3_ROWS,
  SECTION4_COLUMNS,
  SECTION4_GROUPS,
  section2Rows,
  section3RowFullLabel,
  section4GroupFullLabel,
} from "../report/templates";

const regionReportQuery = z.strictObject({
  ...agencyFilter,
  scope: scope.default("self"),
  year,
  format: z.enum(["json", "csv", "xlsx"]).default("json").meta({
    description:
      "json（默认）；csv：UTF-8 带 BOM 的 CSV 下载（part 选表格或机构清单）；xlsx：一个工作簿（说明、表二、表三、表四、机构清单）。json (default); csv, a download of the tables or the ledger (part); xlsx, one workbook of every table and the ledger.",
  }),
  part: z.enum(["tables", "ledger"]).default("tables").meta({
    description:
      "format=csv 时下载的内容：tables 各表每格一行（默认），ledger 机构清单。With format=csv: one line per table cell (tables, default) or the agencies (ledger).",
  }),
});

/** One CSV line per table cell (official labels), or with `part=ledger` the agencies. */
function regionReportCsv(body: RegionReport, part: string) {
  if (part === "ledger") return toCsv(LEDGER_CSV_HEADER, body.ledger.map(ledgerRow));
  const lines: unknown[][] = [];
  for (const row of section2Rows("2021")) {
    if (row.shape === "scalar") {
      lines.push([
        "二",
        row.key,
        row.label,
        row.column.label,
        body.section2[`section2.${row.key}`],
      ]);
      continue;
    }
    for (const column of row.columns) {
      lines.push([
        "二",
        row.key,
        row.label,
        column.label,
        body.section2[`section2.${row.key}.${column.key}`],
      ]);
    }
  }
  for (const row of SECTION3_ROWS) {
    const label = section3RowFullLabel(row.key).label;
    SECTION3_COLUMNS.forEach((column, i) =>
      lines.push(["三", row.key, label, column.label, body.section3.rows[row.key]?.[i] ?? null]),
    );
  }
  SECTION3_COLUMNS.forEach((column, i) =>
    lines.push([
      "三",
      OTHER_PROCESSING_TOTAL.key,
      OTHER_PROCESSING_TOTAL.label,
      column.label,
      body.section3.other_processing_total[i],
    ]),
  );
  for (const group of SECTION4_GROUPS) {
    const label = section4GroupFullLabel(group.key).label;
    SECTION4_COLUMNS.forEach((column, i) =>
      lines.push(["四", group.key, label, column.label, body.section4[group.key]?.[i] ?? null]),
    );
  }
  return toCsv(["table", "row_key", "row_label", "column_label", "value"], lines);
}

const csvParts = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  if (c.req.query("format") !== "csv" || c.res.status !== 200) return;
  const part = c.req.query("part") ?? "tables";
  const body = await c.res.json<RegionReport>();
  c.res = new Response(regionReportCsv(body, part), {
    status: 200,
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": attachment(`region-report-${body.year}-${part}.csv`),
    },
  });
});

/** With `format=xlsx`, one workbook: 说明, 表二, 表三, 表四 and the ledger (机构清单). */
const xlsxWorkbookVariant = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  if (c.req.query("format") !== "xlsx" || c.res.status !== 200) return;
  const body = await c.res.json<RegionReport>();
  c.res = new Response(xlsxWorkbook(regionReportSheets(body)), {
    status: 200,
    headers: {
      "content-type": XLSX_CONTENT_TYPE,
      "content-disposition": attachment(`region-report-${body.year}.xlsx`),
    },
  });
});

const regionReportRoute = createRoute({
  method: "get",
  path: "/",
  operationId: "getRegionReport",
  summary: "地区汇总年度报告",
  description:
    "The region's own annual report: tables 二, 三 and 四 summed over the published revisions of one scope's reports (for whole-region reports, the topmost ones), with the ledger's counts and the region government's own report against the sum of what it contains (自报 vs 汇总). format=csv downloads the tables (or with part=ledger the agencies), format=xlsx one workbook of all of them.",
  tags: ["dashboards"],
  middleware: [authorize("report.read_published"), csvParts, xlsxWorkbookVariant],
  request: { query: regionReportQuery },
  responses: {
    200: {
      description: "The region report (a CSV with format=csv, a workbook with format=xlsx).",
      content: {
        ...jsonAnswer("", regionReportSchema).content,
        ...textAnswer("", "text/csv", "RFC 4180 CSV, UTF-8 with a BOM.").content,
        ...textAnswer("", XLSX_CONTENT_TYPE, "An Office Open XML workbook (binary).").content,
      },
    },
    ...errors(400, 404),
  },
});

/**
 * The region's own annual report: tables 二, 三 and 四 summed over the published (approved)
 * revisions of one scope's reports (for whole-region reports, the topmost ones) — whoever
 * asks, since the region's report is a published document — with the ledger of agencies
 * included, contained, covered by parts, pending and missing, and beside it the region
 * government's own report against the sum of what it contains (自报 vs 汇总).
 */
export const regionReportRoutes = routeGroup().openapi(regionReportRoute, async (c) => {
  const { format, part, ...query } = c.req.valid("query");
  const summed = { ...query, basis: "published" as const };
  const result = await rollup(c.var.db, summed, { templates: true });
  await requireRootWhenEmpty(c.var.db, query.under, result.ledger.total === 0);
  const figure = (key: string) => result.figures[key]?.sum ?? null;

  // Table 二 keys differ between the templates, so summing the 2021 keys sums only the
  // 2021-template reports; the counts say how many of each were included. Stocks in force
  // are not summed: a province's 规章 appear in the reports of every office that applies them.
  const section2: Record<string, number | null> = {};
  const notSummed: string[] = [];
  for (const row of section2Rows("2021")) {
    if (row.shape === "scalar") section2[`section2.${row.key}`] = figure(`section2.${row.key}`);
    else
      for (const column of row.columns) {
        const key = `section2.${row.key}.${column.key}`;
        const stock = column.key === "valid";
        section2[key] = stock ? null : figure(key);
        if (stock) notSummed.push(key);
      }
  }
  const section4 = Object.fromEntries(
    SECTION4_GROUPS.map((group) => [
      group.key,
      SECTION4_COLUMNS.map((column) => figure(`section4.${group.key}.${column.key}`)),
    ]),
  );
  const sums = { year: query.year, section2, section3: { rows: result.section3 }, section4 };
  const [region, findings, ownReport] = await Promise.all([
    query.under === undefined ? undefined : getAgency(c.var.db, query.under),
    summedFindings(c.var.db, summed, sums),
    regionCrossCheck(c.var.db, summed),
  ]);
  const report = {
    year: query.year,
    region: region ? { id: region.id, name: region.name } : null,
    scope: query.scope,
    basis: "published" as const,
    templates: result.ledger.templates,
    counts: result.ledger.counts,
    ledger_total: result.ledger.total,
    section2,
    section2_not_summed: {
      figures: notSummed,
      reason:
        "现行有效件数是存量，同一规章、规范性文件会出现在多个机关的报告中，相加没有意义，故不汇总；本年制发、废止件数可以相加。",
      reason_en:
        "Documents in force are a stock: the same regulation appears in several agencies' reports, so their sum means nothing and is left blank; documents made and repealed this year add up.",
    },
    section3: {
      rows: result.section3,
      derived_totals: result.derivedTotals,
      other_processing_total: otherProcessingTotal(result.section3),
    },
    section4,
    findings,
    own_report: ownReport,
  };
  if (format === "json" || (format === "csv" && part === "tables")) return c.json(report, 200);

  // The ledger's CSV and the workbook list the whole ledger, read in one statement.
  const workflow = await seesWorkflow(c.var.db, c.var.actor, query.under);
  const ledger = await ledgerPage(c.var.db, summed, { limit: null, offset: 0 });
  return c.json(
    {
      ...report,
      ledger: ledger.items.map((a) => ({
        ...presentLedgerEntry(a, workflow),
        template: a.template,
      })),
    } satisfies RegionReport,
    200,
  );
});
