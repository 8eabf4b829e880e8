import type { RegionReport } from "../http/region-report-body";
import {
  SECTION3_COLUMNS,
  SECTION3_CORNER_NOTE,
  SECTION3_ROWS,
  SECTION4_COLUMNS,
  SECTION4_GROUPS,
  section2Rows,
  section3RowFullLabel,
  section4GroupFullLabel,
  type Section2RowDef,
} from "../report/templates";
import { figureDef } from "../report/figures";
import { INCLUSION_LABELS } from "../report/region-coverage";
import { regionNameOf, regionReportCoverage, regionReportTitle } from "../report/region-title";
import {
  KIND_LABELS,
  LEVEL_LABELS,
  SCOPE_LABELS,
  STATUS_LABELS,
  labelOf,
  type Label,
} from "../report/vocabulary";
import type { XlsxCell, XlsxMerge, XlsxSheet } from "./xlsx";

/** The （六） total of the region's table 三: the three split rows and the single-layout row. */
export const OTHER_PROCESSING_TOTAL = {
  key: "other_processing_total",
  label: "三、本年度办理结果 （六）其他处理（合计）",
};

/** What table 二 shows for a stock in force, which a sum would double count (说明 says why). */
const NOT_SUMMED = "不汇总";

/** The printed heading over table 三's columns (its three rows sit beside the corner formula). */
const APPLICANTS = "申请人情况";

/**
 * The ledger's columns, in the order of the CSV (machine names) and the workbook (Chinese
 * headings): each code stands beside its label, so a spreadsheet reads in words and a program
 * can still join on the codes.
 */
const LEDGER_COLUMNS: readonly [csv: string, sheet: string][] = [
  ["agency_id", "机构编号"],
  ["agency_name", "机构名称"],
  ["level", "层级代码"],
  ["level_label", "层级"],
  ["kind", "类型代码"],
  ["kind_label", "类型"],
  ["scope", "范围代码"],
  ["scope_label", "范围"],
  ["region_code", "行政区划代码"],
  ["inclusion", "汇总情况代码"],
  ["inclusion_label", "汇总情况"],
  ["report_status", "报告状态代码"],
  ["report_status_label", "报告状态"],
  ["template", "格式代码"],
  ["template_label", "格式"],
];

export const LEDGER_CSV_HEADER = LEDGER_COLUMNS.map(([csv]) => csv);

const zh = (labels: Record<string, Label>, code: string | null) =>
  code === null ? null : (labelOf(labels, code)?.zh ?? code);

const TEMPLATE_LABELS: Record<string, Label> = {
  "2021": { zh: "2021 年格式", en: "2021 format" },
  "2019": { zh: "2019 年试行格式", en: "2019 trial format" },
};

/**
 * The region's report as workbook sheets: 说明, then tables 二, 三 and 四 laid out as printed,
 * with the labels of the CSV export, then the ledger of agencies.
 */
export function regionReportSheets(body: RegionReport): XlsxSheet[] {
  return [
    notesSheet(body),
    section2Sheet(body),
    section3Sheet(body),
    section4Sheet(body),
    ledger(body),
  ];
}

/**
 * 说明: the title and coverage, then what each count and choice means, the rules the summed
 * tables break (each with the reports it comes from), and the region's own report against the sum.
 */
function notesSheet(body: RegionReport): XlsxSheet {
  const scope = body.scope === "region" ? "region" : "self";
  const title = regionReportTitle(body.region && regionNameOf(body.region.name), body.year);
  const head: XlsxCell[][] = [
    [title],
    [regionReportCoverage(body.counts, body.ledger_total, scope)],
    ["项目", "值", "说明"],
  ];
  const rows: XlsxCell[][] = [
    ["年度", body.year, title],
    [
      "汇总范围",
      zh(SCOPE_LABELS, body.scope),
      scope === "self"
        ? "各机关本机关的年度报告（scope=self）"
        : "各政府全地区的年度报告，只计最上一级（scope=region）",
    ],
    ["数据口径", "已发布", "只汇总已发布（审核通过）的报告版本（basis=published）"],
    ["已纳入机构数", body.counts.included, "报告已发布、计入各表合计"],
    ...(scope === "region"
      ? [
          ["已含于上级报告", body.counts.contained, "上级政府的全地区报告已包含，不重复计入"],
          [
            "由下级报告代替",
            body.counts.covered_by_parts,
            "本级报告未发布，由其下级的全地区报告计入",
          ],
        ]
      : []),
    ["未发布机构数", body.counts.pending, "已填报但尚未发布，不计入合计"],
    ["未报送机构数", body.counts.missing, "尚无本年度报告"],
    ["表二现行有效件数", NOT_SUMMED, body.section2_not_summed.reason],
    ...Object.entries(body.section3.derived_totals).map(([row, count]) => [
      `表三“${section3RowFullLabel(row as never).label}”总计`,
      count,
      "份报告未填总计，按六类申请人之和计入",
    ]),
    ...findingRows(body.findings),
    ...(body.own_report
      ? [
          [
            "本级自报与汇总核对",
            body.own_report.parts_reports,
            "所含报告份数（各部门本机关报告及下级全地区报告）",
          ],
          ...body.own_report.figures.map((row) => [
            `${figureDef(row.figure).label}`,
            row.own,
            row.large ? row.message! : `所含报告汇总 ${row.parts ?? "—"}`,
          ]),
        ]
      : []),
    ["2021 年格式报告数", body.templates["2021"] ?? 0, "表二按 2021 年格式汇总，只含这些报告"],
    [
      "2019 年格式报告数",
      body.templates["2019"] ?? 0,
      "试行格式的（六）其他处理只有一行，计入表三“（六）其他处理”行",
    ],
  ];
  return {
    name: "说明",
    rows: [...head, ...rows],
    boldRows: [0, 2],
    frozenRows: head.length,
    merges: [
      { row: 0, column: 0, colSpan: 3 },
      { row: 1, column: 0, colSpan: 3 },
    ],
    columnWidths: [24, 16, 80],
  };
}

/** The rules the summed tables break: how many, then each in words with its reports. */
function findingRows(findings: RegionReport["findings"]): XlsxCell[][] {
  const count: XlsxCell[] = [
    "汇总表核对",
    findings.length,
    findings.length === 0
      ? "汇总后的表格符合各项勾稽关系"
      : "汇总后的表格按单份报告的规则核对，以下各条不成立",
  ];
  return [
    count,
    ...findings.map((f) => [
      f.severity === "error" ? "错误" : "提示",
      f.message,
      summedFindingSources(f.sources),
    ]),
  ];
}

/** Which summed reports a finding comes from, in one sentence. */
function summedFindingSources(sources: RegionReport["findings"][number]["sources"]) {
  if (sources.total === 0)
    return "所汇总的报告都不单独违反这条规则，可能由部分报告空白的单元格造成";
  const names = sources.items.map((s) => s.agency_name).join("、");
  const more = sources.total > sources.items.length ? ` 等 ${sources.total} 份报告` : "";
  const where = sources.same_place ? "在同一处" : "";
  return `来自${names}${more}的报告（${where}违反同一规则）`;
}

/**
 * Table 二 as printed: each item of Art. 20 (第二十条第（一）项 …) is a heading row, then
 * 信息内容 and that item's columns, then its rows; a row with fewer columns than the widest
 * stretches its last cell.
 */
function section2Sheet(body: RegionReport): XlsxSheet {
  const defs = section2Rows("2021");
  const width = Math.max(...defs.map((d) => (d.shape === "scalar" ? 1 : d.columns.length)));
  const rows: XlsxCell[][] = [];
  const boldRows: number[] = [];
  const merges: XlsxMerge[] = [];
  const stretch = (count: number) => {
    if (count < width) merges.push({ row: rows.length, column: count, colSpan: width - count + 1 });
  };
  let item: string | undefined;
  for (const def of defs) {
    const columns = def.shape === "scalar" ? [def.column] : def.columns;
    if (def.item !== item) {
      item = def.item;
      boldRows.push(rows.length, rows.length + 1);
      merges.push({ row: rows.length, column: 0, colSpan: width + 1 });
      rows.push([`第二十条${def.item}`]);
      stretch(columns.length);
      rows.push(["信息内容", ...columns.map((c) => c.label)]);
    }
    stretch(columns.length);
    rows.push([def.label, ...section2Values(body, def)]);
  }
  return { name: "表二", rows, boldRows, merges };
}

function section2Values(body: RegionReport, def: Section2RowDef): XlsxCell[] {
  if (def.shape === "scalar") return [body.section2[`section2.${def.key}`] ?? null];
  return def.columns.map((c) => {
    const key = `section2.${def.key}.${c.key}`;
    return body.section2_not_summed.figures.includes(key)
      ? NOT_SUMMED
      : (body.section2[key] ?? null);
  });
}

/**
 * Table 三 under its printed header (申请人情况 → 自然人 | 法人或其他组织 (five columns) | 总计),
 * with every row of both layouts of （六） and their total just before （七）总计.
 */
function section3Sheet(body: RegionReport): XlsxSheet {
  const organisations = SECTION3_COLUMNS.filter((c) => "group" in c);
  const last = SECTION3_COLUMNS.length;
  const header: XlsxCell[][] = [
    [SECTION3_CORNER_NOTE, APPLICANTS],
    [
      null,
      SECTION3_COLUMNS[0].label,
      organisations[0]!.group,
      ...organisations.slice(1).map(() => null),
      SECTION3_COLUMNS[6].label,
    ],
    [null, null, ...organisations.map((c) => c.label)],
  ];
  const rows: XlsxCell[][] = [];
  for (const row of SECTION3_ROWS) {
    if (row.key === "total_processed")
      rows.push([OTHER_PROCESSING_TOTAL.label, ...body.section3.other_processing_total]);
    const cells = body.section3.rows[row.key];
    rows.push([
      section3RowFullLabel(row.key).label,
      ...SECTION3_COLUMNS.map((_, i) => cells?.[i] ?? null),
    ]);
  }
  return {
    name: "表三",
    rows: [...header, ...rows],
    boldRows: [0, 1, 2],
    frozenRows: header.length,
    merges: [
      { row: 0, column: 0, rowSpan: 3 },
      { row: 0, column: 1, colSpan: last },
      { row: 1, column: 1, rowSpan: 2 },
      { row: 1, column: 2, colSpan: organisations.length },
      { row: 1, column: last, rowSpan: 2 },
    ],
  };
}

/** Table 四 with one row per group (行政复议, 行政诉讼 …) and the five printed columns. */
function section4Sheet(body: RegionReport): XlsxSheet {
  return {
    name: "表四",
    rows: [
      [null, ...SECTION4_COLUMNS.map((c) => c.label)],
      ...SECTION4_GROUPS.map((group) => [
        section4GroupFullLabel(group.key).label,
        ...SECTION4_COLUMNS.map((_, i) => body.section4[group.key]?.[i] ?? null),
      ]),
    ],
    boldRows: [0],
    frozenRows: 1,
  };
}

function ledger(body: RegionReport): XlsxSheet {
  return {
    name: "机构清单",
    rows: [LEDGER_COLUMNS.map(([, sheet]) => sheet), ...body.ledger.map(ledgerRow)],
    boldRows: [0],
    frozenRows: 1,
  };
}

/** One agency of the ledger as a row, in the column order of the CSV and the workbook. */
export const ledgerRow = (a: RegionReport["ledger"][number]) => [
  a.id,
  a.name,
  a.level,
  zh(LEVEL_LABELS, a.level),
  a.kind,
  zh(KIND_LABELS, a.kind),
  a.scope,
  zh(SCOPE_LABELS, a.scope),
  a.region_code,
  a.inclusion,
  zh(INCLUSION_LABELS, a.inclusion),
  a.report_status,
  zh(STATUS_LABELS, a.report_status),
  a.template,
  zh(TEMPLATE_LABELS, a.template),
];
